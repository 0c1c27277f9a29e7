/**
 * `/`: this week first — each team's latest update with its highlights, the blockers and
 * risks open now (new or still open), the milestones that moved — then the teams, the latest
 * updates and the subscribe form. Every milestone is on /milestones.
 */
import type { FC } from 'hono/jsx';
import type { SiteModel, Update } from '../content/model';
import { absoluteUrl, absolutizeHtml, cleanText, milestoneIndexPath, milestonePath, teamMilestones, teamPath, teamUpdates, updatePath, type SiteConfig } from '../feeds';
import { itemsOf, overview, statusIndex } from '../status';
import { alternatesFor, DateTime, FeedLinks, opmlAlternate, StatusBadge, teamName, UpdateList } from './components';
import { Layout } from './layout';
import { SubscribeSection } from './subscribe';
import { summaryHtml } from './summary';

const LATEST = 8;
const MOVED = 12;

/** An update's highlights: its summary, else its first top-level achievements. */
function highlights(update: Update): string[] {
  const summary = summaryHtml(update);
  if (summary.length > 0) return summary.slice(0, 4);
  return update.sections.flatMap((s) => itemsOf(s, 'achieved').filter((i) => i.depth === 0)).slice(0, 3).map((i) => i.html);
}

export const HomePage: FC<{ site: SiteModel; config: SiteConfig }> = ({ site, config }) => {
  const view = overview(site, config);
  const statuses = statusIndex(site, config);
  const html = (fragment: string) => cleanText(absolutizeHtml(fragment, config.siteUrl, absoluteUrl(config, '/')));
  const blockers = view.attention.filter((a) => a.kind === 'blockers').length;
  const risks = view.attention.length - blockers;
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

      <section id="this-week" aria-labelledby="this-week-heading">
        <h2 id="this-week-heading">Latest from each team</h2>
        {view.latest.length === 0 ? (
          <p class="muted">No recent update.</p>
        ) : (
          <ul class="cards">
            {view.latest.map((u) => {
              const points = highlights(u);
              return (
                <li>
                  <strong>
                    <a href={teamPath(u.team)}>{teamName(site, u.team)}</a>
                  </strong>{' '}
                  · <a href={updatePath(u)}>week of {u.date}</a>
                  {points.length > 0 ? (
                    <ul>
                      {points.map((p) => (
                        <li dangerouslySetInnerHTML={{ __html: html(p) }} />
                      ))}
                    </ul>
                  ) : (
                    <p class="muted">No achievement listed.</p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section id="attention" aria-labelledby="attention-heading">
        <h2 id="attention-heading">
          Blockers and risks <span class="meta">({blockers} {blockers === 1 ? 'blocker' : 'blockers'}, {risks} {risks === 1 ? 'risk' : 'risks'} open)</span>
        </h2>
        {view.attention.length === 0 ? (
          <p>No milestone lists a blocker or a risk in its latest week.</p>
        ) : (
          <ul class="attention">
            {view.attention.map((a) => (
              <li class={a.kind === 'blockers' ? 'blocker' : 'risk'}>
                <span class="what">{a.kind === 'blockers' ? 'Blocker' : 'Risk'}</span> ·{' '}
                <a href={milestonePath(a.milestone.key)}>{a.milestone.title}</a> <span class="meta">({teamName(site, a.milestone.team)})</span>
                <div dangerouslySetInnerHTML={{ __html: html(a.item.html) }} />
                <span class="meta">{a.since === a.update.date ? <>new on <DateTime date={a.since} /></> : <>still open, listed since <DateTime date={a.since} /></>}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="moved" aria-labelledby="moved-heading">
        <h2 id="moved-heading">Milestones that moved</h2>
        {view.moved.length === 0 ? (
          <p class="muted">Nothing achieved in the latest updates.</p>
        ) : (
          <ul class="list moved">
            {view.moved.slice(0, MOVED).map((m) => (
              <li>
                <StatusBadge status={m.status.status} reason={m.status.reason} /> <a href={milestonePath(m.milestone.key)}>{m.milestone.title}</a>{' '}
                <span class="meta">
                  ({teamName(site, m.milestone.team)}, {m.achieved.length} achieved)
                </span>
                <br />
                <span dangerouslySetInnerHTML={{ __html: html(m.achieved[0]!.html) }} />
              </li>
            ))}
          </ul>
        )}
        <p>
          {view.moved.length > MOVED ? <>{view.moved.length - MOVED} more moved. </> : null}
          <a href="/milestones">Every milestone, by status →</a>
        </p>
      </section>

      <section id="teams" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <ul class="list">
          {site.teams.map((team) => {
            const updates = teamUpdates(site, team.slug);
            const ms = teamMilestones(site, team.slug);
            const count = (st: string) => ms.filter((m) => statuses.get(m.key)?.status === st).length;
            const open = ms.filter((m) => !['done', 'quiet'].includes(statuses.get(m.key)?.status ?? '')).length;
            return (
              <li>
                <a href={teamPath(team.slug)}>
                  <strong>{team.name}</strong>
                </a>
                {team.description ? <> — {team.description}</> : null}
                <br />
                <span class="meta">
                  {updates[0] ? (
                    <>
                      latest <a href={updatePath(updates[0])}>{updates[0].date}</a> ·{' '}
                    </>
                  ) : null}
                  <a href={milestoneIndexPath({ team: team.slug })}>{open} open milestones</a>
                  {count('blocked') > 0 ? `, ${count('blocked')} blocked` : ''}
                  {count('at-risk') > 0 ? `, ${count('at-risk')} at risk` : ''} · <FeedLinks target={{ kind: 'team', team }} label="feed" only="rss" />
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
      </section>

      <SubscribeSection site={site} scope="all" what="every update" />
    </Layout>
  );
};
