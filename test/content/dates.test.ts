/**
 * Dates and periods as people write them, and the week each report lands in: pure functions
 * (src/content/dates.ts, week.ts) and whole builds of small self-written folders.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { datesIn, hasDate, teamDayOrder } from '../../src/content/dates';
import { dateName, periodDate, settleTeamWeeks } from '../../src/content/week';
import { buildSite, parseUpdate } from '../../src/content';
import { ParseCache } from '../../src/publish/parse-cache';
import { build, errorsOf, warningsOf } from './helpers';

const first = (text: string, options = {}) => datesIn(text, options)[0];

describe('a date in any common form', () => {
  it.each([
    ['2024-03-18', '2024-03-18'],
    ['Team 2024/03/11', '2024-03-11'],
    ['2024.03.11', '2024-03-11'],
    ['18-03-2024', '2024-03-18'],
    ['18.03.2024', '2024-03-18'],
    ['03/18/2024', '2024-03-18'],
    ['12 March 2024', '2024-03-12'],
    ['March 12th, 2024', '2024-03-12'],
    ['Sept. 3 2025', '2025-09-03'],
    ['2024-11-1-kickoff', '2024-11-01'],
    ['2024_03_04_weekly', '2024-03-04'],
    ['20240304', '2024-03-04'],
    ['This Week in Search — March 4, 2024', '2024-03-04'],
    ['Week 1(Oct20 – Oct28, 2025)', '2025-10-20'],
  ])('%s is %s', (text, date) => {
    expect(first(text)?.date).toBe(date);
  });

  it('a month alone is a monthly period dated by its first day', () => {
    expect(first('update-2024-06')).toMatchObject({ date: '2024-06-01', precision: 'month', period: { start: '2024-06-01', end: '2024-06-30' } });
    expect(first('March 2024')).toMatchObject({ date: '2024-03-01', period: { start: '2024-03-01', end: '2024-03-31' } });
  });

  it('ISO weeks, with the range written after them', () => {
    const found = datesIn('Week 12 2026 (Mon Mar 16 – Fri Mar 20)');
    expect(found[0]).toMatchObject({ date: '2026-03-16', precision: 'week', period: { start: '2026-03-16', end: '2026-03-22' } });
    expect(found[1]).toMatchObject({ precision: 'range', period: { start: '2026-03-16', end: '2026-03-20' } });
    expect(first('2026-W12')?.date).toBe('2026-03-16');
    // The year, then the word: a heading `## 2018 Week 04`, a file `2018-week-05.md`.
    expect([first('2018 Week 04')?.date, first('2018-week-05')?.date, first('2018 weekly report')]).toEqual(['2018-01-22', '2018-01-29', undefined]);
    // Without its year a week number is a programme's or a sprint's count, not a date.
    expect(datesIn('Week 3', { near: '2025-06-16' })).toEqual([]);
  });

  it('ranges: whole dates, a bare end day, a range across the new year', () => {
    expect(first('Codex update 07/12/2023 to 07/21/2023')?.period).toEqual({ start: '2023-07-12', end: '2023-07-21' });
    expect(first('Update August 21-31', { near: '2023-08-31' })?.period).toEqual({ start: '2023-08-21', end: '2023-08-31' });
    expect(first('Update Dec 15th - Jan 22nd', { near: '2024-01-22' })?.period).toEqual({ start: '2023-12-15', end: '2024-01-22' });
    expect(first('Mar 4-8, 2024')).toEqual({ date: '2024-03-04', precision: 'range', period: { start: '2024-03-04', end: '2024-03-08' }, index: 0 });
    expect(first('4 March – 8 March 2024')?.period).toEqual({ start: '2024-03-04', end: '2024-03-08' });
    expect(first('2024-03-04 → 2024-03-08')?.period).toEqual({ start: '2024-03-04', end: '2024-03-08' });
  });

  it('a date without a year takes the nearest year to the other evidence, and says it guessed', () => {
    expect(first('Update Mar 12th - Mar 18th', { near: '2024-03-18' })).toMatchObject({ date: '2024-03-12', guessedYear: true });
    expect(first('Update Mar 12th - Mar 18th')).toBeUndefined();
  });

  it('the text itself decides a swappable day and month: 07/21 is month first, so 07/12 is too', () => {
    expect(first('07/12/2023 to 07/21/2023')?.date).toBe('2023-07-12');
    expect(first('07/12/2023')?.date).toBe('2023-12-07');
    expect(first('07/12/2023', { order: 'mdy' })?.date).toBe('2023-07-12');
    // Next to the file's other dates, the reading nearest them.
    expect(first('Update 07/12/2023', { near: '2023-07-14' })?.date).toBe('2023-07-12');
    expect(first('Update 12/07/2023', { near: '2023-07-14', order: 'mdy' })?.date).toBe('2023-07-12');
  });

  it('words and numbers that are not dates', () => {
    for (const text of ['Athens Offsite Notes', 'we may need 5 more', 'v2.10.1', 'v10.11.12', 'Milestone 3', 'issue 12345678', 'PR #20241301', '45-67-89']) expect(datesIn(text)).toEqual([]);
    expect(hasDate('## Vac 2024/03/11')).toBe(true);
    expect(hasDate('## Networking')).toBe(false);
  });
});

describe('two-digit years (`15-01-23`)', () => {
  it('read by the only order that makes a date, else by the team’s order; a range that ends before it starts is its start alone', () => {
    expect(datesIn('Uptime (12/14/24 to 01/09/24)')).toEqual([{ date: '2024-12-14', precision: 'day', index: 8 }]);
    expect(first('15-01-23', { order: 'ymd' })?.date).toBe('2015-01-23');
    expect(first('15-01-23')?.date).toBe('2023-01-15');
    expect(first('D7:S11 (24/02/20 - 28/02/20)')).toMatchObject({ date: '2020-02-24', period: { start: '2020-02-24', end: '2020-02-28' } });
  });

  it('a team’s names decide: year first where every name makes a date that way and the weeks follow steadily', () => {
    expect(teamDayOrder(['15-01-23', '15-01-30', '15-02-06', '15-02-13'])).toMatchObject({ order: 'ymd', why: 'sequence' });
    expect(teamDayOrder(['23-01-15', '30-01-15', '06-02-15'])).toMatchObject({ order: 'dmy', why: 'sequence' });
    const result = build({ 'thesis/updates/15-01-23.md': BODY, 'thesis/updates/15-01-30.md': BODY, 'thesis/updates/15-02-06.md': BODY });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed.map((u) => u.date)).toEqual(['2015-01-23', '2015-01-30', '2015-02-06']);
    expect(warningsOf(result)).toEqual([expect.stringMatching(/year first \(y-m-d, two-digit years\).*`15-01-23` is 2015-01-23/)]);
  });
});

describe("a team's day-month order, from its file names", () => {
  it('a name that only reads month first decides for the whole team', () => {
    expect(teamDayOrder(['Kickoff-01-10-2025', 'Kickoff-01-24-2025', 'Kickoff-02-07-2025'])).toMatchObject({ order: 'mdy', decidedBy: 'Kickoff-01-24-2025', ambiguous: ['Kickoff-01-10-2025', 'Kickoff-02-07-2025'] });
    expect(teamDayOrder(['02-01-2025', '16-01-2025'])).toMatchObject({ order: 'dmy', why: 'forced' });
  });

  it('when every name reads both ways, the order that makes the steadier sequence', () => {
    // Month first: Jan 3, Feb 7, Mar 7, Apr 4, about monthly; day first would be Mar 1, Jul 2, Jul 3, Apr 4.
    expect(teamDayOrder(['01-03-2025', '02-07-2025', '03-07-2025', '04-04-2025'])).toMatchObject({ order: 'mdy', why: 'sequence' });
    expect(teamDayOrder(['02-01-2025', '09-01-2025', '03-02-2025', '10-02-2025'])).toMatchObject({ order: 'dmy', why: 'sequence' });
  });

  it('ISO names need no order', () => {
    expect(teamDayOrder(['2025-01-02', '2025-01-09'])).toMatchObject({ ambiguous: [], why: 'default' });
  });
});

describe('periods', () => {
  it('a period is dated by its first day; a start on Friday–Sunday counts from the next Monday', () => {
    expect(periodDate({ start: '2024-03-12', end: '2024-03-18' })).toBe('2024-03-12');
    expect(periodDate({ start: '2025-06-08', end: '2025-06-14' })).toBe('2025-06-09');
    expect(periodDate({ start: '2024-06-01', end: '2024-06-30' })).toBe('2024-06-01');
  });
});

const BODY = '\n## [Search](https://github.com/acme/roadmap/issues/1)\n\n- _achieved:_\n  - shipped it\n';
const dated = (front: string, body = BODY) => `---\n${front}\n---\n${body}`;

describe('the week a report lands in (whole builds)', () => {
  it('a name that reads as a month (`2024-05.md`) is the week of that number when the report calls itself so ("Weeknotes 5")', () => {
    const result = build({
      'notes/updates/2024-05.md': '# Weeknotes 5\n\n## I tidied the hackspace\n\nNew shelves.\n',
      'notes/updates/2024-06.md': '# Weeknotes 06\n\n## I ran a workshop\n\nFonts.\n',
      // A monthly report keeps its month.
      'monthly/updates/2024-05.md': '# May report\n\n## Search\n\nShipped.\n',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed.map((u) => [u.id.split('/')[0], u.date]).sort()).toEqual([
      ['monthly', '2024-05-01'],
      ['notes', '2024-01-29'],
      ['notes', '2024-02-05'],
    ]);
  });

  it('US file names build, in the team order, with one note that says which', () => {
    const result = build({
      'flow/updates/2024-12-13-kickoff.md': BODY,
      'flow/updates/kickoff-01-10-2025.md': BODY,
      'flow/updates/kickoff-01-24-2025.md': BODY,
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed.map((u) => u.date)).toEqual(['2024-12-13', '2025-01-10', '2025-01-24']);
    const notes = warningsOf(result);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^flow\/updates\/kickoff-01-10-2025\.md:1:1: .*month first.*kickoff-01-24-2025.*2025-01-10/);
  });

  it('a log dated by nothing but the days its table names covers them; one day alone is no date', () => {
    const log = (days: string[]) => `---\ntitle: Week 1\n---\n## What did you do this week?\n\nSet up 2FA.\n\n| # | Day | Date | Work |\n|---|---|---|---|\n${days.map((d, i) => `| ${i + 1} | Day | ${d} | a. Explored auth |`).join('\n')}\n`;
    const result = build({ 'gsoc/updates/01_week1.md': log(['2020/06/01', '2020/06/02', '2020/06/07']) });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed[0]).toMatchObject({ date: '2020-06-01', period: { start: '2020-06-01', end: '2020-06-07' } });
    // Its table is the week's work, not figures: a numbered column counts nothing.
    expect(result.parsed[0]!.notes).toEqual([]);
    expect(errorsOf(build({ 'gsoc/updates/01_week1.md': log(['2020/06/01']) })).join('\n')).toMatch(/missing date/);
  });

  it('a month-only file name is a monthly report, dated the first of the month', () => {
    const result = build({ 'lab/updates/update-2024-06.md': BODY });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed[0]).toMatchObject({ date: '2024-06-01', period: { start: '2024-06-01', end: '2024-06-30' } });
  });

  it('a month’s report published just after it is dated by the month’s last day: one published on the 30th and the next on the 1st land in two weeks', () => {
    const files = {
      'oss/updates/2020-04-30-status-april.md': '---\ntitle: Open source status update, April 2020\n---\n' + BODY,
      'oss/updates/2020-06-01-status-may.md': '---\ntitle: Open source status update, May 2020\n---\n' + BODY,
    };
    const result = build(files);
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([]);
    expect(result.parsed.map((u) => u.date).sort()).toEqual(['2020-04-30', '2020-05-31']);
  });

  it('a report filed in folders takes the year (and month) its name lacks from them', () => {
    const result = build({ 'lab/updates/2025/January.md': BODY, 'lab/updates/2024/03/11.md': BODY, 'lab/updates/2024/week-20.md': BODY, 'lab/updates/2023/2023-05-02.md': BODY });
    expect(errorsOf(result)).toEqual([]);
    expect(Object.fromEntries(result.parsed.map((u) => [u.source, u.date]))).toEqual({
      'lab/updates/2025/January.md': '2025-01-01',
      'lab/updates/2024/03/11.md': '2024-03-11',
      'lab/updates/2024/week-20.md': '2024-05-13',
      'lab/updates/2023/2023-05-02.md': '2023-05-02',
    });
    expect(dateName('lab/updates/2025/January.md')).toBe('January 2025');
    expect(dateName('lab/updates/notes/2024-03-18.md')).toBe('2024-03-18');
    // A bare number under a year may be a month or a week: the report's own heading says which.
    expect(dateName('lab/updates/2025/11.md')).toBe('11');
    expect(build({ 'lab/updates/2025/11.md': '# 2025 Week 11\n' + BODY }).parsed[0]?.date).toBe('2025-03-10');
  });

  it('a Reporting Period line outvotes a publish date of the week after: the report does not land a week late', () => {
    const result = build({
      'mentee/updates/week-03.md': dated('title: Week 3', '\n**Reporting Period:** 2025-06-09 – 2025-06-15\n' + BODY).replace('---\ntitle', '---\ndate: 2025-06-16\ntitle'),
    });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([]);
    expect(result.parsed[0]).toMatchObject({ date: '2025-06-09', period: { start: '2025-06-09', end: '2025-06-15' } });
  });

  it('a period line that shares its paragraph with other labelled lines, or sits in a bullet, is found', () => {
    const shared = build({ 'm/updates/week-02.md': '\n**Project:** Parser\n**Mentors:** A, B\n**Reporting Period:** 2025-06-02 to 2025-06-08\n' + BODY });
    expect(shared.parsed[0]).toMatchObject({ date: '2025-06-02', period: { start: '2025-06-02', end: '2025-06-08' } });
    // Lines ended by hard breaks (two spaces), published ten days after the period.
    const breaks = build({ 'm/updates/2025-06-18-week-02.md': dated('date: 2025-06-18', '\n**Project:** Parser  \n**Reporting Period:** 2025-06-02 - 2025-06-08  \n' + BODY) });
    expect(breaks.parsed[0]).toMatchObject({ date: '2025-06-02', period: { start: '2025-06-02', end: '2025-06-08' } });
    expect(warningsOf(breaks)).toEqual([]);
    const bullet = build({ 'm/updates/week-03.md': '\n- Period: 9 June 2025 – 15 June 2025\n- Mentor: A\n' + BODY });
    expect(bullet.parsed[0]?.date).toBe('2025-06-09');
  });

  it('a list of sprints with their dates is a schedule, not the period: the file name dates the minutes', () => {
    const schedule = '# Development Checkpoint\n\nZowe 1.6.0 (September 17, 2019 - October 15, 2019)\n- Sprint 1 (September 17, 2019 - September 30, 2019)\n- Sprint 2 (October 1, 2019 - October 14, 2019)\n- 1.6.0 GA (October 15, 2019)\n';
    const result = build({ 'zowe/updates/2019-10-03-meeting-minutes.md': schedule + BODY });
    expect(result.parsed[0]?.date).toBe('2019-10-03');
    expect(warningsOf(result)).toEqual([]);
  });

  it('a line under the title that is only a range of dates is the period (`(Sep 22 – Sep 29, 2025)`)', () => {
    const result = build({ 'scrum/updates/week3-report.md': '# Weekly Scrum Report – Week 3\n(Sep 22 – Sep 29, 2025)\n' + BODY });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed[0]).toMatchObject({ date: '2025-09-22', period: { start: '2025-09-22', end: '2025-09-29' } });
  });

  it('a heading that says it is the date, at any level (`### Meeting Date/Time: Thu, Aug 16, 2018 14:00 UTC`)', () => {
    const result = build({ 'calls/updates/call_001.md': '# Implementers Call 1 Notes\n### Meeting Date/Time: Thu, Aug 16, 2018 14:00 UTC\n### Meeting Duration: 1.5 hours\n' + BODY });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed[0]?.date).toBe('2018-08-16');
  });

  it('a front matter field that is only a range of dates is the period (`description: February 26, 2025 - March 11, 2025`)', () => {
    const result = build({ 'tdp/updates/sprint-120-summary.md': dated('description: February 26, 2025 - March 11, 2025', '# Sprint 120 Summary\n' + BODY) });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed[0]).toMatchObject({ date: '2025-02-26', period: { start: '2025-02-26', end: '2025-03-11' } });
  });

  it('a report dated without its year, and by nothing else, takes the year of the team’s reports', () => {
    const result = build({
      'scrum/updates/week09-report.md': '# Scrum Report – Week 9 (Nov 3 – Nov 10, 2025)\n' + BODY,
      'scrum/updates/week10-report.md': '# Scrum Report – Week 10 (NOV 10-NOV 17)\n' + BODY,
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed.map((u) => u.date).sort()).toEqual(['2025-11-03', '2025-11-10']);
    // Alone, it names no year: the error says what to write.
    const alone = build({ 'scrum/updates/week10-report.md': '# Scrum Report – Week 10 (NOV 10-NOV 17)\n' + BODY });
    expect(errorsOf(alone).join('\n')).toMatch(/week10-report\.md:1:1: .*missing date/);
  });

  it('a copy under another name that differs only in the last line’s end is skipped as a copy', () => {
    const text = '# Scrum Report – Week 5 (Oct 6 – Oct 13, 2025)\n' + BODY;
    const result = build({ 'scrum/updates/week5-report.md': text, 'scrum/updates/weed5-report.md': text.trimEnd() });
    expect(result.site.updates).toHaveLength(1);
    expect(warningsOf(result).join('\n')).toMatch(/skipped as a copy/);
  });

  it('a period and a single date naming different weeks, one each: the period says what the report covers', () => {
    const result = build({ 'm/updates/week-04.md': dated('date: 2025-07-14', '\nReporting Period: 2025-06-16 – 2025-06-22\n' + BODY) });
    expect(result.parsed[0]?.date).toBe('2025-06-16');
    expect(warningsOf(result)).toHaveLength(1);
  });

  it('reports of several authors in one folder: a file named by its publish date after its period is not taken for a stale copy', () => {
    const result = build({
      'm/updates/2025-06-16-alice.md': '\nReporting Period: 2025-06-09 – 2025-06-15\n' + BODY,
      'm/updates/2025-06-14-bob.md': '\nReporting Period: 2025-06-09 – 2025-06-15\n' + BODY + '  - bob\n',
    });
    expect(result.parsed.map((u) => u.date).sort()).toEqual(['2025-06-09', '2025-06-14']);
    expect(warningsOf(result).join('\n')).not.toMatch(/copied/);
  });

  it('a front matter period, as text or as start and end (YAML or TOML)', () => {
    const text = build({ 'a/updates/notes.md': dated('period: 2025-06-09 – 2025-06-15\ndate: 2025-06-20') });
    expect(text.parsed[0]).toMatchObject({ date: '2025-06-09', period: { start: '2025-06-09', end: '2025-06-15' } });
    const table = build({ 'b/updates/notes.md': '+++\ndate = 2025-06-20\n[period]\nstart = 2025-06-09\nend = 2025-06-15\n+++\n' + BODY });
    expect(table.parsed[0]).toMatchObject({ date: '2025-06-09', period: { start: '2025-06-09', end: '2025-06-15' } });
  });

  it('a Period / Week of line alone dates a report; a date inside the period is kept as its date', () => {
    const weekOf = build({ 'a/updates/notes.md': '\nWeek of March 11, 2024\n' + BODY });
    expect(weekOf.parsed[0]?.date).toBe('2024-03-11');
    const inside = build({ 'b/updates/2024-03-18.md': '# Update Mar 12th - Mar 18th\n' + BODY });
    expect(warningsOf(inside)).toEqual([]);
    expect(inside.parsed[0]).toMatchObject({ date: '2024-03-18', period: { start: '2024-03-12', end: '2024-03-18' } });
  });

  it('a dated top heading in slashes or words is evidence; a heading with a guessed year never outvotes the file', () => {
    const slashes = build({ 'vac/updates/notes.md': '## Vac 2024/03/11\n' + BODY });
    expect(slashes.parsed[0]?.date).toBe('2024-03-11');
    const typo = build({ 'n/updates/2023-08-21.md': '## Weekly report 21st Oct\n' + BODY });
    expect(typo.parsed[0]?.date).toBe('2023-08-21');
    expect(warningsOf(typo)).toEqual([]);
  });

  it('front matter copied from the week before is outvoted by the file name and the sequence, with one warning', () => {
    const result = build({
      'acme/updates/2026-01-05.md': dated('date: 2026-01-05\ntitle: 2026-01-05 weekly'),
      'acme/updates/2026-01-12.md': dated('date: 2026-01-05\ntitle: 2026-01-05 weekly', BODY + '  - and more\n'),
      'acme/updates/2026-01-19.md': dated('date: 2026-01-19\ntitle: 2026-01-19 weekly'),
    });
    expect(result.parsed.map((u) => u.id)).toEqual(['acme/2026-01-05', 'acme/2026-01-12', 'acme/2026-01-19']);
    const warnings = warningsOf(result);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^acme\/updates\/2026-01-12\.md:1:1: the front matter or title names the week of 2026-01-05, which is acme\/updates\/2026-01-05\.md's .*2026-01-12/);
  });

  it('a team whose front matter date is always the publish date, a week after the file name, gets one note and its covered weeks', () => {
    const files: Record<string, string> = {};
    for (const [name, published] of [['2026-01-05', '2026-01-13'], ['2026-01-12', '2026-01-20'], ['2026-01-19', '2026-01-27'], ['2026-01-26', '2026-02-03']]) {
      files[`acme/updates/${name}.md`] = dated(`date: ${published}`, BODY + `  - ${name}\n`);
    }
    const result = build(files);
    expect(result.parsed.map((u) => u.date)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    const warnings = warningsOf(result);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/in 4 of 4 files the front matter `date` is a week after the file name/);
  });

  it('the reverse convention (the week in `date`, the publish date in the name) is dated by the week covered', () => {
    const files: Record<string, string> = {};
    for (const [name, week] of [['2026-01-13', '2026-01-05'], ['2026-01-20', '2026-01-12'], ['2026-01-27', '2026-01-19']]) {
      files[`acme/updates/${name}.md`] = dated(`date: ${week}`, BODY + `  - ${name}\n`);
    }
    const result = build(files);
    expect(result.parsed.map((u) => u.date)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(warningsOf(result)).toHaveLength(1);
  });
});

describe('incremental builds', () => {
  it('a cached parse dates a report as a fresh one does (the team-level pass sees the same evidence)', () => {
    const sources = [
      { path: 'acme/updates/2026-01-05.md', value: dated('date: 2026-01-05\ntitle: 2026-01-05 weekly') },
      { path: 'acme/updates/2026-01-12.md', value: dated('date: 2026-01-05\ntitle: 2026-01-05 weekly', BODY + '  - and more\n') },
      { path: 'acme/updates/kickoff-01-10-2025.md', value: BODY },
      { path: 'acme/updates/kickoff-01-24-2025.md', value: BODY + '  - more\n' },
    ];
    const cache = new ParseCache('test');
    const fresh = buildSite(sources, { parseUpdate: cache.wrap(parseUpdate) });
    const cached = buildSite(sources, { parseUpdate: cache.wrap(parseUpdate) });
    expect(cache.stats.hits).toBe(4);
    expect(cached.parsed.map((u) => u.id)).toEqual(fresh.parsed.map((u) => u.id));
    expect(cached.parsed.map((u) => u.id)).toContain('acme/2026-01-12');
    expect(warningsOf(cached)).toEqual(warningsOf(fresh));
  });

  it("the team's day-month order is part of a parse's cache key", () => {
    const cache = new ParseCache('test');
    const file = (value: string) => new VFile({ path: 'acme/updates/kickoff-01-10-2025.md', value });
    expect(cache.key(file(BODY), { dayOrder: 'mdy' })).not.toBe(cache.key(file(BODY), { dayOrder: 'dmy' }));
  });
});

describe('settleTeamWeeks', () => {
  it('a byte-identical copy holding the same week is left to the copy rule', () => {
    const settled = settleTeamWeeks([
      { path: 't/updates/2024-06-20.md', team: 't', name: '2024-06-20', frontMatter: '2024-06-24', date: '2024-06-24', hash: 'same' },
      { path: 't/updates/2024-06-24.md', team: 't', name: '2024-06-24', frontMatter: '2024-06-24', date: '2024-06-24', hash: 'same' },
    ]);
    expect(settled.redate.size).toBe(0);
  });

  it('one odd file is no convention', () => {
    const settled = settleTeamWeeks([
      { path: 't/a.md', team: 't', name: '2024-01-01', frontMatter: '2024-01-09', date: '2024-01-01' },
      { path: 't/b.md', team: 't', name: '2024-01-15', frontMatter: '2024-01-15', date: '2024-01-15' },
      { path: 't/c.md', team: 't', name: '2024-01-22', frontMatter: '2024-01-22', date: '2024-01-22' },
    ]);
    expect(settled.notes).toEqual([]);
    expect(settled.quiet.size).toBe(0);
  });
});
