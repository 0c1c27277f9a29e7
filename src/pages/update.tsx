/** `/updates/:team/:date`: one weekly update, the permalink of site and team feed items. */
import type { FC } from 'hono/jsx';
import type { SiteModel, Team, Update } from '../content/model';
import { absoluteUrl, absolutizeHtml, cleanText, countsLine, milestonePath, teamPath, updateBodyHtml, updatePath, weekAnchor, type SiteConfig } from '../feeds';
import { alternatesFor, DateTime, FeedLinks } from './components';
import { Layout } from './layout';

export const UpdatePage: FC<{ site: SiteModel; config: SiteConfig; team: Team; update: Update }> = ({ site, config, team, update }) => {
  const pageUrl = absoluteUrl(config, updatePath(update));
  const teamUpdates = site.updates.filter((u) => u.team === update.team);
  const index = teamUpdates.findIndex((u) => u.id === update.id);
  const newer = index > 0 ? teamUpdates[index - 1] : undefined;
  const older = teamUpdates[index + 1];
  const milestones = new Map(site.milestones.map((m) => [m.key, m]));
  const topLevel = update.sections.filter((s) => s.parentKey === undefined);
  return (
    <Layout
      title={update.title}
      siteTitle={config.title}
      description={`${team.name}, week of ${update.date}: ${countsLine(update.sections)}`}
      lang={config.language}
      canonical={pageUrl}
      alternates={[...alternatesFor(config, { kind: 'team', team }, `${team.name} updates`), ...alternatesFor(config, { kind: 'site' }, config.title)]}
    >
      <p class="meta">
        <a href="/">Home</a> › <a href={teamPath(team.slug)}>{team.name}</a>
      </p>
      <article>
        <h1>{update.title}</h1>
        <p class="meta">
          Week of <DateTime date={update.date} /> · <a href={teamPath(team.slug)}>{team.name}</a>
          {update.lastmod ? (
            <>
              {' · '}edited <DateTime date={update.lastmod} />
            </>
          ) : null}
          <br />
          {countsLine(update.sections)}
        </p>
        <p>
          <FeedLinks target={{ kind: 'team', team }} label={`${team.name} feeds`} />
        </p>
        {topLevel.length > 0 ? (
          <nav aria-label="Milestones in this update">
            <h2>In this update</h2>
            <ul>
              {topLevel.map((s) => {
                const m = milestones.get(s.key);
                const href = m ? `${milestonePath(s.key)}#${weekAnchor(m, update.id)}` : milestonePath(s.key);
                return (
                  <li>
                    <a href={href}>{s.title}</a>
                    {s.status.length > 0 ? <span class="tag">{s.status.join(', ')}</span> : null}
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
        <div class="update-body" dangerouslySetInnerHTML={{ __html: cleanText(absolutizeHtml(updateBodyHtml(update), config.siteUrl, pageUrl)) }} />
      </article>
      <nav class="pager" aria-label="More updates of this team">
        <span>{older ? <a href={updatePath(older)}>← {older.date}</a> : null}</span>
        <span>{newer ? <a href={updatePath(newer)}>{newer.date} →</a> : null}</span>
      </nav>
    </Layout>
  );
};
