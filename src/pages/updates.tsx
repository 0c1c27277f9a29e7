/**
 * `/updates` and `/teams/:team/updates`: every update, newest first, a year per fold (the
 * newest open). Pages list the last few and link here ("all updates →").
 */
import type { FC } from 'hono/jsx';
import type { SiteModel, Team } from '../content/model';
import { absoluteUrl, teamPath, teamUpdates, type SiteConfig } from '../feeds';
import { alternatesFor, UpdateList } from './components';
import { Layout } from './layout';

export function updatesPath(team?: string): string {
  return team === undefined ? '/updates' : `${teamPath(team)}/updates`;
}

export const UpdatesPage: FC<{ site: SiteModel; config: SiteConfig; team?: Team }> = ({ site, config, team }) => {
  const updates = team ? teamUpdates(site, team.slug) : site.updates;
  const years = new Map<string, typeof updates>();
  for (const u of updates) {
    const year = u.date.slice(0, 4);
    const list = years.get(year);
    if (list) list.push(u);
    else years.set(year, [u]);
  }
  const heading = team ? `Every update of ${team.name}` : 'Every update';
  return (
    <Layout
      title={heading}
      siteTitle={config.title}
      description={`${updates.length} weekly updates${team ? ` of ${team.name}` : ''}, newest first.`}
      lang={config.language}
      canonical={absoluteUrl(config, updatesPath(team?.slug))}
      alternates={team ? alternatesFor(config, { kind: 'team', team }, `${team.name} updates`) : alternatesFor(config, { kind: 'site' }, config.title)}
    >
      <p class="meta">
        <a href="/">Home</a>
        {team ? (
          <>
            {' › '}
            <a href={teamPath(team.slug)}>{team.name}</a>
          </>
        ) : null}{' '}
        › Updates
      </p>
      <h1>
        {heading} <span class="meta">({updates.length})</span>
      </h1>
      {[...years].map(([year, list], i) => (
        <details class="year" open={i === 0}>
          <summary>
            {year} <span class="meta">({list.length} {list.length === 1 ? 'update' : 'updates'})</span>
          </summary>
          <UpdateList site={site} updates={list} showTeam={!team} />
        </details>
      ))}
      {updates.length === 0 ? <p class="muted">No updates published yet.</p> : null}
    </Layout>
  );
};
