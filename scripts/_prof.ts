import path from 'node:path';
import os from 'node:os';
import { mkdtemp } from 'node:fs/promises';
import { buildAll } from '../src/publish/build';
import { memoiseMarkdown } from '../test/markdown-memo';
await memoiseMarkdown();
const ROOT='/work/main';
const content = process.argv[2] ?? '/work/shared/corpus';
for (let i=0;i<3;i++){
  const out = await mkdtemp(path.join(os.tmpdir(),'prof-'));
  const t=performance.now();
  const r = await buildAll({content, out, config: path.join(ROOT,'wrangler.toml')});
  console.log(i, (performance.now()-t).toFixed(0), r.ok && JSON.stringify(r.ms), r.ok && r.written.files);
}
