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
import { alternatesFor, DateTime, FeedLinks, levelWord, MilestoneList, milestoneStatus, StatusBadge, teamName } from './components';
import { lastAchieved, openItems, weeksOf } from '../status';
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
  const next = latestWeek ? (latestWeek.section.items.next ?? []) : [];
  const itemHtml = (html: string) => cleanText(absolutizeHtml(html, config.siteUrl, absoluteUrl(config, milestonePath(milestone.key))));
  return (
    <Layout
      title={milestone.title}
      siteTitle={config.title}
      description={`Week by week progress on “${milestone.title}” (${name})`}
      lang={config.language}
      canonical={absoluteUrl(config, milestonePath(milestone.key))}
      alternates={[
        ...alternatesFor(config, { kind: 'milestone', milestone }, `${milestone.title} (${name})`),
        ...(team ? alternatesFor(config, { kind: 'team', team }, `${name} updates`) : []),
      ]}
    >
      <p class="meta">
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
          <StatusBadge status={info.status} reason={info.reason} /> {info.reason[0]!.toUpperCase() + info.reason.slice(1)}.
        </p>
        {open.length > 0 ? (
          <>
            <h2>Open blockers and risks</h2>
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
        ) : (
          <p>No blocker or risk listed in its latest week.</p>
        )}
        {achieved ? (
          <>
            <h2>
              Last achieved <span class="meta">(<DateTime date={achieved.update.date} />)</span>
            </h2>
            <ul>
              {achieved.items.filter((i) => i.depth === 0).slice(0, 6).map((i) => (
                <li dangerouslySetInnerHTML={{ __html: itemHtml(i.html) }} />
              ))}
            </ul>
          </>
        ) : null}
        {next.length > 0 ? (
          <>
            <h2>
              Next <span class="meta">(as of <DateTime date={latestWeek!.update.date} />)</span>
            </h2>
            <ul>
              {next.filter((i) => i.depth === 0).slice(0, 6).map((i) => (
                <li dangerouslySetInnerHTML={{ __html: itemHtml(i.html) }} />
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <FeedLinks target={{ kind: 'milestone', milestone }} label="Follow this milestone" />
        </p>
        <p class="feeds">
          Status badge for a README: <code>![status]({absoluteUrl(config, `${milestonePath(milestone.key)}/badge.svg`)})</code>
        </p>
      </section>

      {children.length > 0 ? (
        <section id="parts" aria-labelledby="parts-heading">
          <h2 id="parts-heading">Sub-milestones and deliverables</h2>
          <MilestoneList site={site} config={config} milestones={children} />
        </section>
      ) : null}

      <section id="timeline" aria-labelledby="timeline-heading">
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

      <SubscribeSection site={site} scope={`milestone:${milestone.key}`} what="this milestone's progress" />
    </Layout>
  );
};
