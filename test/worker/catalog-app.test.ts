/**
 * The deployed Worker's app holds no milestones: it reads the ones a request names from the
 * static output (src/catalog.ts). Here over the data files of the sample site, with shards of
 * four milestones: subscribe, confirm and preferences check and name milestones as the app
 * over the whole model does, and read only the files they need.
 */
import { describe, expect, it } from 'vitest';
import { createWorkerApp } from '../../src/app';
import { keyShardPath, shardOf, teamCatalogPath } from '../../src/publish/data';
import { servedData } from '../assets';
import { harness, linkIn, postForm, site, stored, storedSubscriber, subscribe, uniqueEmail } from './subscribers.helpers';
import { indexMilestones } from '../../src/content/milestones';
import { statusIndex } from '../../src/status';

function workerHarness() {
  const served = servedData(site, { shardSize: 4 });
  return { ...harness({}, createWorkerApp(served.catalog)), reads: served.reads };
}

const [atlas, beacon] = site.teams.map((t) => t.slug) as [string, string];
const beaconMilestone = site.milestones.find((m) => m.team === beacon && !m.parentKey)!;

describe('the Worker over the static output', () => {
  it('accepts a milestone scope it reads from one key shard, and refuses an unknown one by name', async () => {
    const h = workerHarness();
    const email = uniqueEmail('catalog');
    expect((await subscribe(h, email, [`milestone:${beaconMilestone.key}`])).status).toBe(202);
    expect((await stored(email))!.scopes).toEqual([`milestone:${beaconMilestone.key}`]);
    // Read to check the scope, and again to name it in the email: one shard, no team file.
    expect(new Set(h.reads)).toEqual(new Set([keyShardPath(shardOf(beaconMilestone.key, Math.ceil(site.milestones.length / 4)))]));
    // The confirmation names the milestone and its team.
    expect(h.mail.to(email)[0]!.text).toContain(`“${beaconMilestone.title}”`);

    const refused = await subscribe(h, uniqueEmail('catalog'), ['milestone:no-such-thing']);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('unknown milestone \\"no-such-thing\\"');
  });

  it('preselects a milestone on the subscribe page with its team as the alternative', async () => {
    const h = workerHarness();
    const page = await (await h.fetch(`/subscribe?scope=milestone:${beaconMilestone.key}`)).text();
    expect(page).toContain(`value="milestone:${beaconMilestone.key}" checked=""`);
    expect(page).toContain(`value="team:${beacon}"`);
  });

  it("lists on preferences the chosen milestones' team in full, and another team's on request", async () => {
    const h = workerHarness();
    const email = uniqueEmail('catalog');
    await subscribe(h, email, [`milestone:${beaconMilestone.key}`]);
    const confirmed = await (await h.fetch(linkIn(h.mail.to(email)[0]!.text, 'confirm'))).text();
    const prefs = /href="([^"]*\/preferences\?token=[^"]+)"/.exec(confirmed)![1]!.replace(/&amp;/g, '&');
    h.reads.length = 0;
    const page = await (await h.fetch(prefs)).text();
    // Beacon (where the chosen milestone is): open, every milestone a box, the chosen one ticked.
    expect(page).toContain(`<details open="" id="team-${beacon}">`);
    for (const m of site.milestones.filter((m) => m.team === beacon)) expect(page).toContain(`value="milestone:${m.key}"`);
    expect(page).toContain(`value="milestone:${beaconMilestone.key}" checked=""`);
    // Atlas: not read; a link to choose among its milestones.
    expect(h.reads).not.toContain(teamCatalogPath(atlas));
    const atlasCount = site.milestones.filter((m) => m.team === atlas).length;
    expect(page).toContain(`Choose among its ${atlasCount} milestones`);
    expect(page).not.toContain(`value="milestone:${site.milestones.find((m) => m.team === atlas)!.key}"`);
    const expand = /href="([^"]*\/preferences\?token=[^"]+&amp;team=atlas#team-atlas)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const expanded = await (await h.fetch(expand)).text();
    expect(expanded).toContain(`<details open="" id="team-${atlas}">`);
    for (const m of site.milestones.filter((m) => m.team === atlas)) expect(expanded).toContain(`value="milestone:${m.key}"`);

    // Saving keeps the milestone and adds a whole team.
    const token = new URL(prefs).searchParams.get('token')!;
    const saved = await postForm(h, '/preferences', [['token', token], ['scope', `milestone:${beaconMilestone.key}`], ['scope', `team:${atlas}`], ['frequency', 'weekly'], ['content', 'everything']]);
    expect(saved.status).toBe(200);
    expect((await stored(email))!.scopes).toEqual([`milestone:${beaconMilestone.key}`, `team:${atlas}`]);
  });

  it('shows statuses on preferences from the static output: badges, a silent team, folds; the unsubscribe page reads no team file', async () => {
    // Beacon stops reporting after 2026-10-12 while Atlas goes on: the catalog says it is silent.
    const updates = site.updates.filter((u) => u.team !== beacon || u.date <= '2026-10-12');
    const stopped = { ...site, version: `${site.version}-stopped`, updates, milestones: indexMilestones(updates) };
    const served = servedData(stopped, { shardSize: 4 });
    const h = harness({}, createWorkerApp(served.catalog));
    const statuses = statusIndex(stopped, { quietWeeks: 3 });
    const quiet = stopped.milestones.filter((m) => m.team === beacon && statuses.get(m.key)?.status === 'quiet');
    const atRisk = stopped.milestones.find((m) => m.team === atlas && statuses.get(m.key)?.status === 'at-risk')!;
    expect(quiet.length).toBeGreaterThan(1);
    const reader = await storedSubscriber([`milestone:${quiet[0]!.key}`, `milestone:${atRisk.key}`]);
    const page = await (await h.fetch(reader.preferences)).text();
    expect(page).toContain(`<summary>Beacon <span class="muted">(silent since 2026-10-12 · `);
    const label = (key: string) => page.slice(page.indexOf(`value="milestone:${key}"`), page.indexOf('</label>', page.indexOf(`value="milestone:${key}"`)));
    expect(label(quiet[0]!.key)).toContain('>Silent</span>');
    expect(label(atRisk.key)).toContain('<span class="status status-at-risk"');
    // The other silent ones are folded behind a line that counts them.
    expect(page).toMatch(/<details class="folded"><summary>Show \d+ silent<\/summary>/);

    served.reads.length = 0;
    const unsubscribe = await (await h.fetch(reader.unsubscribe)).text();
    expect(unsubscribe).toContain(`milestone “${quiet[0]!.title}”`);
    expect(unsubscribe).toContain('Only risks and blockers</button>');
    expect(served.reads.every((p) => p.startsWith('/_tidings/keys/'))).toBe(true);
  });
});

