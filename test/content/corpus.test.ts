import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conservation } from './conservation';
import { VFile } from 'vfile';
import { parseUpdate } from '../../src/content';
import { CORPUS, corpusBuild, errorsOf, warningsOf } from './helpers';

describe('the real corpus', () => {
  it('parses every file with no error', async () => {
    const result = await corpusBuild();
    expect(errorsOf(result)).toEqual([]);
    // 50 weekly updates; 2024-06-24 is a byte-identical copy of 2024-06-20 (same front matter date).
    expect(result.files.filter((f) => /\/updates\/.*\.md$/.test(f.path))).toHaveLength(50);
    expect(result.site.updates).toHaveLength(49);
    // 27 milestone definition files, the index among them.
    expect(result.files.filter((f) => /\/milestones\/.*\.md$/.test(f.path))).toHaveLength(27);
    // And the first version of 2023-12-04, kept aside in edits/.
    const first = new VFile({ path: 'edits/2023-12-04.first-version.md', value: await readFile(path.join(CORPUS, 'edits/2023-12-04.first-version.md')) });
    expect(parseUpdate(first, { team: 'waku' })).toBeDefined();
    expect(first.messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('describes milestones from their definition files, and refuses a definition that links to another milestone', async () => {
    const result = await corpusBuild();
    const rln = result.site.milestones.find((m) => m.key === 'waku-org-pm-m34')!;
    expect(rln.definedIn).toBe('waku/milestones/2024-rln-mainnet.md');
    expect(rln.description).toContain('the smart contract will be deployed on mainnet');
    expect(result.site.milestones.filter((m) => m.description).length).toBeGreaterThan(30);
    // waku/milestones/2024-direct-msg-reliability.md links to milestone/28, which every
    // update calls "Store Service Upgrade": the corpus's own slip, reported, not believed.
    expect(result.site.milestones.find((m) => m.key === 'waku-org-pm-m28')!.description).toBeUndefined();
    expect(warningsOf(result)).toContain(
      'waku/milestones/2024-direct-msg-reliability.md:7:1: “Milestone Direct Message Reliability” links to milestone waku-org-pm-m28, which the updates call “Store Service Upgrade”: description not used',
    );
  });

  it('gives the milestone linked to waku-org/pm/issues/12 one key in every week it appears', async () => {
    const { site } = await corpusBuild();
    const weeks = site.updates.filter((u) => u.sections.some((s) => s.trackerUrl === 'https://github.com/waku-org/pm/issues/12'));
    // It is linked in these weeks' headings (or heading paragraph in 2023-08-14): read off the files.
    expect(weeks.map((u) => u.date).sort()).toEqual([
      '2023-08-14', '2023-10-23', '2023-10-30', '2023-11-06', '2023-11-13', '2023-11-20', '2023-11-27', '2023-12-04', '2023-12-11', '2024-01-08',
    ]);
    const keys = new Set(weeks.flatMap((u) => u.sections.filter((s) => s.trackerUrl?.endsWith('/pm/issues/12')).map((s) => s.key)));
    expect([...keys]).toEqual(['waku-org-pm-12']);
    const milestone = site.milestones.find((m) => m.key === 'waku-org-pm-12');
    expect(milestone?.weeks).toHaveLength(10);
  });

  it('orders updates newest first and never lets a draft or a copy through', async () => {
    const { site } = await corpusBuild();
    const dates = site.updates.map((u) => u.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(site.updates.map((u) => u.id)).size).toBe(site.updates.length);
  });
});

describe('conservation: nothing in the source is lost or doubled', () => {
  it('puts every list item and paragraph of every corpus file in the model exactly once', async () => {
    const { site, outlines } = await corpusBuild();
    let checked = 0;
    for (const update of site.updates) {
      const source = await readFile(path.join(CORPUS, update.source), 'utf8');
      const { problems, entries, blocks } = conservation(update, source, outlines.get(update.source));
      expect(problems, update.source).toEqual([]);
      expect(entries, `${update.source}: model entries vs content blocks`).toBe(blocks);
      checked += blocks;
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('an update edited after publication', () => {
  it('keeps the milestone keys of the first version and adds the Chat SDK section', async () => {
    const { parseUpdate } = await import('../../src/content');
    const { VFile } = await import('vfile');
    const parse = async (p: string) => {
      const file = new VFile({ path: p, value: await readFile(path.join(CORPUS, p)) });
      const update = parseUpdate(file, { team: 'waku' });
      expect(file.messages.filter((m) => m.fatal)).toEqual([]);
      return update!;
    };
    const first = await parse('edits/2023-12-04.first-version.md');
    const last = await parse('waku/updates/2023-12-04.md');
    expect(first.id).toBe(last.id);
    const firstKeys = first.sections.map((s) => s.key);
    const lastKeys = last.sections.map((s) => s.key);
    expect(lastKeys.filter((k) => firstKeys.includes(k))).toEqual(firstKeys);
    // `### Chat SDK` over one tracked issue: the stream of work (the key it has in later weeks) and its issue.
    expect(lastKeys.filter((k) => !firstKeys.includes(k))).toEqual(['waku-chat-sdk', 'waku-org-pm-105']);
    const chat = last.sections.find((s) => s.key === 'waku-org-pm-105')!;
    expect(chat.title).toBe('chat-sdk-tracking');
    expect(chat.parentKey).toBe('waku-chat-sdk');
    expect(chat.items.achieved.map((i) => i.text)).toEqual(['Running custom built desktop with status-go, working on community store node']);
    expect(chat.items.blockers.map((i) => i.text)).toEqual(['no so far']);
    expect(first.hash).not.toBe(last.hash);
  });
});
