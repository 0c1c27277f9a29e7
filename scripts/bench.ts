/**
 * `npm run bench`: every benchmark of the project, one run, figures printed as markdown
 * tables (copied into BENCHMARKS.md). Ratios within one run are what to compare.
 */
import { benchBuilds, formatBuildFigures } from './bench-build';
import { benchFanoutSeries, formatFanout } from './bench-fanout';
import { benchFeeds, formatFeedFigures } from './bench-feeds';
import { benchScale, formatScale } from './bench-scale';
import { fidelity, formatFidelity } from './fidelity';

console.log(`# Tidings benchmarks — ${new Date().toISOString()}\n`);
console.log('## Build: content → model\n');
console.log(formatBuildFigures(await benchBuilds()));
console.log('\n## Fidelity: how each team of ../shared is read (npm run fidelity)\n');
console.log(formatFidelity(await fidelity()));
console.log('\n## Feeds\n');
console.log(formatFeedFigures(await benchFeeds()));
console.log('\n## Digest fan-out: cron → D1 → Queue → consumer → transport\n');
console.log(formatFanout(await benchFanoutSeries()));
console.log('\n## Publishing at scale: static output of up to 10,000 weekly updates\n');
console.log(formatScale(await benchScale({ sizes: [2000, 10_000] })));
