import { describe, expect, it } from '@jest/globals';
import {
  actorOf,
  isPromoted,
  isStaleLock,
  promotedStates,
  promotionTarget,
  type ReplicaPromotion,
} from '../../../src/core/dr/promote-replica.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

const parsed = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');
const { manifest } = parsed;

describe('promotionTarget', () => {
  it('moves global and account state to the replica when the global region failed', () => {
    expect(promotionTarget(manifest, 'eu-west-2', false)).toEqual({
      kind: 'promote',
      from: 'eu-west-2',
      to: 'eu-west-1',
    });
  });

  it('moves nothing when another region failed', () => {
    expect(promotionTarget(manifest, 'eu-west-1', false)).toEqual({ kind: 'none' });
  });

  it('keeps it, saying why, without a replica or for a narrowed failover', () => {
    const noReplica = { backend: { ...manifest.backend, replicas: {} } };
    expect(promotionTarget(noReplica, 'eu-west-2', false)).toMatchObject({
      kind: 'stays',
      reason: expect.stringContaining('backend.replicas names no replica'),
    });
    expect(promotionTarget(manifest, 'eu-west-2', true)).toMatchObject({
      kind: 'stays',
      reason: expect.stringContaining('narrowed'),
    });
  });
});

describe('promotedStates', () => {
  it('every global and account instance, with its backend in the promoted region', () => {
    const states = promotedStates(manifest, expandManifest(parsed), 'eu-west-1');
    const graph = expandManifest(parsed);
    const global = graph.instances.filter((i) => i.region === null).map((i) => i.id);
    expect(states.map((state) => state.id)).toEqual([...global].sort());
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(JSON.stringify(state.backend.config)).toContain('eu-west-1');
    for (const state of states) expect(JSON.stringify(state.backend.config)).not.toContain('eu-west-2');
  });
});

describe('isStaleLock', () => {
  const failover = new Date('2026-12-01T10:00:00Z');
  it.each([
    ['taken before the failover started', new Date('2026-12-01T09:59:59Z'), true],
    ['taken as it started', new Date('2026-12-01T10:00:00Z'), false],
    ['taken since (a run going on now)', new Date('2026-12-01T10:05:00Z'), false],
    ['of unknown time', null, false],
  ])('%s', (_, created, stale) => {
    expect(isStaleLock(created, failover)).toBe(stale);
  });
});

describe('isPromoted and actorOf', () => {
  const promotion = (extra: Partial<ReplicaPromotion>): ReplicaPromotion => ({
    from: 'eu-west-2',
    to: 'eu-west-1',
    manifestWritten: false,
    states: [{ id: 'dns', lineage: 'l', serial: 3, problem: null }],
    locks: [],
    ...extra,
  });
  const lock = {
    instance: 'dns',
    lockId: 'abc',
    path: 'tfstate-eu-west-1/dns.tfstate',
    heldBy: 'runner@host',
    operation: 'OperationTypeApply',
    created: '2026-12-01 09:00:00 +0000 UTC',
  };

  it('is promoted only when every state was read and every lock cleared', () => {
    expect(isPromoted(promotion({}))).toBe(true);
    expect(
      isPromoted(
        promotion({ locks: [{ ...lock, clearedBy: 'octocat', clearedAt: '2026-12-01T10:10:00Z' }] }),
      ),
    ).toBe(true);
    expect(isPromoted(promotion({ locks: [{ ...lock, clearedBy: null, clearedAt: null }] }))).toBe(false);
    expect(
      isPromoted(promotion({ states: [{ id: 'dns', lineage: null, serial: null, problem: 'missing' }] })),
    ).toBe(false);
  });

  it('names the GitHub actor, else the local user', () => {
    expect(actorOf({ GITHUB_ACTOR: 'octocat', USER: 'runner' })).toBe('octocat');
    expect(actorOf({ USER: 'alice' })).toBe('alice');
    expect(actorOf({})).toBe('unknown');
  });
});
