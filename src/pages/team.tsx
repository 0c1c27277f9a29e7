/** `/teams/:team`: a team's updates and milestones, its feeds and subscribe form. */
import type { FC } from 'hono/jsx';
import type { SiteModel, Team } from '../content/model';
import { absoluteUrl, teamMilestones, teamPath, teamUpdates, type SiteConfig } from '../feeds';
import { alternatesFor, FeedLinks, MilestoneList, UpdateList } from './components';
import { Layout } from './layout';
import { SubscribeSection } from './subscribe';

export const TeamPage: FC<{ site: SiteModel; config: SiteConfig; team: Team }> = ({ site, config, team }) => {
  const updates = teamUpdates(site, team.slug);
  const milestones = teamMilestones(site, team.slug);
  return (
    <Layout
      title={team.name}
      siteTitle={config.title}
      description={team.description ?? `Weekly updates of team ${team.name}`}
      lang={config.language}
      canonical={absoluteUrl(config, teamPath(team.slug))}
      alternates={[...alternatesFor(config, { kind: 'team', team }, `${team.name} updates`), ...alternatesFor(config, { kind: 'site' }, config.title)]}
    >
      <p class="meta">
        <a href="/">Home</a> › Teams
      </p>
      <h1>{team.name}</h1>
      {team.description ? <p>{team.description}</p> : null}
      <p>
        <FeedLinks target={{ kind: 'team', team }} label="Every update of this team" />
      </p>

      <section id="updates" aria-labelledby="updates-heading">
        <h2 id="updates-heading">Updates</h2>
        <UpdateList site={site} updates={updates} showTeam={false} />
      </section>

      <section id="milestones" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">Milestones</h2>
        <MilestoneList site={site} config={config} milestones={milestones} />
      </section>

      <SubscribeSection site={site} scope={`team:${team.slug}`} what={`${team.name}'s updates`} />
    </Layout>
  );
};
