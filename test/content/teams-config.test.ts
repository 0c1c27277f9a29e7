/**
 * content/teams.yaml: names, and the reading escape hatch for what no rule can know.
 */
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/content';
import { numberedDate } from '../../src/content/week';
import { errorsOf } from './helpers';

const REPORT = `---
date: 2026-01-05
---
## Platform

### Sync

Nailed: the delta endpoint

- Parked: the v1 shutdown

### Storage

- compaction tuned
`;

describe('teams.yaml', () => {
  it('names a team by its folder, and its reading hints apply to that team only', () => {
    const teams = {
      path: 'teams.yaml',
      value: 'big_team:\n  name: Big Team\n  reading:\n    kinds: { nailed: achieved, parked: risks }\n    areas: [Sync]\n',
    };
    const result = buildSite(
      [
        { path: 'big_team/updates/2026-01-05.md', value: REPORT },
        { path: 'other/updates/2026-01-05.md', value: REPORT },
      ],
      { teams },
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.site.teams).toEqual([
      { slug: 'big-team', name: 'Big Team' },
      { slug: 'other', name: 'Other' },
    ]);
    const big = result.site.updates.find((u) => u.team === 'big-team')!;
    // "Sync" is an area by the hint: its text is kept, as a note, and it has no key of its own.
    expect(big.sections.map((s) => s.key)).toEqual(['big-team-storage']);
    const other = result.site.updates.find((u) => u.team === 'other')!;
    const sync = other.sections.find((s) => s.key === 'other-sync')!;
    // Without hints, "Nailed:" and "Parked:" are not labels Tidings knows: the paragraph says no
    // work (a note), the bullet is the part's news.
    expect(sync.items.notes.map((i) => i.text)).toEqual(['Nailed: the delta endpoint']);
    expect(sync.items.progress.map((i) => i.text)).toEqual(['Parked: the v1 shutdown']);
  });

  it('extra kind words map to kinds', () => {
    const teams = { path: 'teams.yaml', value: 'acme:\n  reading:\n    kinds: { nailed: achieved, parked: risks }\n' };
    const result = buildSite([{ path: 'acme/updates/2026-01-05.md', value: REPORT }], { teams });
    const sync = result.site.updates[0]!.sections.find((s) => s.key === 'acme-sync')!;
    expect(sync.items.achieved.map((i) => i.text)).toEqual(['the delta endpoint']);
    expect(sync.items.risks.map((i) => i.text)).toEqual(['the v1 shutdown']);
  });

  it('a kind word mapped to no kind is an error in teams.yaml', () => {
    const teams = { path: 'teams.yaml', value: 'acme:\n  reading:\n    kinds: { shipped: done-ish }\n' };
    expect(errorsOf(buildSite([], { teams }))).toEqual(['teams.yaml:1:1: team `acme`: kind word `shipped` must map to one of achieved, progress, next, risks, blockers']);
  });

  it('dates reports numbered, not dated (`Report 3.md`, `Report_1_.md`, `week_12.md`), by `reading.numbered`; a bad one is an error', () => {
    const report = (n: string) => `# Status Report ${n}\n\n## Progress\n- did ${n}\n`;
    const files = [
      { path: 'chores/updates/Report_1_.md', value: report('1') },
      { path: 'chores/updates/Report 3.md', value: report('3') },
      { path: 'chores/updates/week_12.md', value: report('12') },
    ];
    const numbered = (every: string) => buildSite(files, { teams: { path: 'teams.yaml', value: `chores:\n  reading:\n    numbered: { first: 2023-04-10, every: ${every} }\n` } });
    expect(errorsOf(numbered('week'))).toEqual([]);
    expect(numbered('week').site.updates.map((u) => u.date).sort()).toEqual(['2023-04-10', '2023-04-24', '2023-06-26']);
    expect(numbered('fortnight').site.updates.map((u) => u.date).sort()).toEqual(['2023-04-10', '2023-05-08', '2023-09-11']);
    expect(numbered('month').site.updates.map((u) => u.date).sort()).toEqual(['2023-04-10', '2023-06-10', '2024-03-10']);
    // A month later than the 31st is that month's last day.
    expect([2, 3, 13].map((n) => numberedDate({ first: '2024-01-31', every: 'month' }, n))).toEqual(['2024-02-29', '2024-03-31', '2025-01-31']);
    // Without it, each file is an error that says how to date them.
    expect(errorsOf(buildSite(files)).every((e) => /missing date: .*numbered, not dated/.test(e))).toBe(true);
    expect(errorsOf(numbered('daily'))).toContain("teams.yaml:1:1: team `chores`: `numbered` must be `{ first: YYYY-MM-DD, every: week | fortnight | month }` (report 1's date, how often the team reports)");
  });
});
