import { describe, expect, it } from 'vitest';
import { digestPeriod, isoWeek } from '../../src/digest/cut';

describe('the period a cron run cuts a digest for', () => {
  it('is the ISO week by default, so a weekly cron that fires twice makes one digest', () => {
    expect(digestPeriod(new Date('2026-11-23T07:00:00Z'), undefined)).toBe('2026-W48');
    expect(digestPeriod(new Date('2026-11-29T23:59:00Z'), 'week')).toBe('2026-W48');
    expect(digestPeriod(new Date('2026-11-30T00:00:00Z'), 'week')).toBe('2026-W49');
  });

  it('follows a more frequent schedule when DIGEST_PERIOD says so', () => {
    expect(digestPeriod(new Date('2026-11-24T10:15:00Z'), 'day')).toBe('2026-11-24');
    expect(digestPeriod(new Date('2026-11-24T10:15:00Z'), 'hour')).toBe('2026-11-24T10h');
  });

  it('numbers ISO weeks across year boundaries', () => {
    expect(isoWeek(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
  });
});
