/**
 * `/updates/:team/:date`: one weekly update, rendered from the model — its summary first, then
 * each milestone with its kinds styled apart (blockers and risks stand out), sub-milestones
 * and deliverables nested; the report as written one click away.
 */
import type { FC } from 'hono/jsx';
import type { SiteModel, Team, Update } from '../content/model';
import {
  absoluteUrl,
  absolutizeHtml,
  cleanText,
  countsLine,
  milestonePath,
  milestoneWeek,
  renderMilestoneWeek,
  teamPath,
  milestoneByKey,
  teamUpdates,
  updateBodyHtml,
  updatePath,
  weekAnchor,
  type SiteConfig,
} from '../feeds';
import { alternatesFor, DateTime, FeedLinks, humanDate, InfoBadge, milestoneStatus } from './components';
import { Layout } from './layout';
import { UpdateSummary } from './summary';

export const UpdatePage: FC<{ site: SiteModel; config: SiteConfig; team: Team; update: Update }> = ({ site, config, team, update }) => {
  const pageUrl = absoluteUrl(config, updatePath(update));
  const ofTeam = teamUpdates(site, update.team);
  const index = ofTeam.indexOf(update);
  const newer = index > 0 ? ofTeam[index - 1] : undefined;
  const older = ofTeam[index + 1];
  const keys = new Set(update.sections.map((s) => s.key));
  // Top level: sections whose parent is not itself in this update.
  const topLevel = update.sections.filter((s) => s.parentKey === undefined || !keys.has(s.parentKey) || s.parentKey === s.key);
  const itemHtml = (html: string) => cleanText(absolutizeHtml(html, config.siteUrl, pageUrl));
  return (
    <Layout
      title={update.title}
      siteTitle={config.title}
      description={`${team.name}, week of ${update.date}: ${countsLine(update.sections)}`}
      lang={config.language}
      canonical={pageUrl}
      searchable
      alternates={[...alternatesFor(config, { kind: 'team', team }, `${team.name} updates`), ...alternatesFor(config, { kind: 'site' }, config.title)]}
    >
      <p class="meta" data-pagefind-ignore="index">
        <a href="/">Home</a> › <a href={teamPath(team.slug)}>{team.name}</a>
      </p>
      <article>
        <div hidden data-pagefind-ignore="index">
          <span data-pagefind-meta="kind:Update" />
          <span data-pagefind-meta="team">{team.name}</span>
          <span data-pagefind-meta="date">{humanDate(update.date)}</span>
        </div>
        <h1>{update.title}</h1>
        <p class="meta">
          Week of <DateTime date={update.date} /> · <a href={teamPath(team.slug)}>{team.name}</a>
          {update.lastmod ? (
            <>
              {' · '}edited <DateTime date={update.lastmod} />
            </>
          ) : null}
          {' · '}
          {countsLine(update.sections)}
        </p>
        <UpdateSummary update={update} itemHtml={itemHtml} />
        {topLevel.length > 0 ? (
          <nav aria-label="Milestones in this update">
            <h2>In this update</h2>
            <ul>
              {topLevel.map((s) => {
                const info = milestoneStatus(site, config, s.key);
                return (
                  <li>
                    <a href={`#${sectionAnchor(s.key)}`}>{s.title}</a> <InfoBadge info={info} />
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
        {topLevel.map((s) => {
          const week = milestoneWeek(update, s.key);
          const m = milestoneByKey(site, s.key);
          const info = milestoneStatus(site, config, s.key);
          const anchor = sectionAnchor(s.key);
          return (
            <section id={anchor} aria-labelledby={`${anchor}-h`}>
              <h2 id={`${anchor}-h`}>
                <a href={m ? `${milestonePath(s.key)}#${weekAnchor(m, update.id)}` : milestonePath(s.key)}>{s.area && s.level === 'workstream' ? `${s.area} › ${s.title}` : s.title}</a>{' '}
                <InfoBadge info={info} />
              </h2>
              {s.status.length > 0 || s.trackerUrl ? (
                <p class="meta">
                  {s.status.length > 0 ? <>Marked “{s.status.join(', ')}” this week</> : null}
                  {s.status.length > 0 && s.trackerUrl ? ' · ' : null}
                  {s.trackerUrl ? <a href={s.trackerUrl}>Tracker</a> : null}
                </p>
              ) : null}
              {week ? <div dangerouslySetInnerHTML={{ __html: renderMilestoneWeek(week, { headingLevel: 3, itemHtml, ownMeta: false, styled: true, updateLink: false }) }} /> : null}
            </section>
          );
        })}
        {update.notes.length > 0 ? (
          <section id="notes" aria-labelledby="notes-h">
            <h2 id="notes-h">Other notes</h2>
            <div class="kind kind-notes">
              <ul>
                {update.notes.map((n) => (
                  <li dangerouslySetInnerHTML={{ __html: itemHtml(n.html) }} />
                ))}
              </ul>
            </div>
          </section>
        ) : null}
        <details class="as-written" data-pagefind-ignore="index">
          <summary>The report as written</summary>
          <div class="update-body" dangerouslySetInnerHTML={{ __html: itemHtml(updateBodyHtml(update)) }} />
          <p class="meta">Source: {update.source}</p>
        </details>
        <p>
          <FeedLinks target={{ kind: 'team', team }} label={`${team.name} feeds`} />
        </p>
      </article>
      <nav class="pager" aria-label="More updates of this team">
        <span>
          {older ? (
            <a href={updatePath(older)}>
              ← <DateTime date={older.date} />
            </a>
          ) : null}
        </span>
        <span>
          {newer ? (
            <a href={updatePath(newer)}>
              <DateTime date={newer.date} /> →
            </a>
          ) : null}
        </span>
      </nav>
    </Layout>
  );
};

function sectionAnchor(key: string): string {
  return `m-${key}`;
}
