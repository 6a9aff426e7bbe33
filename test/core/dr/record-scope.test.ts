import { describe, expect, it } from '@jest/globals';
import type { GuardRecord } from '../../../src/core/dr/failover-guard.js';
import { isCompletedMove, recordLeftBehind, recordToReplace } from '../../../src/core/dr/record-scope.js';

const record = (fields: Partial<GuardRecord>): GuardRecord => ({
  from: 'eu-west-1',
  to: 'eu-west-2',
  at: '2026-05-04T03:00:00Z',
  ...fields,
});
const devDone = record({ mode: 'failback', scope: ['dev'], restored: { 'dev/eu-west-2/dev/app': null } });
const prodBack = { scope: ['prod'], from: 'eu-west-1' };
/** The account and environment of the ids these cases use (`account/region/environment/layer`). */
const instanceOf = (id: string) => {
  const [account, , environment, layer] = id.split('/');
  return account === 'unknown' ? undefined : { account: account!, environment: layer ? environment! : null };
};

describe('isCompletedMove', () => {
  it.each([
    ['a failback in effect', record({ mode: 'failback' }), true],
    ['a failback pending', record({ mode: 'failback', status: 'pending' }), false],
    ['a failover in effect', record({ mode: 'failover' }), false],
    ['a record of before modes (a failover)', record({}), false],
  ])('%s: %s', (_, given, expected) => {
    expect(isCompletedMove(given)).toBe(expected);
  });
});

describe('recordToReplace', () => {
  it("keeps nothing of no record, nor the move's own scope's restored instances", () => {
    expect(recordToReplace(null, 'eu-west-2', prodBack, instanceOf)).toEqual({});
    const prodDone = record({
      mode: 'failback',
      scope: ['prod'],
      restored: { 'prod/eu-west-2/production/db': '2026-05-04T02:00:00Z' },
    });
    expect(recordToReplace(prodDone, 'eu-west-2', prodBack, instanceOf)).toEqual({});
  });

  it("a second move of one scope keeps what the record kept of another scope's, and what it cannot place", () => {
    const prodKeepingDev = record({
      mode: 'failback',
      scope: ['prod'],
      restored: {
        'prod/eu-west-2/production/db': '2026-05-04T02:00:00Z',
        'dev/eu-west-2/dev/db': '2026-05-03T02:00:00Z',
        'unknown/eu-west-2/gone/db': null,
      },
    });
    expect(recordToReplace(prodKeepingDev, 'eu-west-2', prodBack, instanceOf)).toEqual({
      'dev/eu-west-2/dev/db': '2026-05-03T02:00:00Z',
      'unknown/eu-west-2/gone/db': null,
    });
    // Kept entries carry their failed region (the record's `from`): a move from elsewhere would change it.
    expect(() =>
      recordToReplace(prodKeepingDev, 'eu-west-2', { scope: ['prod'], from: 'us-east-1' }, instanceOf),
    ).toThrow('keeps the context of what moves of other scopes restored, which came from eu-west-1');
  });

  it("keeps what another scope's failback done restored, when it left the same region", () => {
    expect(recordToReplace(devDone, 'eu-west-2', prodBack, instanceOf)).toEqual({
      'dev/eu-west-2/dev/app': null,
    });
    expect(
      recordToReplace(record({ mode: 'failback', scope: ['dev'] }), 'eu-west-2', prodBack, instanceOf),
    ).toEqual({});
  });

  it("refuses to give what another scope's failback restored another failed region", () => {
    expect(() =>
      recordToReplace(devDone, 'eu-west-2', { scope: ['prod'], from: 'us-east-1' }, instanceOf),
    ).toThrow('came from eu-west-1; this move of prod comes from us-east-1');
  });

  it('refuses to replace a move of another scope in progress: a hold, or a failover in effect', () => {
    const held = record({ mode: 'failover', scope: ['dev'], status: 'pending' });
    expect(() => recordToReplace(held, 'eu-west-2', prodBack, instanceOf)).toThrow(
      'eu-west-2 holds the record of a failover of dev from eu-west-1 to eu-west-2 (pending, recorded 2026-05-04T03:00:00Z), and this move is of prod',
    );
    expect(() => recordToReplace(record({ scope: ['dev'] }), 'eu-west-2', prodBack, instanceOf)).toThrow(
      '(in effect, recorded',
    );
  });
});

describe('recordLeftBehind', () => {
  const stagingOver = record({
    mode: 'failover',
    scope: ['prod/staging'],
    restored: {
      'prod/eu-west-2/staging/app': null,
      'dev/eu-west-2/data': '2026-05-03T02:00:00Z',
      'dev/eu-west-2/dev/app': null,
      'unknown/eu-west-2/gone/db': null,
    },
  });

  it("clears no record, and a record of the move's own scope that kept nothing else", () => {
    expect(recordLeftBehind(null, 'eu-west-2', ['dev'], instanceOf)).toEqual({ kind: 'write', record: null });
    const devOver = record({ scope: ['dev'], restored: { 'dev/eu-west-2/dev/app': null } });
    expect(recordLeftBehind(devOver, 'eu-west-2', ['dev'], instanceOf)).toEqual({
      kind: 'write',
      record: null,
    });
    // An entry no instance of the manifest is, alone, has neither a use nor a scope to be recorded under.
    const withGone = record({ scope: ['dev'], restored: { 'unknown/eu-west-2/gone/db': null } });
    expect(recordLeftBehind(withGone, 'eu-west-2', ['dev'], instanceOf)).toEqual({
      kind: 'write',
      record: null,
    });
  });

  it("keeps what its own scope's record kept of other scopes: a failback done, under their scope", () => {
    expect(recordLeftBehind(stagingOver, 'eu-west-2', ['prod/staging'], instanceOf)).toEqual({
      kind: 'write',
      record: {
        mode: 'failback',
        from: 'eu-west-1',
        to: 'eu-west-2',
        at: '2026-05-04T03:00:00Z',
        restored: {
          'dev/eu-west-2/data': '2026-05-03T02:00:00Z',
          'dev/eu-west-2/dev/app': null,
          'unknown/eu-west-2/gone/db': null,
        },
        scope: ['dev'],
      },
    });
  });

  it.each([
    ["an environment's instances only", { 'prod/eu-west-2/staging/app': null }, ['prod/staging']],
    [
      'environments of two accounts, one with an account layer',
      { 'prod/eu-west-2/staging/app': null, 'dev/eu-west-2/dev/app': null, 'dev/eu-west-2/data': null },
      ['dev', 'prod/staging'],
    ],
    [
      'a global instance (only the estate restores one)',
      { 'global/dns': null, 'dev/eu-west-2/dev/app': null },
      [],
    ],
  ])('the scope of what it keeps: %s', (_, restored, scope) => {
    const own = record({ scope: ['other'], restored: { ...restored, 'other/eu-west-2/data': null } });
    const placed = (id: string) =>
      id === 'global/dns' ? { account: null, environment: null } : instanceOf(id);
    const left = recordLeftBehind(own, 'eu-west-2', ['other'], placed);
    expect(left).toMatchObject({ kind: 'write', record: { restored, scope } });
  });

  it("leaves another scope's failback done as it is, and refuses to clear another scope's move in progress", () => {
    expect(recordLeftBehind(devDone, 'eu-west-2', ['prod'], instanceOf)).toEqual({ kind: 'unchanged' });
    const held = record({ mode: 'failback', scope: ['dev'], status: 'pending' });
    expect(() => recordLeftBehind(held, 'eu-west-2', ['prod'], instanceOf)).toThrow(
      'eu-west-2 holds the record of a failback of dev from eu-west-1 to eu-west-2 (pending, recorded 2026-05-04T03:00:00Z), and this move is of prod',
    );
    expect(() => recordLeftBehind(record({ scope: ['dev'] }), 'eu-west-2', ['prod'], instanceOf)).toThrow(
      '(in effect, recorded',
    );
  });
});
