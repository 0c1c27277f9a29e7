/**
 * Four more teams (../shared/reports), read right: every odd file its README names, and three
 * files per team checked by hand. Every count here was written by reading the markdown, not by
 * running the parser (a bullet indented by one space is a sibling, not a child, in markdown).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSection, outlineNodes, type ItemKind, type MilestoneSection, type Update } from '../../src/content';
import { conservation } from './conservation';
import { errorsOf, REPORTS, reportsBuild, warningsOf } from './helpers';

async function update(id: string): Promise<Update> {
  const { site } = await reportsBuild();
  const found = site.updates.find((u) => u.id === id);
  if (!found) throw new Error(`no update ${id}`);
  return found;
}

type Counts = Partial<Record<ItemKind, number>>;
function countsOf(s: MilestoneSection | undefined): Counts | undefined {
  if (!s) return undefined;
  return Object.fromEntries(Object.entries(s.items).filter(([, items]) => items.length > 0).map(([k, items]) => [k, items.length]));
}
function expectSections(u: Update, expected: Record<string, Counts & { title?: string; status?: string[]; area?: string }>) {
  for (const [key, { title, status, area, ...counts }] of Object.entries(expected)) {
    const section = u.sections.find((s) => s.key === key);
    expect(section, `${u.id}: ${key} among ${u.sections.map((s) => s.key).join(', ')}`).toBeDefined();
    expect(countsOf(section), `${u.id}: ${key}`).toEqual(counts);
    if (title) expect(section!.title).toBe(title);
    if (status) expect(section!.status).toEqual(status);
    if (area) expect(section!.area).toBe(area);
  }
}

describe('../shared/reports builds', () => {
  it('with no error, every list item and paragraph in the model exactly once', async () => {
    const result = await reportsBuild();
    expect(errorsOf(result)).toEqual([]);
    // One update per file of every team's updates/ folder, whatever teams the folder holds.
    const files = (await readdir(REPORTS, { recursive: true })).filter((f) => /^[^/]+\/updates\/[^/]+\.md$/.test(f.split(path.sep).join('/')));
    expect(files.length).toBeGreaterThan(100);
    expect(result.site.updates).toHaveLength(files.length);
    for (const u of result.site.updates) {
      const { problems } = conservation(u, await readFile(path.join(REPORTS, u.source), 'utf8'), result.outlines.get(u.source));
      expect(problems, u.source).toEqual([]);
    }
  });
});

describe('the odd files of ../shared/reports/README.md', () => {
  it('a team folder that is not a slug: innovation_lab → innovation-lab, named after its folder', async () => {
    const { site } = await reportsBuild();
    expect(site.teams.find((t) => t.slug === 'innovation-lab')).toEqual({ slug: 'innovation-lab', name: 'Innovation lab' });
    expect(site.updates.filter((u) => u.team === 'innovation-lab').map((u) => u.permalink).sort()).toEqual([
      '/updates/innovation-lab/2023-07-12',
      '/updates/innovation-lab/2023-08-02',
      '/updates/innovation-lab/2023-08-11',
    ]);
  });

  it('nomos/updates/2023-08-29.md: front matter `date` is the publish date; the file name and title name the week', async () => {
    const result = await reportsBuild();
    expect((await update('nomos/2023-08-29')).source).toBe('nomos/updates/2023-08-29.md');
    expect((await update('nomos/2023-09-04')).source).toBe('nomos/updates/2023-09-04.md');
    expect(warningsOf(result)).toContain(
      'nomos/updates/2023-08-29.md:5:1: the week\'s sources disagree (file name 2023-08-29, front matter date 2023-09-04, title 2023-08-29): using 2023-08-29, the week of 2023-08-28 that most of them name',
    );
  });

  it('file names that are not ISO dates are read: 30-06-2025.md, Athens Offsite Notes.md', async () => {
    const result = await reportsBuild();
    expect((await update('nomos/2025-06-30')).source).toBe('nomos/updates/30-06-2025.md');
    // Athens Offsite Notes is dated 2024-04-15 like nomos/updates/2024-04-15.md: both published, each with its id.
    expect((await update('nomos/2024-04-15')).source).toBe('nomos/updates/2024-04-15.md');
    const athens = await update('nomos/2024-04-15-athens-offsite-notes');
    expect(athens.source).toBe('nomos/updates/Athens Offsite Notes.md');
    expect(athens.permalink).toBe('/updates/nomos/2024-04-15-athens-offsite-notes');
    expect(warningsOf(result).filter((w) => w.startsWith('nomos/updates/Athens'))).toHaveLength(1);
  });

  it('2026-06-09.md holds a 2025 week: the title, the front matter and the heading outvote the name', async () => {
    const u = await update('nomos/2025-06-09');
    expect(u.source).toBe('nomos/updates/2026-06-09.md');
    const { site } = await reportsBuild();
    expect(site.updates.some((x) => x.date.startsWith('2026'))).toBe(false);
  });

  it('headings that carry a date name the document: never a milestone, an area, nor part of a key', async () => {
    const result = await reportsBuild();
    for (const [id, heading] of [
      ['codex/2024-03-18', 'Codex Update Mar 12th - Mar 18th'],
      ['codex/2023-07-21', 'Codex update 07/12/2023 to 07/21/2023'],
      ['nomos/2025-06-30', 'Nomos Weekly Update - 2025-06-30'],
    ] as const) {
      const u = await update(id);
      const node = outlineNodes(result.outlines.get(u.source)!).find((n) => n.title === heading);
      expect(node?.role, `${id}: ${heading}`).toBe('document');
      expect(u.sections.some((s) => s.area === heading || s.title === heading)).toBe(false);
    }
    // So the keys under them are the same week after week.
    const keys = (id: string) => update(id).then((u) => u.sections.map((s) => s.key));
    expect(await keys('codex/2024-03-18')).toContain('codex-marketplace');
    expect(await keys('codex/2024-03-25')).toContain('codex-marketplace');
  });

  it('kind labels with and without colons: bare `Completed` / `Ongoing` lines, `**Blocker:**` bullets', async () => {
    expectSections(await update('codex/2024-03-18'), {
      // `Ongoing` is work in progress, not what comes next.
      // "Client" and "Infrastructure" were parts of their own before this area grouped them: the same parts.
      // Under `Ongoing`, "Implemented dropdown list for expiry input" says it was done: achieved.
      'codex-client': { achieved: 4, progress: 9, title: 'Client', area: 'Client, Testing and Infrastructure' },
      'codex-infrastructure': { achieved: 4, progress: 2 },
      'codex-marketplace': { achieved: 2, progress: 2 },
    });
    expectSections(await update('nomos/2023-07-24'), {
      // "Explored the necessity and key challenges…": done, a week's activity in the past.
      'nomos-understanding-data-availability-da-problem': { achieved: 1, progress: 2, blockers: 1, area: 'Research' },
    });
  });

  it('`**Blockers**: None` and `- None` are no item: nothing to announce, nothing to resolve', async () => {
    const ppos = (await update('nomos/2024-08-26')).sections.find((s) => s.key === 'nomos-ppos-consensus')!;
    // "Integrated the statistical analysis…": done, in the past.
    expect(countsOf(ppos)).toEqual({ achieved: 1, progress: 1 });
    const { site } = await reportsBuild();
    const texts = site.updates.flatMap((u) => u.sections.flatMap((s) => [...s.items.blockers, ...s.items.risks].map((i) => i.text.trim().toLowerCase())));
    expect(texts.filter((t) => /^(none|n\/a|-)\.?$/.test(t))).toEqual([]);
  });

  it('a link-only bullet under an item is its evidence, not a deliverable', async () => {
    const result = await reportsBuild();
    const u = await update('codex/2023-08-11');
    const retrieval = u.sections.find((s) => s.key === 'codex-block-discovery-and-retrieval')!;
    const papers = retrieval.items.progress.find((i) => i.text.startsWith('Reviewing papers'))!;
    expect(papers.links.map((l) => l.text)).toEqual(['Wormhole Peer Sampling paper', 'Smoothcache']);
    expect(u.sections.some((s) => s.level === 'deliverable')).toBe(false);
    // Across all four teams: no deliverable is a PR or a paper.
    const deliverables = result.site.updates.flatMap((x) => x.sections.filter((s) => s.level === 'deliverable'));
    expect(deliverables.filter((d) => /\/pull\/\d+/.test(d.trackerUrl ?? ''))).toEqual([]);
    expect(outlineNodes(result.outlines.get(u.source)!).some((n) => isSection(n) && /Wormhole/.test(n.title))).toBe(false);
  });
});

describe('three files per team, checked by hand', () => {
  it('acid 2023-08-09: `## **Movement Building:**` headings are sections; `## Top level priorities:` is a label of the team’s own plans', async () => {
    expectSections(await update('acid/2023-08-09'), {
      acid: { next: 1, title: 'Acid' },
      // "Goal is to have plan + overview to set realistic KPIs" says a goal: what comes.
      'acid-movement-building': { progress: 4, next: 1 },
      // "Full focus on LPE:" only leads into its list: no item.
      'acid-td-studio': { progress: 6 },
      // "Copy" and "Podcast" were "Matt / Copy" and "Jonny / Podcast" the week before: reworded
      // in place, they keep their first keys (src/content/sections.ts, rewording).
      'acid-matt-copy': { progress: 5, title: 'Copy' },
      'acid-jonny-podcast': { progress: 6, title: 'Podcast' },
      'acid-dc-studio': { progress: 3 },
    });
  });

  it('acid 2023-10-17: bold paragraphs are sections; the dated bold title names the document; Overview is the summary', async () => {
    const u = await update('acid/2023-10-17');
    expectSections(u, {
      // Each lead's name dropped from its section this week ("Amir - Tech & Design" → "Tech & Design"): the same keys,
      // the first of them "Amir - Tech and Design" (2023-08-29).
      'acid-amir-tech-and-design': { progress: 6, title: 'Tech & Design' },
      // "Digital Content Studio" spells out "DC Studio" (2023-08-09, the earliest of its names).
      'acid-dc-studio': { progress: 4, title: 'Digital Content Studio' },
      'acid-jonny-podcast': { progress: 2 },
      // "3 tech one pagers … are done": what its own sentence says.
      'acid-matt-copy': { achieved: 1, progress: 4 },
      'acid-movement-building': { progress: 9 },
      // "Waku will be doing EthGlobal India": a plan, said by who will do it.
      'acid-louisa-events': { progress: 6, next: 1 },
      'acid-j-f-project-management': { progress: 2, title: 'Project Management' },
    });
    expect(u.summary).toHaveLength(4);
    expect(u.notes).toEqual([]);
    expect(u.sections.some((s) => /ROUND UP/i.test(s.title))).toBe(false);
  });

  it('acid 2023-08-29: `### **Name - Area**` under the `## Leads roundup - acid` wrapper', async () => {
    const u = await update('acid/2023-08-29');
    expectSections(u, {
      // "…needs a bit more work. Teasers for Snowden will be released. Next episode drops next
      // week.": two of its three sentences say what comes, a plan (session 28).
      'acid-al-comms': { progress: 4, next: 1 },
      'acid-amir-tech-and-design': { progress: 3 },
      'acid-matt-copy': { progress: 3 },
      // "Review process is set up and open for feedback": a state reached, done (session 25).
      'acid-jonny-podcast': { progress: 1, achieved: 1, title: 'Christian - Podcast' },
      'acid-nick-content': { progress: 2 },
      // "Network State Event needs to lock down the potential event speakers… Nimbus and Waku
      // and Codex will be there. We need to fix the program…": most of what it says is to come;
      // so does "By the end of next week we will launch global event strategy post-review".
      'acid-louisa-events': { progress: 3, next: 2 },
      'acid-movement-building': { progress: 4, title: 'Movement Building - Santiago' },
    });
    expect(u.sections.every((s) => s.area === undefined && s.parentKey === undefined)).toBe(true);
  });

  it('codex 2023-08-11: `## Client` is an area of `### Milestone: X` milestones keyed by their own titles', async () => {
    expectSections(await update('codex/2023-08-11'), {
      // "Initial Merkle Tree implementation - …/pull/504": a change cited by its pull request, done;
      // "Work on persisting … is underway, PR upcoming" goes on (session 28).
      'codex-merkelizing-block-data': { achieved: 1, progress: 1, area: 'Client', title: 'Merkelizing block data' },
      'codex-block-discovery-and-retrieval': { progress: 3 },
      'codex-distributed-client-testing': { progress: 6 },
      'codex-kubernetes-configuration-and-management': { progress: 4, area: 'Infra' },
      'codex-continuous-testing-and-labeling': { progress: 4 },
      'codex-ci-cd-and-synchronization': { progress: 2 },
    });
  });

  it('codex 2024-03-18: a quoted summary, sub-team sections with bare Completed / Ongoing lines', async () => {
    const u = await update('codex/2024-03-18');
    expect(u.summary?.[0]?.text).toMatch(/^The Codex team continues to make progress/);
    expect(u.notes).toEqual([]);
    const marketplace = u.sections.find((s) => s.key === 'codex-marketplace')!;
    // "PR Reviews:" keeps its three link-only bullets as its evidence.
    expect(marketplace.items.achieved[1]!.links).toHaveLength(3);
  });

  it('nomos 2023-07-24: `- Milestone 1: …` bullets under bold Research / Development areas', async () => {
    expectSections(await update('nomos/2023-07-24'), {
      'nomos-understanding-data-availability-da-problem': { achieved: 1, progress: 2, blockers: 1 },
      // "Reviewed the Crypsinous paper…", "Analyzed the capabilities…": achieved by their own sentence, like "Completed…".
      'nomos-privacy-for-proof-of-stake-pos': { achieved: 2, progress: 1 },
      'nomos-mixnet-and-networking': { progress: 2, area: 'Development' },
      // "Completed pseudocode…", "Implemented … fixes", "Increased run duration…": achieved by their own sentence;
      // the links listed under the first two ("Vote tally fix (…/pull/268)") are their details: done too.
      'nomos-simulation-application': { achieved: 9 },
    });
  });

  it('nomos 2024-05-13: inline-code workstreams sorted by Research and Development (facets, no parts), "No updates this week" is no item', async () => {
    const u = await update('nomos/2024-05-13');
    expectSections(u, {
      // "Analysis of anonymity…: … Calculated an upper bound… compared the above bounds with
      // simulations…": what its sentences say was done outweighs its headline (session 25).
      'nomos-p2p-privacy': { progress: 2, achieved: 2, title: 'P2P Privacy' },
      // "No updates this week" under Research: no item. The workstream is "[Data Availability
      // Sampling (or VID)]:" of 2023-07-31, reworded (2023-08-14): it keeps that first key.
      // "Did benchmarks on DA… Debugged issues… Discussed options…": done.
      'nomos-data-availability-sampling-or-vid': { achieved: 1 },
      'nomos-ppos-consensus': { progress: 1 },
      // "Wrote a potential design for Mailboxes…", "research was conducted on fast proof generation": done, in the past.
      'nomos-coordination-layer': { achieved: 2 },
      // Both its facets say "No updates this week": the workstream was written, it holds no item.
      'nomos-testnet': {},
    });
    expect(u.sections.some((s) => /^(research|development)$/i.test(s.title))).toBe(false);
  });

  it('innovation_lab 2023-07-12 and 2023-08-02: `**Milestone**:` and `**Next milestone**:` lines; the next milestone keeps its key when it becomes the milestone', async () => {
    const july = await update('innovation-lab/2023-07-12');
    expectSections(july, {
      // "Contact: you can find us at …" is an aside: kept as a note of the part, never announced.
      // "Deployed version of the main branch: https://…", "Link to Payggy design files: …", "Main
      // development repo: …": where to look, notes too.
      'innovation-lab-group-chat-support': { achieved: 1, progress: 1, notes: 3, status: ['next'] },
    });
    // "**Logos Lab** 12th of July" titles the document; the line under it (no blank line between) is the summary.
    expect(july.summary?.map((i) => i.text)).toEqual([expect.stringMatching(/^Currently working on the Waku Objects/)]);
    const august = await update('innovation-lab/2023-08-02');
    expectSections(august, {
      'innovation-lab-group-chat-support': { progress: 1, status: [] },
      // "Deployed version of the main branch": achieved by its own sentence. "Grayscale design:
      // https://grayscale.design/" points at a design resource: a note, with "Contact: …"; so do
      // "Main development repo: …" and "Luminance package on npm: …", where to look.
      'innovation-lab-splitter-waku-object-supporting-group-chats-and-smart-contracts': { achieved: 1, progress: 1, notes: 4, status: ['next'] },
    });
    // The line under the title is the overview; of the paragraphs after it, before the first
    // part, the one that tells of work ("…the team released the first version of a color
    // system…") is the team's, the one that says why the weeks were slow a note.
    expect(august.summary).toHaveLength(1);
    expect(august.notes.map((i) => i.text.slice(0, 30))).toEqual(['The last few weeks were a bit ']);
  });
});
