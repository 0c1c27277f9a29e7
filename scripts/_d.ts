import { corpusBuild } from '../test/content/helpers';
const { site } = await corpusBuild();
for (const d of process.argv.slice(2)) {
  const u = site.updates.find((x) => x.date === d)!;
  for (const s of u.sections) console.log(d, s.key, s.level, s.parentKey ?? '', JSON.stringify(s.title), [s.items.achieved.length, s.items.next.length, s.items.risks.length, s.items.blockers.length, s.items.progress.length, s.items.notes.length].join(','));
  console.log('summary', (u.summary ?? []).map((i) => i.text.slice(0, 50)), 'notes', u.notes.map((i) => i.text.slice(0, 50)));
}
