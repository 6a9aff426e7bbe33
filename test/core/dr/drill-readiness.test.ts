import { describe, expect, it } from '@jest/globals';
import { drillReadiness, isReady, summariseFailure } from '../../../src/core/dr/drill-readiness.js';
import type { ReplicaCheck } from '../../../src/core/dr/replica-freshness.js';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import type { InstanceResultFile } from '../../../src/core/result-file.js';
import { instanceResult } from '../../helpers/instance-results.js';

/** app reads dns (replicated) and network; network reads nothing replicated. */
const graph = {
  inputsOf: (id: string) =>
    id === 'app' ? [{ sources: [{ id: 'dns' }] }, { sources: [{ id: 'network' }] }] : [],
} as unknown as LayerGraph;
const replicated = new Set(['dns']);
const result = (id: string, extra: Partial<InstanceResultFile> = {}) =>
  instanceResult(id, { changes: { add: 1, change: 0, destroy: 0, replace: 0 }, ...extra });
const check = (status: ReplicaCheck['status'], detail = 'serial 5 on both sides'): ReplicaCheck => ({
  id: 'dns',
  primaryRegion: 'eu-west-2',
  replicaRegion: 'eu-west-1',
  status,
  detail,
});

describe('drillReadiness', () => {
  it('every yes: no reason; what reads no replica shows — for the replica columns', () => {
    const [app, network] = drillReadiness([result('app'), result('network')], graph, replicated, [
      check('fresh'),
    ]);
    expect(app).toMatchObject({ replicaReachable: true, replicaFresh: true, reason: null });
    expect(network).toMatchObject({ replicaReachable: null, replicaFresh: null, reason: null });
    expect(isReady(app!)).toBe(true);
  });

  it('gives the reason for every NO, the first failing column first', () => {
    const initError =
      'terraform init failed (exit code 1)\nInitializing the backend...\nError: Failed to get existing workspaces';
    const entries = drillReadiness(
      [
        result('network', { status: 'failed', step: 'init', error: initError }),
        result('app', {
          status: 'failed',
          step: 'read-upstream',
          error: 'terraform init failed (exit code 1)',
        }),
      ],
      graph,
      replicated,
      [],
    );
    expect(entries[0]).toMatchObject({
      backendReachable: false,
      planSucceeded: false,
      reason: 'backend: terraform init failed (exit code 1): Error: Failed to get existing workspaces',
    });
    expect(entries[1]).toMatchObject({
      replicaReachable: false,
      reason: 'replica: terraform init failed (exit code 1)',
    });
  });

  it('a stale replica is a NO though the plan succeeded', () => {
    const [app] = drillReadiness([result('app')], graph, replicated, [
      check('stale', 'the replica is at serial 3, the primary at 5: replication is behind or broken'),
    ]);
    expect(app).toMatchObject({ planSucceeded: true, replicaFresh: false });
    expect(app!.reason).toBe(
      'replica of dns stale: the replica is at serial 3, the primary at 5: replication is behind or broken',
    );
    expect(isReady(app!)).toBe(false);
  });

  it('a failed or skipped plan gives its error or skip reason', () => {
    const [failed, skipped] = drillReadiness(
      [
        result('network', {
          status: 'failed',
          step: 'plan',
          error: 'terraform plan failed (exit code 1)\n│ Error: Invalid value',
        }),
        result('app', { status: 'skipped', reason: 'upstream network failed' }),
      ],
      graph,
      replicated,
      [],
    );
    expect(failed!.reason).toBe('plan: terraform plan failed (exit code 1): Error: Invalid value');
    expect(skipped!.reason).toBe('plan: upstream network failed');
  });

  it('keeps which upstreams were mocked (not a NO, but unproven)', () => {
    const [app] = drillReadiness([result('app', { mockedUpstreams: ['db'] })], graph, replicated, []);
    expect(app).toMatchObject({ mockedUpstreams: ['db'], reason: null });
  });

  it('an instance deferred until the upstreams the failover creates: unproven, not a NO', () => {
    const waiting = result('app', {
      status: 'skipped',
      reason: 'planned during the failover, once db is applied',
    });
    const [deferred] = drillReadiness([waiting], graph, replicated, [], new Map([['app', ['db']]]));
    expect(deferred).toMatchObject({ planSucceeded: false, deferredUntil: ['db'], reason: null });
    const [notDeferred] = drillReadiness([waiting], graph, replicated, []);
    expect(notDeferred!.reason).toBe('plan: planned during the failover, once db is applied');
  });

  it('summariseFailure falls back to the status', () => {
    expect(summariseFailure(null, 'cancelled')).toBe('cancelled');
  });
});
