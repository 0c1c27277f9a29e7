/**
 * Incremental rendering: each group of files (src/publish/paths.ts) is rendered again only when
 * something its files are made from changed, under a key of the build as a whole (the
 * renderer's own source, the configuration, the aliases). A dependency key per group hashes
 * all of it:
 * - a milestone's files (a page, a badge, three feeds and their archives: most of a site's
 *   files, and an edit reaches few milestones): the milestone, its parent and sub-milestones
 *   with their statuses, every update it appears in (whole), the milestones and statuses those
 *   updates name, the catalog of teams and milestones (titles, ancestry: what the subscribe
 *   form and the links show), the site's newest date;
 * - an update's page (src/pages/update.tsx): the update (whole), its team, the milestones its
 *   sections name (whole: titles, weeks for the anchors) with their statuses, the links to the
 *   team's next older and newer updates;
 * - the rest (`site`: home, lists, team pages, status pages, the milestone index, the site's and
 *   teams' feeds and archives, the OPML, the stylesheets): the whole model (its version, a hash
 *   of it), statuses being derived from it and the configuration.
 * Otherwise the files of the last build are kept as they are, without reading them. The output
 * stays byte-identical to a clean build (test/publish/incremental.test.ts);
 * `TIDINGS_BUILD_CACHE=off` renders everything.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteModel, Update } from '../content/model';
import { milestoneByKey, milestoneChildren, teamUpdates, updateById } from '../feeds/document';
import { updatePath } from '../feeds/paths';
import { SITE_GROUP } from './paths';
import { newestDate, statusIndex, type StatusInfo } from '../status';

/**
 * Hash of the renderer: its source (src/ and emails/) and the locked dependencies
 * (package-lock.json). A code or dependency change renders everything.
 */
export function rendererVersion(rootDir: string): Promise<string> {
  // Once per process: the build and its search index both ask.
  let version = rendererVersions.get(rootDir);
  if (!version) rendererVersions.set(rootDir, (version = hashRenderer(rootDir)));
  return version;
}

const rendererVersions = new Map<string, Promise<string>>();

async function hashRenderer(rootDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(path.join(rootDir, 'package-lock.json')).catch(() => Buffer.from('no lock file')));
  for (const dir of ['src', 'emails']) {
    const names = (await readdir(path.join(rootDir, dir), { recursive: true }).catch(() => [] as string[]))
      .map(String)
      .filter((n) => /\.(ts|tsx)$/.test(n) && !n.startsWith('generated'))
      .sort();
    for (const name of names) hash.update(dir).update('/').update(name).update('\0').update(await readFile(path.join(rootDir, dir, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** What a group of files was rendered from, as the last build stored it. */
export interface RenderManifest {
  /** The build as a whole: renderer, configuration, aliases. Another one reuses nothing. */
  build: string;
  /** Group (`milestone:<key>`, `update:<id>`, `site`) → dependency key. */
  groups: Record<string, string>;
  /** `_headers` pattern → headers, for patterns whose every file is reused. */
  headers: Record<string, Record<string, string>>;
  /** Each grouped file as written: content hash (as in the writer's manifest) and size. */
  files: Record<string, [string, number]>;
  /** Each pack (src/publish/overflow.ts): a hash of its members' paths and hashes, its own hash and size. */
  packs?: Record<string, [string, string, number]>;
}

const statusJson = (s: StatusInfo | undefined) =>
  JSON.stringify(s ? { status: s.status, reason: s.reason, quietWeeks: s.quietWeeks, latest: s.latest?.update.id, silentSince: s.silentSince } : null);

/** The dependency key of every group of files (see above). */
export function renderDependencies(site: SiteModel, quietWeeks: number): Map<string, string> {
  const statuses = statusIndex(site, { quietWeeks });
  const catalog = createHash('sha256')
    .update(JSON.stringify(site.teams))
    .update(JSON.stringify(site.milestones.map((m) => [m.key, m.title, m.parentKey ?? null, m.team])))
    .update(newestDate(site.updates))
    .digest('hex');
  const updateHashes = new Map<string, string>();
  const updateHash = (u: Update) => {
    let h = updateHashes.get(u.id);
    if (!h) updateHashes.set(u.id, (h = createHash('sha256').update(JSON.stringify(u)).digest('hex')));
    return h;
  };
  // A milestone with its status, as text: made once per milestone (each is hashed into the key
  // of every milestone it shares a week with).
  const described = new Map<string, string>();
  const describe = (key: string | undefined) => {
    if (key === undefined) return 'null';
    let text = described.get(key);
    if (text === undefined) described.set(key, (text = JSON.stringify(milestoneByKey(site, key) ?? null) + statusJson(statuses.get(key))));
    return text;
  };
  const groups = new Map<string, string>();
  for (const m of site.milestones) {
    const hash = createHash('sha256').update(catalog).update(describe(m.key));
    hash.update(m.parentKey !== undefined ? describe(m.parentKey) : 'null');
    for (const r of milestoneChildren(site, m.key)) hash.update(describe(r.key));
    // A parent's page shows its parts' latest items (src/pages/milestone.tsx): their latest weeks.
    for (const c of milestoneChildren(site, m.key)) {
      const latest = statuses.get(c.key)?.latest?.update;
      if (latest) hash.update(updateHash(latest));
    }
    for (const id of m.weeks) {
      const u = updateById(site, id);
      if (!u) continue;
      hash.update(updateHash(u));
      for (const s of u.sections) hash.update(describe(s.key));
    }
    groups.set(`milestone:${m.key}`, hash.digest('hex').slice(0, 32));
  }
  for (const team of site.teams) {
    const weeks = teamUpdates(site, team.slug);
    const teamText = JSON.stringify(team);
    weeks.forEach((u, i) => {
      // Newest first: the pager links the next older and the next newer week (path and date).
      const older = weeks[i + 1];
      const newer = i > 0 ? weeks[i - 1] : undefined;
      const hash = createHash('sha256')
        .update(teamText)
        .update(updateHash(u))
        .update(JSON.stringify([older ? [updatePath(older), older.date] : null, newer ? [updatePath(newer), newer.date] : null]));
      for (const s of u.sections) hash.update(describe(s.key));
      groups.set(`update:${u.id}`, hash.digest('hex').slice(0, 32));
    });
  }
  // The model's version is a hash of the whole model (src/content/build.ts).
  groups.set(SITE_GROUP, createHash('sha256').update(`site\0${site.version}`).digest('hex').slice(0, 32));
  return groups;
}

/**
 * The last build's render manifest, removed from disk as it is read: writeRenderManifest puts
 * the new one back once this build's output is in place, so a build that fails half-way
 * leaves nothing to trust.
 */
export async function takeRenderManifest(outDir: string): Promise<RenderManifest | undefined> {
  const file = manifestPath(outDir);
  const manifest = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as RenderManifest)
    .catch(() => undefined);
  await rm(file, { force: true });
  return manifest;
}

export async function writeRenderManifest(outDir: string, manifest: RenderManifest): Promise<void> {
  const file = manifestPath(outDir);
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(manifest)}\n`);
  await rename(partial, file);
}

function manifestPath(outDir: string): string {
  return `${outDir.replace(/\/+$/, '')}.render.json`;
}
