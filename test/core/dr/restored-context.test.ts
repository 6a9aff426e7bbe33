import { describe, expect, it } from '@jest/globals';
import {
  collectRecoveryPoint,
  recoveryPointFor,
  restoredBy,
  restoredContextOf,
  restoringContexts,
} from '../../../src/core/dr/restored-context.js';
import { graphOf } from '../../helpers/graphs.js';

/** backups (eu-west-1) <- network (eu-west-1) <- db (eu-west-1) -> other (eu-west-2), iam (no region) <- db. */
function estateGraph() {
  const graph = graphOf({
    iam: [],
    other: [],
    backups: [],
    network: ['backups'],
    db: ['network', 'other', 'iam'],
  });
  for (const [id, region] of [
    ['other', 'eu-west-2'],
    ['backups', 'eu-west-1'],
    ['network', 'eu-west-1'],
    ['db', 'eu-west-1'],
  ] as const)
    graph.byId.get(id)!.region = region;
  return graph;
}

describe('recoveryPointFor', () => {
  it('is the oldest time published upstream, transitively, in the instance region or in none', () => {
    const published = new Map<string, unknown>([
      ['backups', '2026-05-04T03:00:00Z'],
      ['network', '2026-05-04T05:00:00Z'],
      ['iam', '2026-05-04T04:00:00Z'],
      // Another region's backups are not what this copy restores from, however old.
      ['other', '2020-01-01T00:00:00Z'],
    ]);
    expect(recoveryPointFor(estateGraph(), 'db', published)).toBe('2026-05-04T03:00:00Z');
  });

  it('skips what is not a time, and is null when nothing upstream published one', () => {
    const graph = estateGraph();
    expect(recoveryPointFor(graph, 'db', new Map([['network', 'yesterday']]))).toBeNull();
    expect(recoveryPointFor(graph, 'db', new Map([['db', '2026-05-04T03:00:00Z']]))).toBeNull();
    expect(recoveryPointFor(graph, 'backups', new Map([['network', '2026-05-04T03:00:00Z']]))).toBeNull();
  });
});

describe('restoringContexts and restoredBy', () => {
  it('gives each instance the recovery point its upstreams had published when it was first asked for', () => {
    const published = new Map<string, unknown>();
    const restoring = restoringContexts(estateGraph(), 'eu-west-2', published);
    collectRecoveryPoint(published)('network', { strata_recovery_point: '2026-05-04T05:00:00Z', vpc: 'x' });
    collectRecoveryPoint(published)('iam', { role: 'arn' });
    expect(restoring.contextOf('db')).toEqual({
      failover: true,
      failedRegion: 'eu-west-2',
      recoveryPoint: '2026-05-04T05:00:00Z',
    });
    // Published later (an older backup read by another instance): the context given stays what it was.
    published.set('backups', '2026-05-04T01:00:00Z');
    expect(restoring.contextOf('db').recoveryPoint).toBe('2026-05-04T05:00:00Z');
    expect(restoring.contextOf('network')).toEqual({
      failover: true,
      failedRegion: 'eu-west-2',
      recoveryPoint: '2026-05-04T01:00:00Z',
    });
    expect(restoring.contextOf('iam')).toEqual({ failover: true, failedRegion: 'eu-west-2' });
    // The record keeps the instances that succeeded, with what they were given.
    expect(restoredBy(restoring.given, ['network', 'iam', 'other'])).toEqual({
      iam: null,
      network: '2026-05-04T01:00:00Z',
    });
  });
});

describe('restoredContextOf', () => {
  const record = {
    from: 'eu-west-2',
    to: 'eu-west-1',
    at: '2026-05-04T06:00:00Z',
    restored: { db: '2026-05-04T03:00:00Z', network: null },
  };

  it('gives the instances a record in effect lists the context they were restored with', () => {
    const contextOf = restoredContextOf(record, 'eu-west-1');
    expect(contextOf('db')).toEqual({
      failover: true,
      failedRegion: 'eu-west-2',
      recoveryPoint: '2026-05-04T03:00:00Z',
    });
    expect(contextOf('network')).toEqual({ failover: true, failedRegion: 'eu-west-2' });
    expect(contextOf('iam')).toBeUndefined();
    // A failback's record in effect counts the same.
    expect(restoredContextOf({ ...record, mode: 'failback' }, 'eu-west-1')('db')?.failover).toBe(true);
  });

  it('gives nothing for a pending hold, a record about another primary, a record without the list, or none', () => {
    for (const [given, primary] of [
      [{ ...record, status: 'pending' as const }, 'eu-west-1'],
      [record, 'eu-west-2'],
      [{ from: 'eu-west-2', to: 'eu-west-1', at: record.at }, 'eu-west-1'],
      [null, 'eu-west-1'],
    ] as const) {
      expect(restoredContextOf(given, primary)('db')).toBeUndefined();
    }
  });
});
