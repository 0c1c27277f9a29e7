/** `/milestones/:key`: one milestone's timeline, week by week, an anchor per week. */
import type { FC } from 'hono/jsx';
import type { Milestone, SiteModel } from '../content/model';
import {
  absoluteUrl,
  absolutizeHtml,
  cleanText,
  milestonePath,
  milestoneWeeks,
  renderMilestoneWeek,
  teamPath,
  weekAnchor,
  type SiteConfig,
} from '../feeds';
import type { Item, Update } from '../content/model';
import { alternatesFor, childrenLine, DatedText, DateTime, FeedLinks, InfoBadge, levelWord, MilestoneList, milestoneStatus, shownStatus, teamName } from './components';
import { itemsOf, lastAchieved, openItems, STATUS_LABELS, weeksOf } from '../status';
import { milestoneByKey, milestoneChildren, updateById } from '../feeds';
import { Layout } from './layout';
import { SubscribeSection } from './subscribe';

export const MilestonePage: FC<{ site: SiteModel; config: SiteConfig; milestone: Milestone }> = ({ site, config, milestone }) => {
  const team = site.teams.find((t) => t.slug === milestone.team);
  const name = teamName(site, milestone.team);
  const parent = milestone.parentKey ? milestoneByKey(site, milestone.parentKey) : undefined;
  const children = milestoneChildren(site, milestone.key);
  const weeks = milestoneWeeks(site, milestone);
  const formerTitles = milestone.titles.filter((t) => t !== milestone.title);
  const info = milestoneStatus(site, config, milestone.key);
  const own = weeksOf(site, milestone, (id) => updateById(site, id));
  const latestWeek = own[0];
  const open = openItems(own);
  const achieved = lastAchieved(own);
  const next = latestWeek ? itemsOf(latestWeek.section, 'next') : [];
  // Work in progress its latest week reports, when that week achieved nothing.
  const progress = latestWeek && achieved?.update !== latestWeek.update ? itemsOf(latestWeek.section, 'progress') : [];
  // A parent with parts: what its parts last said, newest first (when it says nothing itself).
  const childInfo = (key: string) => milestoneStatus(site, config, key);
  const partsLatest = children
    .map((c) => ({ child: c, info: childInfo(c.key) }))
    .filter((p): p is typeof p & { info: { latest: { update: Update; section: NonNullable<typeof latestWeek>['section'] } } } => p.info.latest !== undefined)
    .sort((a, b) => (a.info.latest.update.date < b.info.latest.update.date ? 1 : a.info.latest.update.date > b.info.latest.update.date ? -1 : 0))
    .slice(0, 4);
  const shown = shownStatus(info);
  // Open means listed in the team's latest report (the status rule): else "not mentioned since".
  const openNow = (info.status === 'blocked' || info.status === 'at-risk') && info.silentSince === undefined;
  const top = (items: readonly Item[]) => {
    const roots = items.filter((i) => i.depth === 0);
    return (roots.length > 0 ? roots : items).slice(0, 6);
  };
  const itemHtml = (html: string) => cleanText(absolutizeHtml(html, config.siteUrl, absoluteUrl(config, milestonePath(milestone.key))));
  return (
    <Layout
      title={milestone.title}
      siteTitle={config.title}
      description={`Week by week progress on “${milestone.title}” (${name})`}
      lang={config.language}
      canonical={absoluteUrl(config, milestonePath(milestone.key))}
      searchable
      alternates={[
        ...alternatesFor(config, { kind: 'milestone', milestone }, `${milestone.title} (${name})`),
        ...(team ? alternatesFor(config, { kind: 'team', team }, `${name} updates`) : []),
      ]}
    >
      {/* What the search index shows with a result (src/publish/search.ts). */}
      <div hidden data-pagefind-ignore="index">
        <span data-pagefind-meta={`kind:${levelWord(milestone.level)}`} />
        <span data-pagefind-meta="team">{name}</span>
        <span data-pagefind-meta={`statuskey:${shown}`} />
        <span data-pagefind-meta="status">{shown === 'silent' ? 'Silent' : STATUS_LABELS[info.status]}</span>
        <span data-pagefind-meta="reason">{info.reason}</span>
      </div>
      <p class="meta" data-pagefind-ignore="index">
        <a href="/">Home</a> › <a href={teamPath(milestone.team)}>{name}</a>
        {parent ? (
          <>
            {' › '}
            <a href={milestonePath(parent.key)}>{parent.title}</a>
          </>
        ) : null}
      </p>
      <h1>{milestone.title}</h1>
      <p class="meta">
        {levelWord(milestone.level)} of <a href={teamPath(milestone.team)}>{name}</a> · reported in{' '}
        {weeks.length} {weeks.length === 1 ? 'week' : 'weeks'}, from <DateTime date={milestone.firstSeen} /> to <DateTime date={milestone.lastSeen} />
        {milestone.trackerUrl ? (
          <>
            {' · '}
            <a href={milestone.trackerUrl}>Tracker</a>
          </>
        ) : null}
      </p>
      {formerTitles.length > 0 ? <p class="meta">Also reported as: {formerTitles.map((t) => `“${t}”`).join(', ')}</p> : null}
      {milestone.description ? <div class="description" dangerouslySetInnerHTML={{ __html: itemHtml(milestone.description) }} /> : null}

      <section class="state" id="now" aria-labelledby="now-heading">
        <h2 id="now-heading">Where it stands</h2>
        <p>
          <InfoBadge info={info} /> <DatedText text={info.reason[0]!.toUpperCase() + info.reason.slice(1)} />.
        </p>
        {children.length > 0 ? (
          <p>
            <a href="#parts">{childrenLine(children, childInfo)}</a>
          </p>
        ) : null}
        {open.length > 0 && openNow ? (
          <>
            <h3>Open blockers and risks</h3>
            <ul class="attention">
              {open.map((o) => (
                <li class={o.kind === 'blockers' ? 'blocker' : 'risk'}>
                  <span class="what">{o.kind === 'blockers' ? 'Blocker' : 'Risk'}:</span> <span dangerouslySetInnerHTML={{ __html: itemHtml(o.item.html) }} />
                  <br />
                  <span class="meta">{o.since === o.update.date ? <>new on <DateTime date={o.since} /></> : <>open since <DateTime date={o.since} /></>}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {open.length > 0 && !openNow && info.status !== 'done' ? (
          <details class="stale">
            <summary>
              {open.length} {open.length === 1 ? 'blocker or risk' : 'blockers and risks'} not mentioned since <DateTime date={open[0]!.update.date} /> (not counted as open)
            </summary>
            <ul class="attention">
              {open.map((o) => (
                <li class={o.kind === 'blockers' ? 'blocker' : 'risk'}>
                  <span class="what">{o.kind === 'blockers' ? 'Blocker' : 'Risk'}:</span> <span dangerouslySetInnerHTML={{ __html: itemHtml(o.item.html) }} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {achieved ? (
          <>
            <h3>
              Last achieved <span class="meta">(<DateTime date={achieved.update.date} />)</span>
            </h3>
            <ul>
              {top(achieved.items).map((i) => (
                <li dangerouslySetInnerHTML={{ __html: itemHtml(i.html) }} />
              ))}
            </ul>
          </>
        ) : null}
        {progress.length > 0 ? (
          <>
            <h3>
              In progress <span class="meta">(as of <DateTime date={latestWeek!.update.date} />)</span>
            </h3>
            <ul>
              {top(progress).map((i) => (
                <li dangerouslySetInnerHTML={{ __html: itemHtml(i.html) }} />
              ))}
            </ul>
          </>
        ) : null}
        {next.length > 0 ? (
          <>
            <h3>
              Next <span class="meta">(as of <DateTime date={latestWeek!.update.date} />)</span>
            </h3>
            <ul>
              {top(next).map((i) => (
                <li dangerouslySetInnerHTML={{ __html: itemHtml(i.html) }} />
              ))}
            </ul>
          </>
        ) : null}
        {partsLatest.length > 0 ? (
          <>
            <h3>Latest from its parts</h3>
            <ul>
              {partsLatest.map(({ child, info: ci }) => {
                const items = [...itemsOf(ci.latest.section, 'achieved'), ...itemsOf(ci.latest.section, 'progress'), ...itemsOf(ci.latest.section, 'next')];
                return (
                  <li>
                    <a href={milestonePath(child.key)}>{child.title}</a> <InfoBadge info={ci} /> <span class="meta">(<DateTime date={ci.latest.update.date} />)</span>
                    {items[0] ? <div dangerouslySetInnerHTML={{ __html: itemHtml(items[0].html) }} /> : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        <p>
          <FeedLinks target={{ kind: 'milestone', milestone }} label="Follow this milestone" />
        </p>
        <SubscribeSection site={site} scope={`milestone:${milestone.key}`} what="this milestone" folded />
        <details class="maintainers">
          <summary>For maintainers</summary>
          <p class="feeds">
            Status badge for a README: <code>![status]({absoluteUrl(config, `${milestonePath(milestone.key)}/badge.svg`)})</code>
          </p>
        </details>
      </section>

      {children.length > 0 ? (
        <section id="parts" aria-labelledby="parts-heading">
          <h2 id="parts-heading">Sub-milestones and deliverables</h2>
          <MilestoneList site={site} config={config} milestones={children} />
        </section>
      ) : null}

      {/* The weeks' text is searched on the update pages: indexed once. */}
      <section id="timeline" aria-labelledby="timeline-heading" data-pagefind-ignore="index">
        <h2 id="timeline-heading">Week by week</h2>
        {weeks.map((week) => {
          const anchor = weekAnchor(milestone, week.update.id);
          return (
            <section class="week" id={anchor} aria-labelledby={`${anchor}-heading`}>
              <h3 id={`${anchor}-heading`}>
                <a href={`#${anchor}`}>
                  <DateTime date={week.update.date} />
                </a>{' '}
                — {week.section.title}
              </h3>
              <div dangerouslySetInnerHTML={{ __html: renderMilestoneWeek(week, { headingLevel: 4, itemHtml, ownMeta: false, styled: true }) }} />
            </section>
          );
        })}
      </section>
    </Layout>
  );
};
