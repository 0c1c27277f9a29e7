/**
 * `npm run upload-overflow`: puts the documents a build placed in R2 (OVERFLOW_STORE = "r2";
 * src/publish/overflow.ts) into the bucket bound as OVERFLOW in wrangler.toml, before
 * `wrangler deploy`. Only what changed since the last upload is sent (`wrangler r2 bulk put`),
 * and objects no build produces any more are deleted, so that a removed milestone answers 404.
 *
 * Usage: tsx scripts/upload-overflow.ts [--out dist/public] [--config wrangler.toml] [--local]
 *                                       [--persist-to DIR] [--dry-run]
 * `--local` fills wrangler's local R2 simulation (what `wrangler dev` serves).
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { parse as parseToml } from 'smol-toml';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist/public' },
    config: { type: 'string', default: 'wrangler.toml' },
    local: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const out = path.resolve(values.out!).replace(/\/+$/, '');
const config = parseToml(await readFile(values.config!, 'utf8')) as { r2_buckets?: Array<{ binding?: string; bucket_name?: string }> };
const bucket = config.r2_buckets?.find((b) => b.binding === 'OVERFLOW')?.bucket_name;
if (!bucket) {
  console.error(`${values.config}: no [[r2_buckets]] with binding = "OVERFLOW" (see README, "How big can it get")`);
  process.exit(1);
}

// What the build wrote (the writer's manifest: `r2:<file>` → hash) against what was uploaded.
const written = JSON.parse(await readFile(`${out}.manifest.json`, 'utf8')) as Record<string, string>;
// Kept with the build cache (.cache/tidings, what CI restores), not with the output.
const uploadedPath = path.resolve('.cache', 'tidings', `r2-uploaded-${bucket}${values.local ? '-local' : ''}.json`);
await mkdir(path.dirname(uploadedPath), { recursive: true });
const uploaded = JSON.parse(await readFile(uploadedPath, 'utf8').catch(() => '{}')) as Record<string, string>;
const wanted = new Map(Object.entries(written).flatMap(([k, hash]) => (k.startsWith('r2:') ? [[k.slice(3), hash] as const] : [])));
const put = [...wanted].filter(([key, hash]) => uploaded[key] !== hash).map(([key]) => ({ key, file: path.join(`${out}.r2`, ...key.split('/')) }));
const gone = Object.keys(uploaded).filter((key) => !wanted.has(key));
console.log(`${bucket}: ${wanted.size} objects, ${put.length} to put, ${gone.length} to delete${values.local ? ' (local)' : ''}`);
if (values['dry-run']) process.exit(0);

const wrangler = [path.join(root, 'node_modules/wrangler/bin/wrangler.js')];
const where = [values.local ? '--local' : '--remote', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : []), '--config', values.config!];
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const done: Record<string, string> = Object.fromEntries(Object.entries(uploaded).filter(([key]) => wanted.has(key)));
try {
  // A few hundred at a time: what is recorded as uploaded is what wrangler confirmed.
  for (let i = 0; i < put.length; i += 500) {
    const batch = put.slice(i, i + 500);
    const list = `${out}.r2.batch.json`;
    await writeFile(list, JSON.stringify(batch));
    await run(process.execPath, [...wrangler, 'r2', 'bulk', 'put', bucket, '--filename', list, '--force', ...where], { env, maxBuffer: 64 * 1024 * 1024 });
    await rm(list, { force: true });
    for (const { key } of batch) done[key] = wanted.get(key)!;
    console.log(`put ${Math.min(i + 500, put.length)} of ${put.length}`);
  }
  for (const key of gone) {
    await run(process.execPath, [...wrangler, 'r2', 'object', 'delete', `${bucket}/${key}`, ...where], { env });
    delete done[key];
  }
} finally {
  await writeFile(uploadedPath, `${JSON.stringify(done)}\n`);
}
console.log(`${bucket}: up to date`);
