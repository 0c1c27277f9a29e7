/**
 * The snapshot a digest keeps, in the real local D1: stored by part (a row per team and per
 * milestone) with the digest, in the same transaction; and read back right when the last digest
 * was cut before parts existed (one whole-site JSON in digest_snapshots).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { computeChanges, cutDigest, takeSnapshot } from '../../src/digest';
import { changesByTeam } from '../../src/digest/by-team';
import { SnapshotText } from '../../src/digest/snapshot-parts';
import { memoryCatalog } from '../../src/catalog';
import { insertDigest, latestSnapshot } from '../../src/digest/store';
import { env, resetDigests, site, siteAsOf, unplayedQueueEnv } from './digest.helpers';

beforeEach(resetDigests);

/** A digest as the code before migration 0006 stored it: its snapshot one JSON, in chunks. */
async function storeWholeDigest(period: string, snapshot: ReturnType<typeof takeSnapshot>): Promise<void> {
  const json = JSON.stringify(snapshot);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += 1000) chunks.push(json.slice(i, i + 1000));
  const at = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO digests (period, created_at, site_version, since, until, subject, changes, recipients) VALUES (?, ?, ?, NULL, ?, ?, ?, 0)').bind(
      period,
      at,
      snapshot.version,
      snapshot.until,
      'an old digest',
      JSON.stringify({ until: snapshot.until, newUpdates: [], editedUpdates: [], milestones: [] }),
    ),
    ...chunks.map((chunk, seq) =>
      env.DB.prepare('INSERT INTO digest_snapshots (digest_id, seq, data) VALUES ((SELECT id FROM digests WHERE period = ?1), ?2, ?3)').bind(period, seq, chunk),
    ),
  ]);
}

/** Changes as stored (JSON), milestones by key: the team-by-team cut may list shared ones elsewhere. */
function byKey(changes: ReturnType<typeof computeChanges>) {
  return JSON.parse(JSON.stringify({ ...changes, milestones: [...changes.milestones].sort((a, b) => (a.key < b.key ? -1 : 1)) })) as typeof changes;
}

describe('the snapshot of a digest', () => {
  it('is stored by team and by milestone, and is the whole site’s snapshot put together', async () => {
    const { digest } = await cutDigest(unplayedQueueEnv(), site, { period: 'parts', now: new Date() });
    const rows = await env.DB.prepare('SELECT kind, COUNT(*) AS n FROM digest_snapshot_parts WHERE digest_id = ? GROUP BY kind ORDER BY kind').bind(digest.id).all<{ kind: string; n: number }>();
    expect(rows.results).toEqual([
      { kind: 'milestone', n: site.milestones.length },
      { kind: 'team', n: site.teams.length },
    ]);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM digest_snapshots WHERE digest_id = ?').bind(digest.id).first<{ n: number }>())!.n).toBe(0);
    const stored = (await latestSnapshot(env.DB))!;
    const whole = takeSnapshot(site);
    expect(Object.keys(stored.milestones).sort()).toEqual(Object.keys(whole.milestones).sort());
    expect(stored).toEqual({ ...whole, milestones: stored.milestones });
    for (const [key, m] of Object.entries(whole.milestones)) expect(stored.milestones[key], key).toEqual(m);
  });

  it('of the week before gives the changes of the whole-site computation', async () => {
    await cutDigest(unplayedQueueEnv(), siteAsOf('2026-10-12'), { period: 'w2', now: new Date() });
    const { digest } = await cutDigest(unplayedQueueEnv(), siteAsOf('2026-10-26'), { period: 'w4', now: new Date() });
    expect(digest.changes.milestones.length).toBeGreaterThan(0);
    expect(byKey(digest.changes)).toEqual(byKey(computeChanges(siteAsOf('2026-10-26'), takeSnapshot(siteAsOf('2026-10-12')), { quietWeeks: 3, state: true })));
  });

  it('stored whole by a digest cut before the upgrade is read right by the next cut, which stores its own by part', async () => {
    const old = takeSnapshot(siteAsOf('2026-10-12'));
    await storeWholeDigest('before-upgrade', old);
    const { digest } = await cutDigest(unplayedQueueEnv(), siteAsOf('2026-10-26'), { period: 'after-upgrade', now: new Date() });
    expect(digest.changes.since).toBe(old.until);
    expect(digest.changes.newUpdates.length).toBeGreaterThan(0);
    expect(byKey(digest.changes)).toEqual(byKey(computeChanges(siteAsOf('2026-10-26'), old, { quietWeeks: 3, state: true })));
    expect((await env.DB.prepare('SELECT snapshot_layout FROM digests WHERE id = ?').bind(digest.id).first<{ snapshot_layout: string }>())!.snapshot_layout).toBe('by-team');
    // And the cut after that compares with the parts the upgraded one stored.
    const { digest: next } = await cutDigest(unplayedQueueEnv(), site, { period: 'next', now: new Date() });
    expect(byKey(next.changes)).toEqual(byKey(computeChanges(site, takeSnapshot(siteAsOf('2026-10-26')), { quietWeeks: 3, state: true })));
  });

  it('keeps text in any script as written', async () => {
    const title = 'Éclair: “quoted” — it’s 😀, 日本語';
    const text = new SnapshotText();
    text.team('atlas', { updates: { 'atlas/2026-10-05': 'h' }, latest: '2026-10-05' });
    text.milestone('m', { title, team: 'atlas', lastWeek: '2026-10-05', seen: { achieved: [], progress: [], next: [], risks: ['r'], blockers: [] }, open: [{ kind: 'risks', text: `${title} risk`, fp: 'r', date: '2026-10-05' }] });
    const changes = { until: '2026-10-05', newUpdates: [], editedUpdates: [], milestones: [] };
    await insertDigest(env.DB, { period: 'unicode', now: new Date(), siteVersion: 'v', changes, subject: 's', snapshot: text, recipients: [] });
    const stored = (await latestSnapshot(env.DB))!;
    expect(stored.milestones.m!.title).toBe(title);
    expect(stored.milestones.m!.open[0]!.text).toBe(`${title} risk`);
  });

  it('is written with the digest or not at all', async () => {
    const count = async () => (await env.DB.prepare('SELECT (SELECT COUNT(*) FROM digests) AS digests, (SELECT COUNT(*) FROM digest_snapshot_parts) AS parts').first<{ digests: number; parts: number }>())!;
    const text = new SnapshotText();
    const changes = await changesByTeam(memoryCatalog(site), undefined, { quietWeeks: 3 }, text);
    const digest = { now: new Date(), siteVersion: site.version, changes, subject: 's', recipients: [] };
    expect(await insertDigest(env.DB, { ...digest, period: 'taken', snapshot: text })).toBeTypeOf('number');
    const stored = await count();
    expect(stored.parts).toBe(site.teams.length + site.milestones.length);
    // A run that lost the race for the period: the UNIQUE period rolls its whole batch back.
    const again = new SnapshotText();
    await changesByTeam(memoryCatalog(site), undefined, { quietWeeks: 3 }, again);
    expect(await insertDigest(env.DB, { ...digest, period: 'taken', snapshot: again })).toBeUndefined();
    expect(await count()).toEqual(stored);
    // A part D1 refuses (here: not JSON) takes the digest row down with it.
    const broken = new SnapshotText();
    broken.chunks.push({ kind: 'milestone', json: '{"unfinished": ' });
    await expect(insertDigest(env.DB, { ...digest, period: 'broken', snapshot: broken })).rejects.toThrow();
    expect(await count()).toEqual(stored);
  });
});
