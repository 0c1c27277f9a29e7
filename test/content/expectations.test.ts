/**
 * Hand-checked files across the three eras of the corpus. Every expectation here was written
 * by reading the markdown, not by running the parser: keys, titles and how many achieved /
 * next / risks / blockers items each milestone has that week.
 */
import { describe, expect, it } from 'vitest';
import type { MilestoneSection, Update } from '../../src/content';
import { corpusBuild } from './helpers';

type Counts = [achieved: number, next: number, risks: number, blockers: number];

async function update(date: string): Promise<Update> {
  const { site } = await corpusBuild();
  const found = site.updates.find((u) => u.date === date);
  if (!found) throw new Error(`no update for ${date}`);
  return found;
}

function counts(section: MilestoneSection | undefined): Counts | undefined {
  if (!section) return undefined;
  const { achieved, next, risks, blockers } = section.items;
  return [achieved.length, next.length, risks.length, blockers.length];
}

function expectSections(u: Update, expected: Record<string, { counts: Counts; title?: string; parent?: string; status?: string[] }>) {
  for (const [key, e] of Object.entries(expected)) {
    const section = u.sections.find((s) => s.key === key);
    expect(section, `${u.date}: ${key}`).toBeDefined();
    expect(counts(section), `${u.date}: ${key} counts`).toEqual(e.counts);
    if (e.title) expect(section!.title, `${u.date}: ${key} title`).toBe(e.title);
    if (e.parent !== undefined) expect(section!.parentKey, `${u.date}: ${key} parent`).toBe(e.parent);
    if (e.status) expect(section!.status, `${u.date}: ${key} status`).toEqual(e.status);
  }
}

describe('2023-07: `### **Milestone**: X (done)` with `#### _achieved_:` lists', () => {
  it('2023-07-24', async () => {
    const u = await update('2023-07-24');
    expectSections(u, {
      'waku-foundation-for-waku-docs': { counts: [3, 0, 0, 0], title: 'Foundation for Waku docs', status: ['done'] },
      'waku-foundation-for-node-operator-docs': { counts: [4, 0, 0, 0], status: ['done'] },
      'waku-foundation-for-js-waku-docs': { counts: [4, 1, 0, 1], status: [] },
      'waku-docs-general-improvement-incorporating-feedback': { counts: [0, 0, 0, 0], status: ['continuous'] },
      'waku-community-growth': { counts: [1, 1, 0, 0] },
      'waku-org-nwaku-1846': { counts: [3, 1, 0, 0], title: 'Autosharding v1' },
      'waku-postgres-integration': { counts: [2, 1, 0, 0] },
      // `#### _achieved: ` with an unclosed underscore is still the achieved label.
      'waku-org-js-waku-914': { counts: [1, 0, 0, 0], title: 'Peer management' },
      'waku-static-sharding': { counts: [0, 1, 0, 0] },
    });
    expect(u.sections.find((s) => s.key === 'waku-foundation-for-waku-docs')?.area).toBe('Docs');
    // The disclaimer before the first area opens the update: its summary, not a milestone's.
    expect(u.notes).toEqual([]);
    expect(u.summary?.map((n) => n.text)).toEqual([
      'Disclaimer: First attempt playing with the format. Incomplete as not everyone is back and we are still adjusting the milestones.',
    ]);
  });
});

describe('2023-08 to 2024-02: `## [Title](issue)` with `- _achieved:_` bullets, sub-milestones, work items', () => {
  it('2023-10-16: bold link paragraphs with {E:…} epic tags open milestones, under their repository’s part', async () => {
    const u = await update('2023-10-16');
    expectSections(u, {
      // `### nwaku` holds only issues: the stream of work they belong to. The one it reports this
      // week only ("chore: Reorganize RestApi specs…", #2120) is one of its work items.
      'waku-nwaku': { counts: [1, 1, 0, 0], title: 'nwaku' },
      'waku-org-nwaku-2042': { counts: [1, 1, 0, 0] },
      'waku-org-nwaku-1961': { counts: [1, 1, 0, 0] },
      'waku-org-nwaku-1914': { counts: [1, 1, 0, 0] },
      'waku-org-nwaku-1888': { counts: [2, 1, 0, 0], title: 'PostgreSQL' },
      'waku-org-nwaku-1797': { counts: [1, 1, 0, 0] },
      'waku-org-nwaku-1332': { counts: [2, 1, 0, 0] },
    });
    expect(u.sections.find((s) => s.key === 'waku-org-nwaku-1888')?.parentKey).toBe('waku-nwaku');
    expect(u.sections.find((s) => s.key === 'waku-nwaku')!.workItems.map((w) => w.text)).toEqual(['chore: Reorganize RestApi specs for live documentation {E:REST API service node}']);
  });

  it('2023-12-04', async () => {
    const u = await update('2023-12-04');
    expectSections(u, {
      // "continuing team-internal dogfooding…" under _achieved:_ goes on: progress, not counted here.
      'waku-org-pm-12': { counts: [2, 2, 5, 0], title: 'Waku Network Can Support 10K Users' },
      'waku-org-pm-97': { counts: [1, 1, 0, 0], parent: 'waku-org-pm-12' },
      // "- 2023-11-30" after the link is a date, not part of the title.
      'waku-org-pm-83': { counts: [0, 1, 4, 0], title: 'Waku Network can Support 1 Million Users' },
      'waku-org-pm-50': { counts: [3, 0, 4, 0] },
      'waku-org-pm-100': { counts: [1, 1, 0, 0], parent: 'waku-org-pm-50', title: '4.1: Basic front end for node operator' },
      'waku-org-pm-67': { counts: [1, 1, 0, 0], parent: 'waku-org-pm-50' },
      'waku-org-pm-65': { counts: [3, 2, 0, 0], parent: 'waku-org-pm-50' },
      'waku-enhancements': { counts: [1, 0, 0, 0] },
      'waku-bugs': { counts: [2, 1, 0, 0] },
      // A title keeps its bare key under the parent it first came under (Other Work here).
      // "Ecosystem Development" was first a part of its own, at the top (`## Ecosystem
      // Development - Docs`, reworded): under Other Work it is still that part.
      'waku-documentation': { counts: [1, 0, 0, 0] },
      'waku-ecosystem-development-docs': { counts: [3, 0, 0, 0] },
      'waku-org-pm-105': { counts: [1, 1, 0, 1] },
      // "Basic Dev Rel Assets" (an issue linked this week only) is one of its pieces of work, not a part.
      'waku-project-management': { counts: [7, 4, 0, 0] },
    });
    expect(u.sections.find((s) => s.key === 'waku-project-management')!.workItems.map((w) => w.text)).toEqual(['Basic Dev Rel Assets']);
    const autosharding = u.sections.find((s) => s.key === 'waku-org-pm-65')!;
    expect(autosharding.workItems.map((w) => w.repo)).toEqual(['nwaku', 'js-waku', 'js-waku']);
    expect(autosharding.items.achieved[0]).toMatchObject({ text: 'PR merged DONE!', repo: 'nwaku', workItem: 'chore: allow fetching cached messages by content or pubsub topic' });
  });

  it('2023-12-25: a greeting before the first heading, work items under Other Work', async () => {
    const u = await update('2023-12-25');
    expect(u.summary?.map((n) => n.text)).toEqual(['Happy Holidays!']);
    expect(u.notes).toEqual([]);
    expectSections(u, {
      'waku-org-pm-66': { counts: [1, 0, 0, 0], title: '1.3: Node bandwidth management mechanism' },
      'waku-org-pm-65': { counts: [1, 1, 0, 0] },
      'waku-chat-sdk': { counts: [1, 1, 0, 0] },
      // `## Research` of the earlier weeks, now under Other Work: the same part.
      'waku-research': { counts: [1, 1, 0, 0] },
      'waku-enhancements': { counts: [2, 2, 0, 0] },
      'waku-bugs': { counts: [2, 1, 0, 0] },
      'waku-pm': { counts: [1, 1, 0, 0] },
    });
    expect(u.draft).toBe(false);
  });
});

describe('2024: `## [Milestone - X](milestone)` → `- [Deliverable](issue)` → achieved/next', () => {
  it('2024-04-24: link paragraphs under area headings, Status/Project bullets, inline labels', async () => {
    const u = await update('2024-04-24');
    expectSections(u, {
      'waku-org-pm-m23': { counts: [1, 1, 0, 1], title: 'Store Incentivisation', status: ['in progress'] },
      'waku-org-pm-159': { counts: [1, 1, 0, 1] },
      'waku-org-pm-163': { counts: [1, 1, 0, 1], title: 'RLNv2' },
      'waku-org-pm-m21': { counts: [0, 0, 0, 0] },
      // `- in-progress:` is work under way: progress, not next.
      // "Status Integration" had a tracker link (a project board) in earlier weeks: it keeps that key.
      'github-com-orgs-waku-org-projects-5-views-1': { counts: [0, 0, 0, 0], title: 'Status Integration' },
    });
    const m23 = u.sections.find((s) => s.key === 'waku-org-pm-m23')!;
    expect(m23.area).toBe('Research Milestones');
    // `Status: In Progress` is the milestone's status, not an item of work; `Project: <board>` is
    // where its work is tracked, a link named by what it points at: a note, not work.
    expect(m23.items.progress).toEqual([]);
    expect(m23.items.notes.map((n) => n.text)).toEqual(['Project: https://github.com/orgs/waku-org/projects/17']);
    const integration = u.sections.find((s) => s.key === 'github-com-orgs-waku-org-projects-5-views-1')!;
    expect(integration.items.progress.map((n) => n.line)).toEqual([44]);
    expect(integration.items.notes.map((n) => n.line)).toEqual([42]);
    expect(m23.items.blockers[0]!.text).toBe('(no longer a blocker) the deadline for the academic paper final version');
  });

  it('2024-07-15', async () => {
    const u = await update('2024-07-15');
    const m28 = 'waku-org-pm-m28';
    const m29 = 'waku-org-pm-m29';
    expectSections(u, {
      [m28]: { counts: [0, 0, 0, 0], title: 'Store Service Upgrade' },
      'waku-org-pm-131': { counts: [1, 1, 0, 0], parent: m28, title: 'Store v3-beta - Message Hashes' },
      'waku-org-pm-66': { counts: [8, 1, 0, 0], parent: m28 },
      'waku-org-pm-119': { counts: [2, 2, 0, 0], parent: m28 },
      [m29]: { counts: [0, 0, 0, 0], title: 'Direct Message Reliability' },
      'waku-org-pm-176': { counts: [1, 0, 0, 0], parent: m29 },
      'waku-org-pm-177': { counts: [4, 0, 0, 0], parent: m29 },
      'waku-org-pm-184': { counts: [1, 0, 0, 0], parent: m29 },
      'waku-org-pm-186': { counts: [2, 1, 0, 0], parent: m29 },
      'waku-org-pm-188': { counts: [0, 0, 0, 1], parent: m29 },
      'waku-org-pm-189': { counts: [1, 0, 0, 0], parent: m29 },
      'waku-org-pm-193': { counts: [1, 1, 0, 0], parent: 'waku-org-pm-m30' },
      'waku-org-pm-172': { counts: [2, 1, 0, 0], parent: 'waku-org-pm-m31' },
      'waku-org-pm-204': { counts: [1, 0, 0, 0], parent: 'waku-org-pm-m35' },
      'waku-org-pm-205': { counts: [2, 2, 0, 0], parent: 'waku-org-pm-m35' },
      'waku-enhancements': { counts: [3, 0, 0, 0] },
      'waku-bugs': { counts: [1, 1, 0, 0] },
    });
    const deliverable = u.sections.find((s) => s.key === 'waku-org-pm-66')!;
    expect(deliverable.level).toBe('deliverable');
    expect(deliverable.items.achieved[0]).toMatchObject({ repo: 'nwaku' });
    expect(deliverable.items.achieved[0]!.links.map((l) => l.href)).toEqual(['https://github.com/waku-org/nwaku/issues/1945']);
  });
});
