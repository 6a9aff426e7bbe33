import { describe, expect, it } from '@jest/globals';
import { compareReplica, type StateRead } from '../../../src/core/dr/replica-freshness.js';

const state = (lineage: string, serial: number): StateRead => ({ identity: { lineage, serial } });
const none: StateRead = { identity: null };
const regions = { primary: 'eu-west-2', replica: 'eu-west-1' };

describe('compareReplica', () => {
  it.each([
    ['same lineage and serial', state('a', 5), state('a', 5), 'fresh', 'serial 5 on both sides'],
    ['no state on either side', none, none, 'fresh', 'no state on either side yet'],
    ['replica behind', state('a', 5), state('a', 3), 'stale', 'the replica is at serial 3, the primary at 5'],
    ['replica ahead', state('a', 5), state('a', 6), 'diverged', 'ahead of the primary'],
    ['another lineage', state('a', 5), state('b', 5), 'diverged', "lineage b is not the primary's a"],
    ['nothing replicated yet', state('a', 1), none, 'missing', 'the replica in eu-west-1 has none'],
    ['state only in the replica', none, state('a', 1), 'diverged', 'but eu-west-2 has none'],
    [
      'primary unreadable',
      { error: 'denied' },
      state('a', 1),
      'unreadable',
      'cannot read the state in eu-west-2: denied',
    ],
    [
      'replica unreadable',
      state('a', 1),
      { error: 'gone' },
      'unreadable',
      'cannot read the replica in eu-west-1: gone',
    ],
  ])('%s', (_name, primary, replica, status, detail) => {
    const check = compareReplica('dns', regions, primary, replica);
    expect(check).toMatchObject({
      id: 'dns',
      primaryRegion: 'eu-west-2',
      replicaRegion: 'eu-west-1',
      status,
    });
    expect(check.detail).toContain(detail);
  });
});
