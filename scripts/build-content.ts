/**
 * `npm run build`: content/ → src/generated/site.json, the module the Worker imports.
 * Usage: tsx scripts/build-content.ts [--content DIR] [--out FILE]
 * Prints every problem as `path:line:col: message`; exits 1 when any is an error.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContentDir, formatMessages } from '../src/content';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'src/generated/site.json' },
    quiet: { type: 'boolean', default: false },
  },
});
const root = values.content!;
const out = values.out!;

try {
  const started = performance.now();
  const { site, files } = await buildContentDir(root);
  const report = formatMessages(files, root.endsWith('/') ? root : `${root}/`);
  if (report.text) console.error(report.text);
  if (report.errors > 0) {
    console.error(`\n${report.errors} error(s), ${report.warnings} warning(s): ${out} was not written.`);
    process.exit(1);
  }
  await mkdir(path.dirname(out), { recursive: true });
  // Stable key order and no timestamps: the same content always gives the same bytes. Written
  // aside and renamed, so a reader (wrangler dev, a test run) never sees half a file.
  const partial = `${out}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(site)}\n`);
  await rename(partial, out);
  if (!values.quiet) {
    const ms = (performance.now() - started).toFixed(0);
    console.log(
      `built ${site.updates.length} updates, ${site.teams.length} teams, ${site.milestones.length} milestones from ${root} in ${ms} ms → ${out} (version ${site.version}${report.warnings ? `, ${report.warnings} warning(s)` : ''})`,
    );
  }
} catch (error) {
  // Expected problems are messages above; anything else is a bug, but still one line.
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
