/** The sample content a new user sees first: what the model must make of it. */
import { describe, expect, it } from 'vitest';
import { errorsOf, sampleBuild, warningsOf } from './helpers';

describe('sample content (content/)', () => {
  it('builds with no error and no warning', async () => {
    const result = await sampleBuild();
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([]);
  });

  it('has two teams, six consecutive published weeks each, and leaves the draft out', async () => {
    const { site, parsed } = await sampleBuild();
    expect(site.teams.map((t) => [t.slug, t.name])).toEqual([
      ['atlas', 'Atlas'],
      ['beacon', 'Beacon'],
    ]);
    for (const team of ['atlas', 'beacon']) {
      expect(site.updates.filter((u) => u.team === team).map((u) => u.date)).toEqual([
        '2026-11-09', '2026-11-02', '2026-10-26', '2026-10-19', '2026-10-12', '2026-10-05',
      ]);
    }
    expect(parsed.find((u) => u.id === 'beacon/2026-11-16')?.draft).toBe(true);
    expect(site.updates.some((u) => u.id === 'beacon/2026-11-16')).toBe(false);
  });

  it('keeps the lastmod of the update edited after publication', async () => {
    const { site } = await sampleBuild();
    expect(site.updates.filter((u) => u.lastmod).map((u) => [u.id, u.lastmod])).toEqual([['atlas/2026-10-19', '2026-10-22']]);
  });

  it('follows a milestone renamed under the same tracker link', async () => {
    const { site } = await sampleBuild();
    const sync = site.milestones.find((m) => m.key === 'northwind-dev-roadmap-21')!;
    expect(sync.titles).toEqual(['Sync protocol v2', 'Sync protocol v2 (delta sync)']);
    expect(sync.weeks).toHaveLength(6);
  });

  it('merges a milestone renamed without a link through content/aliases.yaml', async () => {
    const { site } = await sampleBuild();
    expect(site.milestones.some((m) => m.key === 'beacon-offline-mode')).toBe(false);
    const offline = site.milestones.find((m) => m.key === 'beacon-offline-first-editing')!;
    expect(offline.titles).toEqual(['Offline mode', 'Offline-first editing']);
    expect(offline.weeks).toEqual(['beacon/2026-10-05', 'beacon/2026-10-12', 'beacon/2026-10-19', 'beacon/2026-10-26', 'beacon/2026-11-02', 'beacon/2026-11-09']);
  });

  it('keys workstreams by their commitment tag, in the heading or on the first line', async () => {
    const { site } = await sampleBuild();
    const week = site.updates.find((u) => u.id === 'beacon/2026-11-02')!;
    const a11y = week.sections.find((s) => s.key === 'beacon-a11y-screen-reader')!;
    const l10n = week.sections.find((s) => s.key === 'beacon-l10n-rtl-layouts')!;
    expect([a11y.title, a11y.level, a11y.area]).toEqual(['Accessibility', 'workstream', 'Workstreams']);
    expect([l10n.title, l10n.level]).toEqual(['Localization', 'workstream']);
    expect(l10n.items.achieved).toHaveLength(1);
    expect(l10n.items.progress).toHaveLength(1);
  });

  it('describes milestones from content/<team>/milestones/', async () => {
    const { site } = await sampleBuild();
    const sync = site.milestones.find((m) => m.key === 'northwind-dev-roadmap-21')!;
    expect(sync.definedIn).toBe('atlas/milestones/sync-protocol-v2.md');
    expect(sync.description).toContain('Replace the v1 full-document sync with a delta protocol');
    expect(site.milestones.find((m) => m.key === 'northwind-dev-roadmap-24')!.description).toContain('4 MiB chunks');
  });

  it('tags items with their repo and keeps the opening paragraph as the update\'s summary', async () => {
    const { site } = await sampleBuild();
    const repos = new Set(site.updates.flatMap((u) => u.sections.flatMap((s) => Object.values(s.items).flat().map((i) => i.repo))));
    for (const repo of ['sync-server', 'ios', 'android', 'desktop']) expect(repos).toContain(repo);
    const update = site.updates.find((u) => u.id === 'atlas/2026-10-05')!;
    expect(update.summary?.map((i) => i.text)).toEqual([expect.stringMatching(/^Short week for most of us/)]);
    expect(update.notes).toEqual([]);
  });
});
