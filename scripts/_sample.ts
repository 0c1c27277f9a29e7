// Draw N items at random (fixed seed) from a content folder's model, for judging kinds by hand. Not committed.
import { buildContentDir } from '../src/content';
const [dir, nArg, seedArg] = process.argv.slice(2);
let seed = Number(seedArg ?? 1);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const r = await buildContentDir(dir!);
const all: string[] = [];
for (const u of r.site.updates) {
  for (const i of u.summary ?? []) all.push(`${u.source}\tsummary\t(update)\t${i.text}`);
  for (const i of u.notes) all.push(`${u.source}\tnotes\t(update)\t${i.text}`);
  for (const s of u.sections) for (const [k, items] of Object.entries(s.items)) for (const i of items as any[]) all.push(`${u.source}\t${k}\t${s.title}\t${i.text}`);
}
const picked = new Set<number>();
const n = Math.min(Number(nArg ?? 12), all.length);
while (picked.size < n) picked.add(Math.floor(rand() * all.length));
console.log(`${all.length} items`);
for (const i of [...picked].sort((a, b) => a - b)) console.log(`[${i}] ${all[i]!.slice(0, 400)}\n`);
