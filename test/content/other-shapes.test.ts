/**
 * A team that writes differently from the corpus: no front matter, the date in a heading,
 * workstreams named by inline-code commitment tags, Completed / Ongoing / Blocked paragraphs,
 * a table and a quote. Nothing is lost; what fits no known shape is kept as notes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, errorsOf, warningsOf } from './helpers';

const fixture = path.resolve(import.meta.dirname, '../fixtures/content/other-team-weekly.md');

describe('a report in another team’s style', async () => {
  const result = build({ 'vector/updates/weekly.md': await readFile(fixture, 'utf8') });
  const update = result.site.updates[0]!;
  const section = (key: string) => update.sections.find((s) => s.key === key)!;

  it('builds with no error and no warning, dated by the heading in its body', () => {
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([]);
    expect(update.id).toBe('vector/2026-03-09');
    expect(update.title).toBe('Vector team weekly');
  });

  it('keys workstreams by their commitment tag, in the heading or on the first line', () => {
    expect(update.sections.map((s) => [s.key, s.title, s.level])).toEqual([
      ['vector-p2p-gossip-v2', 'Gossip v2', 'workstream'],
      ['vector-storage-compaction', 'Storage', 'workstream'],
      ['vector-release-engineering', 'Release engineering', 'workstream'],
    ]);
  });

  it('reads Completed / Ongoing / Blocked paragraphs as achieved / in progress / blockers', () => {
    const gossip = section('vector-p2p-gossip-v2');
    expect(gossip.items.achieved.map((i) => i.text)).toEqual(['mesh scoring rewrite merged (PR); benchmarks show 30% less duplicate traffic.']);
    expect(gossip.items.achieved[0]!.links.map((l) => l.href)).toEqual(['https://github.com/vector/p2p/pull/88']);
    // A list after "Ongoing" continues it.
    expect(gossip.items.progress.map((i) => i.text)).toEqual(['interop tests against the reference implementation.', 'follow-up: write the migration guide']);
    const storage = section('vector-storage-compaction');
    expect(storage.items.achieved.map((i) => i.text)).toEqual(['compaction runs incrementally, no more 10 s pauses.']);
    expect(storage.items.blockers.map((i) => i.text)).toEqual(['the disk quota of the shared test cluster.']);
  });

  it('reports unlabelled text under a workstream as progress (the table and the quote included), a reminder as a note; notes are what sits outside every workstream', () => {
    // Before the first workstream, under the dated heading: the update's summary.
    expect(update.summary?.map((n) => n.text)).toEqual(['Quiet week: half the team was at the offsite.']);
    expect(update.notes).toEqual([]);
    const release = section('vector-release-engineering');
    // "Release 1.4 is out" says it was done: the dot in "1.4" ends no sentence, and the reading
    // sees the release out (until session 26 it stopped at that dot and read nothing: progress).
    expect(release.items.achieved.map((n) => n.text)).toEqual(['Release 1.4 is out. Nothing else to report this week.']);
    expect(release.items.progress.map((n) => n.text)).toEqual([expect.stringContaining('p99 publish')]);
    // A paragraph that says no work and is told by no one: a note of the part.
    expect(release.items.notes.map((n) => n.text)).toEqual(['Reminder: the planning doc is due Friday.']);
    expect(release.items.progress[0]!.html).toContain('<table>');
  });
});
