/**
 * `/teams/:team`: a team's latest report first (its highlights at every depth), then its last
 * updates ("all updates →"), its milestones — open ones listed, quiet and done ones folded —
 * its feeds and subscribe form.
 */
import type { FC } from 'hono/jsx';
import type { Milestone, SiteModel, Team } from '../content/model';
import { absoluteUrl, absolutizeHtml, cleanText, milestoneIndexPath, teamMilestones, teamPath, teamUpdates, updatePath, type SiteConfig } from '../feeds';
import { statusGroup, statusIndex } from '../status';
import { alternatesFor, DateTime, FeedLinks, MilestoneList, milestoneTree, UpdateList } from './components';
import { Layout } from './layout';
import { SubscribeSection } from './subscribe';
import { UpdateSummary } from './summary';
import { updatesPath } from './updates';

const LATEST = 8;

export const TeamPage: FC<{ site: SiteModel; config: SiteConfig; team: Team }> = ({ site, config, team }) => {
  const updates = teamUpdates(site, team.slug);
  const milestones = teamMilestones(site, team.slug);
  const statuses = statusIndex(site, config);
  const latest = updates[0];
  const html = (fragment: string) => cleanText(absolutizeHtml(fragment, config.siteUrl, absoluteUrl(config, teamPath(team.slug))));
  // A tree (milestone and its parts) is grouped by its top milestone's status.
  const groups = { open: [] as Milestone[], quiet: [] as Milestone[], done: [] as Milestone[] };
  let trees = { open: 0, quiet: 0, done: 0 };
  const add = (node: ReturnType<typeof milestoneTree>[number], into: Milestone[]) => {
    into.push(node.milestone);
    for (const c of node.children) add(c, into);
  };
  for (const root of milestoneTree(milestones)) {
    const group = statusGroup(statuses.get(root.milestone.key)!.status);
    trees = { ...trees, [group]: trees[group] + 1 };
    add(root, groups[group]);
  }
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

      {latest ? (
        <section id="latest-report" aria-labelledby="latest-report-heading">
          <h2 id="latest-report-heading">
            Latest report: <a href={updatePath(latest)}><DateTime date={latest.date} /></a>
          </h2>
          <UpdateSummary update={latest} itemHtml={html} label="Highlights" />
        </section>
      ) : null}

      <section id="updates" aria-labelledby="updates-heading">
        <h2 id="updates-heading">
          Updates <span class="meta">({Math.min(LATEST, updates.length)} of {updates.length})</span>
        </h2>
        <UpdateList site={site} updates={updates.slice(0, LATEST)} showTeam={false} />
        {updates.length > LATEST ? (
          <p>
            <a href={updatesPath(team.slug)}>All {updates.length} updates →</a>
          </p>
        ) : null}
      </section>

      <section id="milestones" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">
          Milestones <span class="meta">({trees.open} open, {trees.quiet} quiet, {trees.done} done)</span>
        </h2>
        <MilestoneList site={site} config={config} milestones={groups.open} empty="No open milestone." />
        {groups.quiet.length > 0 ? (
          <details class="group-fold">
            <summary>Quiet or silent ({trees.quiet})</summary>
            <MilestoneList site={site} config={config} milestones={groups.quiet} />
          </details>
        ) : null}
        {groups.done.length > 0 ? (
          <details class="group-fold">
            <summary>Done ({trees.done})</summary>
            <MilestoneList site={site} config={config} milestones={groups.done} />
          </details>
        ) : null}
        <p>
          <a href={milestoneIndexPath({ team: team.slug })}>Filter this team’s milestones by status →</a>
        </p>
      </section>

      <SubscribeSection site={site} scope={`team:${team.slug}`} what={`${team.name}'s updates`} />
    </Layout>
  );
};
