import { describe, expect, it } from '@jest/globals';
import { checkRecoveryPoints, formatAge } from '../../../src/core/dr/recovery-point.js';

const now = new Date('2026-05-04T12:00:00Z');
const rpo = { text: '1h', ms: 3_600_000 };

describe('checkRecoveryPoints', () => {
  it('passes a recovery point within the objective and fails an older one, saying how old', () => {
    const report = checkRecoveryPoints(
      new Map<string, unknown>([
        ['prod/eu-west-1/network', '2026-05-04T09:00:00Z'],
        ['dev/eu-west-1/network', '2026-05-04T11:30:00Z'],
      ]),
      rpo,
      now,
    );
    expect(report.rpo).toBe('1h');
    expect(report.problem).toBeNull();
    expect(report.checks.map((check) => [check.id, check.ageSeconds, check.withinRpo])).toEqual([
      ['dev/eu-west-1/network', 1800, true],
      ['prod/eu-west-1/network', 10_800, false],
    ]);
    expect(report.checks[0]!.problem).toBeNull();
    expect(report.checks[1]!.problem).toBe(
      'the latest recovery point of prod/eu-west-1/network is 3h old, older than dr.rpo 1h: a failover now would lose more data than the objective allows',
    );
  });

  it('exactly at the objective is within it; a time ahead of the clock counts as age 0', () => {
    const report = checkRecoveryPoints(
      new Map([
        ['a', '2026-05-04T11:00:00Z'],
        ['b', '2026-05-04T12:05:00Z'],
      ]),
      rpo,
      now,
    );
    expect(report.checks.map((check) => [check.ageSeconds, check.withinRpo])).toEqual([
      [3600, true],
      [0, true],
    ]);
  });

  it('refuses a value that is not an RFC 3339 time', () => {
    const [check] = checkRecoveryPoints(new Map([['a', 1714800000]]), rpo, now).checks;
    expect(check).toMatchObject({ value: '1714800000', ageSeconds: null, withinRpo: false });
    expect(check!.problem).toContain("not an RFC 3339 time such as '2026-05-04T03:00:00Z'");
    expect(checkRecoveryPoints(new Map([['a', 'yesterday']]), rpo, now).checks[0]!.problem).toContain(
      '"yesterday"',
    );
  });

  it('with an objective and nothing published, the drill cannot show it is met', () => {
    expect(checkRecoveryPoints(new Map(), rpo, now).problem).toContain(
      'dr.rpo is 1h but no instance the drill read publishes the output strata_recovery_point',
    );
  });

  it('without an objective, shows what is published and checks nothing', () => {
    const report = checkRecoveryPoints(new Map([['a', '2020-01-01T00:00:00Z']]), undefined, now);
    expect(report).toMatchObject({ rpo: null, problem: null });
    expect(report.checks[0]).toMatchObject({ withinRpo: null, problem: null });
    expect(checkRecoveryPoints(new Map(), undefined, now)).toEqual({ rpo: null, checks: [], problem: null });
  });

  it.each([
    [20_000, '20s'],
    [45 * 60_000, '45m'],
    [(3 * 3600 + 12 * 60) * 1000, '3h 12m'],
    [(2 * 86_400 + 3600 + 60) * 1000, '2d 1h'],
  ])('formatAge(%d) is %s', (ms, text) => expect(formatAge(ms)).toBe(text));
});
