/**
 * `npm run bench`: every benchmark of the project, one run, figures printed as markdown
 * tables (copied into BENCHMARKS.md). Ratios within one run are what to compare.
 * `npm run bench -- hugo build` runs only the parts named (build, fidelity, feeds, fanout,
 * scale, hugo).
 */
import { benchBuilds, formatBuildFigures } from './bench-build';
import { benchFanoutSeries, formatFanout } from './bench-fanout';
import { benchFeeds, formatFeedFigures } from './bench-feeds';
import { benchHugo, formatHugo } from './bench-hugo';
import { benchScale, formatScale } from './bench-scale';
import { fidelity, formatFidelity } from './fidelity';

const parts: Record<string, { title: string; run: () => Promise<string> }> = {
  build: { title: 'Build: content → model', run: async () => formatBuildFigures(await benchBuilds()) },
  hugo: { title: 'Whole-process build against Hugo (same markdown)', run: async () => formatHugo(await benchHugo()) },
  fidelity: { title: 'Fidelity: how each team of ../shared is read (npm run fidelity)', run: async () => formatFidelity(await fidelity()) },
  feeds: { title: 'Feeds', run: async () => formatFeedFigures(await benchFeeds()) },
  fanout: { title: 'Digest fan-out: cron → D1 → Queue → consumer → transport', run: async () => formatFanout(await benchFanoutSeries()) },
  scale: { title: 'Publishing at scale: static output of up to 10,000 weekly updates', run: async () => formatScale(await benchScale({ sizes: [2000, 10_000] })) },
};
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(a in parts));
if (unknown.length > 0) {
  console.error(`unknown part(s): ${unknown.join(', ')}; parts: ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}

console.log(`# Tidings benchmarks — ${new Date().toISOString()}\n`);
for (const [name, part] of Object.entries(parts)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  console.log(`## ${part.title}\n`);
  console.log(await part.run());
  console.log('');
}
