/** The derived milestone status (src/status): the documented rule, first match wins. */
import { describe, expect, it } from 'vitest';
import { badgeSvg, overview, statusIndex, STATUSES, weeksBetween } from '../../src/status';
import { build, corpusBuild, sampleBuild } from '../content/helpers';

const week = (date: string, body: string) => [`atlas/updates/${date}.md`, `---\ntitle: Atlas ${date}\n---\n${body}`] as const;

function statuses(files: Array<readonly [string, string]>, quietWeeks = 3) {
  const { site } = build(Object.fromEntries(files));
  const index = statusIndex(site, { quietWeeks });
  return Object.fromEntries(site.milestones.map((m) => [m.title, index.get(m.key)!]));
}

describe('milestone status', () => {
  it('follows the rule on the latest week: done, blocked, at risk, quiet, active', () => {
    const old = `## Shipping\n- achieved:\n  - first cut\n## Risky\n- risks:\n  - vendor late\n## Keys\n- blockers:\n  - waiting for keys\n## Forgotten\n- achieved:\n  - something\n## Wrap-up\n- next:\n  - wrap up\n`;
    const recent = `## Shipping\n- achieved:\n  - second cut\n## Risky\n- risks:\n  - vendor late\n## Keys\n- blockers:\n  - waiting for keys\n- risks:\n  - also a risk\n## Wrap-up (done)\n- achieved:\n  - wrapped up\n`;
    const s = statuses([week('2026-09-07', old), week('2026-09-14', recent), week('2026-09-21', recent), week('2026-09-28', recent)]);
    expect(s['Shipping']!.status).toBe('active');
    expect(s['Risky']!.status).toBe('at-risk');
    expect(s['Risky']!.reason).toBe('1 risk listed on 2026-09-28');
    expect(s['Keys']!.status).toBe('blocked');
    expect(s['Wrap-up']!.status).toBe('done');
    expect(s['Wrap-up']!.reason).toContain('“done”');
    expect(s['Forgotten']!.status).toBe('quiet');
    expect(s['Forgotten']!.quietWeeks).toBe(3);
  });

  it('is at risk when the team marks it so, in words or by a light (`## Payments 🔴`, `Status: Amber`), on its latest week', () => {
    const s = statuses([week('2026-09-07', `## Payments 🔴\n- a fix\n## Tax\nStatus: Amber\n- rates\n## Search 🟡\n- a ranker\n`), week('2026-09-14', `## Payments 🔴\n- a fix\n## Tax\nStatus: Amber\n- rates\n## Search 🟢\n- shipped\n`)]);
    expect([s['Payments']!.status, s['Payments']!.reason]).toEqual(['at-risk', 'marked “off track” on 2026-09-14']);
    expect(s['Tax']!.status).toBe('at-risk');
    expect(s['Search']!.status).toBe('active');
  });

  it('judges the latest week only: a risk gone from the latest week no longer counts', () => {
    const s = statuses([week('2026-09-07', `## Risky\n- risks:\n  - vendor late\n`), week('2026-09-14', `## Risky\n- achieved:\n  - vendor delivered\n`)]);
    expect(s['Risky']!.status).toBe('active');
  });

  it('quiet is counted in the team’s own reports (a week the whole team missed is no week), and QUIET_WEEKS decides', () => {
    const files = [week('2026-09-07', `## Old\n- achieved:\n  - x\n## New\n- achieved:\n  - y\n`), week('2026-09-21', `## New\n- achieved:\n  - z\n`)];
    expect(statuses(files, 2)['Old']!.status).toBe('active');
    expect(statuses(files, 1)['Old']!.status).toBe('quiet');
    expect(statuses(files, 1)['Old']!.reason).toBe('no entry in 1 reports of its team (last on 2026-09-07)');
  });

  it('open means current: a blocker the team stopped listing, or says is over, is not open', () => {
    const stopped = statuses([
      week('2026-09-07', `## Sync\n- blockers:\n  - waiting for keys\n## Search\n- achieved:\n  - a\n`),
      week('2026-09-14', `## Search\n- achieved:\n  - b\n`),
    ]);
    expect(stopped['Sync']!.status).toBe('active');
    const resolved = statuses([week('2026-09-07', `## Sync\n- blockers:\n  - (no longer a blocker) waiting for keys\n  - ~~vendor contract~~\n`)]);
    expect(resolved['Sync']!.status).toBe('active');
    const current = statuses([week('2026-09-07', `## Sync\n- blockers:\n  - waiting for keys\n`), week('2026-09-14', `## Sync\n- blockers:\n  - waiting for keys\n`)]);
    expect(current['Sync']!.status).toBe('blocked');
  });

  it('done when the team says so: closed, shipped, a ✅, a Status: line', () => {
    const s = statuses([week('2026-09-07', `## Search (closed)\n- achieved:\n  - x\n## ✅ Export\n- achieved:\n  - y\n## Sync\n- Status: Completed\n- achieved:\n  - z\n`)]);
    expect([s['Search']!.status, s['Export']!.status, s['Sync']!.status]).toEqual(['done', 'done', 'done']);
  });

  it('a team that stopped reporting is silent: its milestones are quiet, not active, and say since when', () => {
    const weekly = ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22'].map((d) => week(d, `## Sync\n- achieved:\n  - x ${d}\n`));
    const { site } = build({
      ...Object.fromEntries(weekly.map(([path, text]) => [path.replace('atlas/', 'stopped/'), text])),
      'busy/updates/2026-09-28.md': '---\ndate: 2026-09-28\n---\n## Search\n- achieved:\n  - y\n',
    });
    const index = statusIndex(site, { quietWeeks: 3 });
    const sync = site.milestones.find((m) => m.team === 'stopped')!;
    expect(index.get(sync.key)!.status).toBe('quiet');
    expect(index.get(sync.key)!.reason).toBe('its team is silent since 2026-06-22 (last entry on 2026-06-22)');
  });

  it('a silent team has nothing open: its last blockers are no longer shown as blocked', () => {
    const weekly = ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22'].map((d) => week(d, `## Sync\n- blockers:\n  - waiting for keys\n`));
    const { site } = build({
      ...Object.fromEntries(weekly.map(([path, text]) => [path.replace('atlas/', 'stopped/'), text])),
      'busy/updates/2026-09-28.md': '---\ndate: 2026-09-28\n---\n## Search\n- achieved:\n  - y\n',
    });
    const sync = site.milestones.find((m) => m.team === 'stopped')!;
    const info = statusIndex(site, { quietWeeks: 3 }).get(sync.key)!;
    expect(info.status).toBe('quiet');
    expect(info.reason).toBe('its team is silent since 2026-06-22 (last entry on 2026-06-22; 1 blocker or risk listed then)');
  });

  it('a definition that says “Status: Completed” marks the milestone done', () => {
    const { site } = build({
      'atlas/updates/2026-09-07.md': '## [Sync](https://github.com/o/r/issues/1)\n- achieved:\n  - x\n',
    });
    const m = site.milestones[0]!;
    const withDefinition = { ...site, milestones: [{ ...m, description: '<ul><li>Status: Completed</li></ul>' }] };
    expect(statusIndex(withDefinition, { quietWeeks: 3 }).get(m.key)!.status).toBe('done');
    expect(statusIndex(site, { quietWeeks: 3 }).get(m.key)!.status).toBe('active');
  });

  it('gives every milestone of the sample and the corpus a status', async () => {
    for (const { site } of [await sampleBuild(), await corpusBuild()]) {
      const index = statusIndex(site, { quietWeeks: 3 });
      expect(index.size).toBe(site.milestones.length);
      for (const info of index.values()) expect(STATUSES).toContain(info.status);
    }
    const corpus = statusIndex((await corpusBuild()).site, { quietWeeks: 3 });
    const counts = new Set([...corpus.values()].map((i) => i.status));
    // 50 weeks of real reports: milestones finish, stall and go quiet.
    expect(counts).toContain('quiet');
    expect(counts).toContain('active');
  });

  it('weeks are counted Monday to Monday', () => {
    expect(weeksBetween('2026-09-07', '2026-09-13')).toBe(0);
    expect(weeksBetween('2026-09-07', '2026-09-14')).toBe(1);
  });
});

describe('the home page’s overview, team by team', () => {
  it('open blockers are those of each team’s latest report; one the team stopped listing is “not mentioned since”, never open; a silent team is not reporting', () => {
    const stoppedTeam = ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22'].map((d) => [`stopped/updates/${d}.md`, `---\ndate: ${d}\n---\n## Ingest\n- blockers:\n  - waiting for the vendor\n`] as const);
    const { site } = build({
      ...Object.fromEntries(stoppedTeam),
      'atlas/updates/2026-09-14.md': '---\ndate: 2026-09-14\n---\n## Sync\n- blockers:\n  - waiting for keys\n## Search\n- risks:\n  - index too large\n',
      'atlas/updates/2026-09-21.md': '---\ndate: 2026-09-21\n---\n## Highlights\n- Closed the search milestone\n  - with a nested point\n## Search\n- risks:\n  - index too large\n- achieved:\n  - sharded the index\n',
      'busy/updates/2026-09-21.md': '---\ndate: 2026-09-21\n---\n## Export\n- achieved:\n  - y\n',
    });
    const view = overview(site, { quietWeeks: 3 });
    expect(view.reporting.map((t) => t.team).sort()).toEqual(['atlas', 'busy']);
    expect(view.silent.map((t) => [t.team, t.silentSince])).toEqual([['stopped', '2026-06-22']]);
    const atlas = view.reporting.find((t) => t.team === 'atlas')!;
    expect(atlas.latest.date).toBe('2026-09-21');
    // Only the risk the latest report lists is open; the blocker listed once is not.
    expect(atlas.attention.map((a) => [a.kind, a.item.text, a.since])).toEqual([['risks', 'index too large', '2026-09-14']]);
    expect(view.attention.map((a) => a.item.text)).toEqual(['index too large']);
    expect(view.stale.map((a) => [a.item.text, a.update.date]).sort()).toEqual([
      ['waiting for keys', '2026-09-14'],
      ['waiting for the vendor', '2026-06-22'],
    ]);
    expect(atlas.moved.map((m) => m.milestone.title)).toEqual(['Search']);
    // Highlights keep their nesting (the pages show every depth).
    expect(atlas.latest.summary?.map((i) => [i.text, i.depth])).toEqual([
      ['Closed the search milestone', 0],
      ['with a nested point', 1],
    ]);
  });
});

describe('status badge', () => {
  it('names a silent team’s milestone “silent”', () => {
    const svg = badgeSvg('quiet', 'milestone', 'Sync: silent (its team is silent since 2026-06-22)', 'silent');
    expect(svg).toContain('>silent</text>');
    expect(svg).not.toContain('>quiet</text>');
  });

  it('is a well-formed SVG naming the status, with escaped text', () => {
    const svg = badgeSvg('at-risk', 'a <b> & c');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="20"/);
    expect(svg).toContain('>at risk</text>');
    expect(svg).toContain('a &lt;b&gt; &amp; c');
    expect(svg).not.toContain('<b>');
    // Longer text, wider badge.
    const width = (s: string) => Number(/width="(\d+)"/.exec(s)![1]);
    expect(width(badgeSvg('blocked'))).toBeGreaterThan(width(badgeSvg('done')));
  });
});
