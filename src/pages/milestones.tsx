/**
 * `/milestones`: every milestone, grouped open / quiet / done, then by team, deliverables
 * nested under their milestone, one feed link each. Filtering by team and status needs no
 * JavaScript: the radio buttons drive CSS `:has()` rules (src/pages/style.ts: the site's
 * stylesheet, and one of the site's teams), so the page is one static document.
 * The same page with a filter preselected is published at paths of its own
 * (`/teams/<team>/milestones`, `/status/<status>`: milestoneIndexPath), which links use.
 */
import type { FC } from 'hono/jsx';
import type { Milestone, SiteModel } from '../content/model';
import { absoluteUrl, teamMilestones, type SiteConfig } from '../feeds';
import { STATUS_LABELS, STATUS_RULES, STATUSES, statusGroup, statusIndex, type MilestoneStatus, type StatusGroup } from '../status';
import { alternatesFor, milestoneTree, MilestoneList, opmlAlternate, StatusBadge, type MilestoneNode } from './components';
import { Layout } from './layout';
import { teamFilter } from './style';

export interface MilestoneFilter {
  team?: string;
  status?: MilestoneStatus;
}

const GROUPS: Array<{ group: StatusGroup; title: string; about: string }> = [
  { group: 'open', title: 'Open', about: 'Reported recently: active, at risk or blocked.' },
  { group: 'quiet', title: 'Quiet', about: 'No entry for a while although the team kept publishing.' },
  { group: 'done', title: 'Done', about: 'Marked done.' },
];

export const MilestoneIndexPage: FC<{ site: SiteModel; config: SiteConfig; filter?: MilestoneFilter }> = ({ site, config, filter = {} }) => {
  const statuses = statusIndex(site, config);
  // One team's index lists that team's milestones only: a page per team stays the size of the team.
  const teams = filter.team === undefined ? site.teams : site.teams.filter((t) => t.slug === filter.team);
  const milestones = filter.team === undefined ? site.milestones : teamMilestones(site, filter.team);
  const counts = Object.fromEntries(STATUSES.map((st) => [st, milestones.filter((m) => statuses.get(m.key)!.status === st).length])) as Record<MilestoneStatus, number>;
  // A tree (milestone and its deliverables) sits in the group of its top milestone's status.
  const groupOf = new Map<string, StatusGroup>();
  const treesIn: Record<StatusGroup, number> = { open: 0, quiet: 0, done: 0 };
  // Trees per group (and per group and team) that a status filter shows: those holding the status.
  const shownIn = new Map<string, number>();
  const count = (at: string) => shownIn.set(at, (shownIn.get(at) ?? 0) + 1);
  const mark = (node: MilestoneNode, group: StatusGroup, sts: Set<MilestoneStatus>) => {
    groupOf.set(node.milestone.key, group);
    sts.add(statuses.get(node.milestone.key)!.status);
    for (const child of node.children) mark(child, group, sts);
  };
  for (const root of milestoneTree(milestones)) {
    const group = statusGroup(statuses.get(root.milestone.key)!.status);
    treesIn[group]++;
    const sts = new Set<MilestoneStatus>();
    mark(root, group, sts);
    for (const at of [group, `${group}\n${root.milestone.team}`]) {
      count(`${at}\nall`);
      for (const st of sts) count(`${at}\n${st}`);
    }
  }
  const Counts: FC<{ at: string }> = ({ at }) => (
    <>
      {(['all', ...STATUSES] as const).map((st) => (
        <span class={`meta n n-${st}`}>({shownIn.get(`${at}\n${st}`) ?? 0})</span>
      ))}
    </>
  );
  const byGroupAndTeam = new Map<string, Milestone[]>();
  for (const m of milestones) {
    const at = `${groupOf.get(m.key)}\n${m.team}`;
    const list = byGroupAndTeam.get(at);
    if (list) list.push(m);
    else byGroupAndTeam.set(at, [m]);
  }
  const heading = filter.team === undefined ? 'Milestones' : `Milestones of ${teams[0]?.name ?? filter.team}`;
  return (
    <Layout
      title={heading}
      siteTitle={config.title}
      description={`Every milestone of ${config.title}, by status: open, quiet and done.`}
      lang={config.language}
      canonical={absoluteUrl(config, '/milestones')}
      alternates={[...alternatesFor(config, { kind: 'site' }, config.title), opmlAlternate(config)]}
      // The filter by team, where the page offers it (the filter by status is in the site's stylesheet).
      stylesheets={filter.team === undefined ? [teamFilter(site.teams.map((t) => t.slug)).path] : []}
    >
      <p class="meta">
        <a href="/">Home</a> › Milestones
      </p>
      <h1>{heading}</h1>
      <p>
        {site.milestones.length} milestones, sub-milestones and deliverables.{' '}
        {STATUSES.map((st, i) => (
          <>
            {i > 0 ? ' ' : ''}
            <StatusBadge status={st} reason={STATUS_RULES[st]} /> {counts[st]}
          </>
        ))}
      </p>
      <div id="index">
        <form class="filters" aria-label="Filter milestones">
          {filter.team === undefined ? (
            <fieldset>
              <legend>Team</legend>
              <label>
                <input type="radio" name="team" value="" id="f-team-all" checked /> All teams
              </label>
              {teams.map((t) => (
                <label>
                  <input type="radio" name="team" value={t.slug} id={`f-team-${t.slug}`} /> {t.name}
                </label>
              ))}
            </fieldset>
          ) : (
            <p>
              Team <strong>{teams[0]?.name ?? filter.team}</strong> only · <a href="/milestones">all teams</a>
            </p>
          )}
          <fieldset>
            <legend>Status</legend>
            <label>
              <input type="radio" name="status" value="" id="f-status-all" checked={!filter.status} /> Any status
            </label>
            {STATUSES.map((st) => (
              <label>
                <input type="radio" name="status" value={st} id={`f-status-${st}`} checked={filter.status === st} /> {STATUS_LABELS[st]}
              </label>
            ))}
          </fieldset>
          <p class="meta">The list follows your choice as you pick. How a status is decided: see each badge’s tooltip or the README.</p>
        </form>
        {GROUPS.map(({ group, title, about }) => {
          const inGroup = teams.filter((t) => byGroupAndTeam.has(`${group}\n${t.slug}`));
          const heading = (
            <h2 id={`g-${group}`}>
              {title}{' '}
              <span class="group-count">
                <Counts at={group} />
              </span>
            </h2>
          );
          const body = (
            <>
              <p class="muted">{about}</p>
              {inGroup.length === 0 ? <p class="muted">None.</p> : null}
              {inGroup.map((t) => {
                const ms = byGroupAndTeam.get(`${group}\n${t.slug}`)!;
                const sts = new Set(ms.map((m) => statuses.get(m.key)!.status));
                return (
                  <div class="team-block" data-team={t.slug} data-sts={[...sts].join(' ')}>
                    <h3>
                      {t.name} <Counts at={`${group}\n${t.slug}`} />
                    </h3>
                    <MilestoneList site={site} config={config} milestones={ms} />
                  </div>
                );
              })}
            </>
          );
          // Quiet and done are folded (open when the page's own filter asks for them).
          const folded = group !== 'open';
          return (
            <section class={`group group-${group}`} data-teams={inGroup.map((t) => t.slug).join(' ')} aria-labelledby={`g-${group}`}>
              {folded ? (
                <details open={filter.status !== undefined && statusGroup(filter.status) === group}>
                  <summary>{heading}</summary>
                  {body}
                </details>
              ) : (
                <>
                  {heading}
                  {body}
                </>
              )}
            </section>
          );
        })}
      </div>
    </Layout>
  );
};
