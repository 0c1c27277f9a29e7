/**
 * `npm run bench`: every benchmark of the project, one run, figures printed as markdown
 * tables (copied into BENCHMARKS.md). Ratios within one run are what to compare.
 */
import { benchBuilds, formatBuildFigures } from './bench-build';

console.log(`# Tidings benchmarks — ${new Date().toISOString()}\n`);
console.log('## Build: content → model\n');
console.log(formatBuildFigures(await benchBuilds()));
