/** `/`: the teams, the latest updates, every milestone with its feeds, and the subscribe form. */
import type { FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { absoluteUrl, teamPath, type SiteConfig } from '../feeds';
import { alternatesFor, DateTime, FeedLinks, MilestoneList, opmlAlternate, UpdateList } from './components';
import { Layout } from './layout';
import { SubscribeSection } from './subscribe';

const LATEST = 10;

export const HomePage: FC<{ site: SiteModel; config: SiteConfig }> = ({ site, config }) => (
  <Layout
    title={config.title}
    siteTitle={config.title}
    description={config.description}
    lang={config.language}
    canonical={absoluteUrl(config, '/')}
    alternates={[...alternatesFor(config, { kind: 'site' }, config.title), opmlAlternate(config)]}
  >
    <h1>{config.title}</h1>
    <p>{config.description}</p>
    <p>
      <FeedLinks target={{ kind: 'site' }} label="Every update" /> <span class="feeds">· <a href="/opml.xml">every feed as OPML</a></span>
    </p>

    <section id="teams" aria-labelledby="teams-heading">
      <h2 id="teams-heading">Teams</h2>
      <ul class="list">
        {site.teams.map((team) => {
          const updates = site.updates.filter((u) => u.team === team.slug);
          const milestones = site.milestones.filter((m) => m.team === team.slug).length;
          return (
            <li>
              <a href={teamPath(team.slug)}>
                <strong>{team.name}</strong>
              </a>
              {team.description ? <> — {team.description}</> : null}
              <br />
              <span class="meta">
                {updates.length} {updates.length === 1 ? 'update' : 'updates'}
                {updates[0] ? (
                  <>
                    , latest <DateTime date={updates[0].date} />
                  </>
                ) : null}{' '}
                · {milestones} {milestones === 1 ? 'milestone' : 'milestones'}
              </span>
              <br />
              <FeedLinks target={{ kind: 'team', team }} />
            </li>
          );
        })}
      </ul>
    </section>

    <section id="latest" aria-labelledby="latest-heading">
      <h2 id="latest-heading">Latest updates</h2>
      <UpdateList site={site} updates={site.updates.slice(0, LATEST)} />
    </section>

    <section id="milestones" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      <p class="muted">Every milestone with its sub-milestones and deliverables. Follow one on its own in a feed reader, or on its page.</p>
      {site.teams.map((team) => {
        const milestones = site.milestones.filter((m) => m.team === team.slug);
        return milestones.length === 0 ? null : (
          <>
            <h3 id={`milestones-${team.slug}`}>{team.name}</h3>
            <MilestoneList site={site} config={config} milestones={milestones} />
          </>
        );
      })}
    </section>

    <SubscribeSection site={site} scope="all" what="every update" />
  </Layout>
);
