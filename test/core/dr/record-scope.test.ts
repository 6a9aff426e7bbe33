import { describe, expect, it } from '@jest/globals';
import type { GuardRecord } from '../../../src/core/dr/failover-guard.js';
import { isCompletedMove, recordToReplace } from '../../../src/core/dr/record-scope.js';

const record = (fields: Partial<GuardRecord>): GuardRecord => ({
  from: 'eu-west-1',
  to: 'eu-west-2',
  at: '2026-05-04T03:00:00Z',
  ...fields,
});
const devDone = record({ mode: 'failback', scope: ['dev'], restored: { 'dev/eu-west-2/dev/app': null } });
const prodBack = { scope: ['prod'], from: 'eu-west-1' };

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
  it("keeps nothing of no record or of the move's own scope", () => {
    expect(recordToReplace(null, 'eu-west-2', prodBack)).toEqual({});
    expect(
      recordToReplace(record({ scope: ['prod'], restored: { a: null } }), 'eu-west-2', prodBack),
    ).toEqual({});
  });

  it("keeps what another scope's failback done restored, when it left the same region", () => {
    expect(recordToReplace(devDone, 'eu-west-2', prodBack)).toEqual({ 'dev/eu-west-2/dev/app': null });
    expect(recordToReplace(record({ mode: 'failback', scope: ['dev'] }), 'eu-west-2', prodBack)).toEqual({});
  });

  it("refuses to give what another scope's failback restored another failed region", () => {
    expect(() => recordToReplace(devDone, 'eu-west-2', { scope: ['prod'], from: 'us-east-1' })).toThrow(
      'came from eu-west-1; this move of prod comes from us-east-1',
    );
  });

  it('refuses to replace a move of another scope in progress: a hold, or a failover in effect', () => {
    const held = record({ mode: 'failover', scope: ['dev'], status: 'pending' });
    expect(() => recordToReplace(held, 'eu-west-2', prodBack)).toThrow(
      'eu-west-2 holds the record of a failover of dev from eu-west-1 to eu-west-2 (pending, recorded 2026-05-04T03:00:00Z), and this move is of prod',
    );
    expect(() => recordToReplace(record({ scope: ['dev'] }), 'eu-west-2', prodBack)).toThrow(
      '(in effect, recorded',
    );
  });
});
