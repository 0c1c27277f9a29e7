/**
 * `/`: this week, team by team — each reporting team's latest report with its highlights, its
 * open blockers and risks and the milestones it reported progress on; teams gone silent
 * folded under "not reporting"; blockers and risks no team lists any more folded, never
 * counted as open — then the teams, the latest updates and the subscribe form. A search box
 * (the header's) finds any milestone; every milestone is on /milestones.
 */
import type { FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import type { Item } from '../content/model';
import { absoluteUrl, absolutizeHtml, cleanText, milestoneByKey, milestoneIndexPath, milestonePath, teamMilestones, teamPath, updatePath, type SiteConfig } from '../feeds';
import { overview, statusIndex, type AttentionItem, type TeamNow } from '../status';
import { alternatesFor, DateTime, FeedLinks, InfoBadge, NestedItems, opmlAlternate, teamName, UpdateList } from './components';
import { Layout } from './layout';
import { SubscribeSection } from './subscribe';

const LATEST = 8;
/** Milestones with reported progress shown per team before "and N more in the report". */
const MOVED = 5;

/** The item that says the most: the first that is more than a lead-in ("Cryptarchia Core:"). */
function telling(items: readonly Item[]): Item {
  return items.find((i) => !/:\s*$/.test(i.text) && i.text.length > 12) ?? items[0]!;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const Attention: FC<{ site: SiteModel; items: readonly AttentionItem[]; html: (f: string) => string; stale?: boolean; showTeam?: boolean }> = ({ site, items, html, stale, showTeam }) => (
  <ul class="attention">
    {items.map((a) => (
      <li class={a.kind === 'blockers' ? 'blocker' : 'risk'}>
        <span class="what">{a.kind === 'blockers' ? 'Blocker' : 'Risk'}</span> · <a href={milestonePath(a.milestone.key)}>{a.milestone.title}</a>
        {showTeam ? <span class="meta"> ({teamName(site, a.milestone.team)})</span> : null}
        <div dangerouslySetInnerHTML={{ __html: html(a.item.html) }} />
        <span class="meta">
          {stale ? (
            <>
              not mentioned since <DateTime date={a.update.date} />
            </>
          ) : a.since === a.update.date ? (
            <>
              new on <DateTime date={a.since} />
            </>
          ) : (
            <>
              still open, listed since <DateTime date={a.since} />
            </>
          )}
        </span>
      </li>
    ))}
  </ul>
);

const TeamReport: FC<{ site: SiteModel; now: TeamNow; html: (f: string) => string }> = ({ site, now, html }) => {
  const u = now.latest;
  const id = `now-${u.team}`;
  const summary = u.summary ?? [];
  const blockers = now.attention.filter((a) => a.kind === 'blockers').length;
  const risks = now.attention.length - blockers;
  return (
    <article class="team-now" aria-labelledby={id}>
      <h3 id={id}>
        <a href={teamPath(u.team)}>{teamName(site, u.team)}</a>{' '}
        <span class="meta">
          · <a href={updatePath(u)}>report of <DateTime date={u.date} /></a>
        </span>
      </h3>
      {summary.length > 0 ? (
        <div class="highlights">
          <h4>Highlights</h4>
          <NestedItems items={summary} html={html} />
        </div>
      ) : null}
      {now.attention.length > 0 ? (
        <div>
          <h4>
            Open: {blockers > 0 ? plural(blockers, 'blocker') : null}
            {blockers > 0 && risks > 0 ? ', ' : null}
            {risks > 0 ? plural(risks, 'risk') : null}
          </h4>
          <Attention site={site} items={now.attention} html={html} />
        </div>
      ) : null}
      <h4>Reported progress</h4>
      {now.moved.length === 0 ? (
        <p class="muted">No progress listed in this report.</p>
      ) : (
        <ul class="moved">
          {now.moved.slice(0, MOVED).map((m) => (
            <li>
              <a href={milestonePath(m.milestone.key)}>{m.milestone.title}</a> <InfoBadge info={m.status} />{' '}
              <span class="meta">
                ({m.milestone.parentKey ? <>under {milestoneByKey(site, m.milestone.parentKey)?.title ?? m.milestone.parentKey}, </> : null}
                {plural(m.achieved.length, 'item')})
              </span>
              <br />
              <span dangerouslySetInnerHTML={{ __html: html(telling(m.achieved).html) }} />
            </li>
          ))}
        </ul>
      )}
      {now.moved.length > MOVED ? (
        <p>
          <a href={updatePath(u)}>{plural(now.moved.length - MOVED, 'more milestone')} in the report →</a>
        </p>
      ) : null}
    </article>
  );
};

export const HomePage: FC<{ site: SiteModel; config: SiteConfig }> = ({ site, config }) => {
  const view = overview(site, config);
  const statuses = statusIndex(site, config);
  const html = (fragment: string) => cleanText(absolutizeHtml(fragment, config.siteUrl, absoluteUrl(config, '/')));
  const blockers = view.attention.filter((a) => a.kind === 'blockers').length;
  const risks = view.attention.length - blockers;
  const silentOf = new Map(view.silent.map((t) => [t.team, t.silentSince!]));
  return (
    <Layout
      title={config.title}
      siteTitle={config.title}
      description={config.description}
      lang={config.language}
      canonical={absoluteUrl(config, '/')}
      alternates={[...alternatesFor(config, { kind: 'site' }, config.title), opmlAlternate(config)]}
    >
      <h1>What changed</h1>
      <p>{config.description}</p>
      <p class="glance">
        {plural(view.reporting.length, 'team')} reporting ·{' '}
        {view.attention.length === 0 ? (
          'nothing blocked or at risk'
        ) : (
          <a href="#attention">
            {plural(blockers, 'blocker')} and {plural(risks, 'risk')} open
          </a>
        )}{' '}
        · <a href="/milestones">every milestone by status</a> · <a href="/search">search</a>
      </p>

      <section id="this-week" aria-labelledby="this-week-heading">
        <h2 id="this-week-heading">Latest report of each team</h2>
        {view.reporting.length === 0 ? <p class="muted">No team has reported recently.</p> : null}
        {view.reporting.map((now) => (
          <TeamReport site={site} now={now} html={html} />
        ))}
        {view.silent.length > 0 ? (
          <details class="not-reporting" id="not-reporting">
            <summary>Not reporting ({plural(view.silent.length, 'team')})</summary>
            <ul>
              {view.silent.map((t) => (
                <li>
                  <a href={teamPath(t.team)}>{teamName(site, t.team)}</a> — silent since <a href={updatePath(t.latest)}><DateTime date={t.silentSince!} /></a>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section id="attention" aria-labelledby="attention-heading">
        <h2 id="attention-heading">
          Blocked or at risk now <span class="meta">({plural(blockers, 'blocker')}, {plural(risks, 'risk')} open)</span>
        </h2>
        {view.attention.length === 0 ? (
          <p>No team lists a blocker or a risk in its latest report.</p>
        ) : (
          <Attention site={site} items={view.attention} html={html} showTeam />
        )}
        {view.stale.length > 0 ? (
          <details class="stale" id="not-mentioned">
            <summary>{plural(view.stale.length, 'blocker or risk', 'blockers and risks')} no longer mentioned (not counted as open)</summary>
            <p class="muted">Listed in a milestone’s latest week, but its team’s later reports do not mention them, or the team is silent.</p>
            <Attention site={site} items={view.stale} html={html} stale showTeam />
          </details>
        ) : null}
      </section>

      <section id="teams" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <ul class="list">
          {site.teams.map((team) => {
            const ms = teamMilestones(site, team.slug).filter((m) => m.team === team.slug);
            const count = (st: string) => ms.filter((m) => statuses.get(m.key)?.status === st).length;
            const silent = silentOf.get(team.slug);
            const open = silent !== undefined ? 0 : ms.filter((m) => !['done', 'quiet'].includes(statuses.get(m.key)?.status ?? '')).length;
            const latest = view.reporting.find((t) => t.team === team.slug)?.latest ?? view.silent.find((t) => t.team === team.slug)?.latest;
            return (
              <li>
                <a href={teamPath(team.slug)}>
                  <strong>{team.name}</strong>
                </a>
                {team.description ? <> — {team.description}</> : null}
                <br />
                <span class="meta">
                  {latest ? (
                    <>
                      {silent !== undefined ? 'silent since ' : 'latest '}
                      <a href={updatePath(latest)}>
                        <DateTime date={latest.date} />
                      </a>{' '}
                      ·{' '}
                    </>
                  ) : null}
                  <a href={milestoneIndexPath({ team: team.slug })}>
                    {silent !== undefined ? plural(ms.length, 'milestone') : `${open} open`}
                    {silent === undefined && count('blocked') > 0 ? `, ${count('blocked')} blocked` : ''}
                    {silent === undefined && count('at-risk') > 0 ? `, ${count('at-risk')} at risk` : ''}
                    {count('done') > 0 ? `, ${count('done')} done` : ''}
                  </a>{' '}
                  · <FeedLinks target={{ kind: 'team', team }} label="feed" only="rss" />
                </span>
              </li>
            );
          })}
        </ul>
        <p class="feeds">
          <FeedLinks target={{ kind: 'site' }} label="Every update" /> · <a href="/opml.xml">every feed as OPML</a>
        </p>
      </section>

      <section id="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest updates</h2>
        <UpdateList site={site} updates={site.updates.slice(0, LATEST)} />
        {site.updates.length > LATEST ? (
          <p>
            <a href="/updates">All {site.updates.length} updates →</a>
          </p>
        ) : null}
      </section>

      <SubscribeSection site={site} scope="all" what="every update" />
    </Layout>
  );
};
