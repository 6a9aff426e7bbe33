import { describe, expect, it } from '@jest/globals';
import type { HookTask } from '../../../src/core/dr/hooks.js';
import { estimateRecovery } from '../../../src/core/dr/recovery-estimate.js';
import type { HookSpec } from '../../../src/core/manifest/types.js';
import type { HookResult, RunResult } from '../../../src/core/run-result.js';
import type { Dag } from '../../../src/core/schedule/dag.js';

// network → app, and dns alone: the critical path is network then app.
const dag: Dag = {
  ids: ['network', 'app', 'dns'],
  dependsOn: new Map([
    ['network', []],
    ['app', ['network']],
    ['dns', []],
  ]),
};
const result = (durations: Record<string, number>, startedAt = '2026-04-01T10:00:00.000Z') =>
  ({
    startedAt,
    instances: Object.entries(durations).map(([id, durationMs]) => ({ id, status: 'succeeded', durationMs })),
  }) as unknown as RunResult;

describe('estimateRecovery', () => {
  const drill = result({ network: 2000, app: 3000, dns: 1000 });

  it("without history: the drill's plan times, and it says they leave out every apply", () => {
    const estimate = estimateRecovery(dag, drill, undefined);
    expect(estimate.seconds).toBe(5);
    expect(estimate.basis).toContain("this dry run's plan times only, without any apply");
  });

  it('with the last failover: its durations along the critical path', () => {
    const estimate = estimateRecovery(dag, drill, result({ network: 60_000, app: 120_000, dns: 300_000 }));
    expect(estimate.seconds).toBe(300);
    expect(estimate.basis).toBe('the durations of the failover recorded at 2026-04-01T10:00:00.000Z');
  });

  it('says which instances the recorded failover did not have', () => {
    const estimate = estimateRecovery(dag, drill, result({ network: 60_000 }));
    expect(estimate.seconds).toBe(63);
    expect(estimate.basis).toContain('for 1 of 3 instances; the other 2 count their plan time');
  });

  it('names what no estimate counts: approval, DNS TTL', () => {
    const { leavesOut } = estimateRecovery(dag, drill, undefined);
    expect(leavesOut.some((item) => item.includes('approval'))).toBe(true);
    expect(leavesOut.some((item) => item.startsWith('DNS TTL'))).toBe(true);
  });

  describe("with the failover's hooks on the path", () => {
    const spec = (name: string, when: HookSpec['when'], timeoutMs: number, drillSafe: boolean) =>
      ({ name, when, run: `hooks/${name}.sh`, args: [], timeoutMs, drillSafe }) as unknown as HookSpec;
    // promote-db after network (before app), switch-traffic after everything.
    const promote: HookTask = {
      id: 'hook:promote-db:network',
      hook: spec('promote-db', 'after_layer', 120_000, false),
      instance: 'network',
      after: ['network'],
      before: ['app'],
      env: {},
      outputsOf: ['network'],
    };
    const smoke: HookTask = {
      id: 'hook:smoke',
      hook: spec('smoke', 'after_failover', 30_000, true),
      instance: null,
      after: ['network', 'app', 'dns', 'hook:promote-db:network'],
      before: [],
      env: {},
      outputsOf: [],
    };
    const ran = (id: string, durationMs: number, status: HookResult['status'] = 'succeeded') =>
      ({ id, status, durationMs }) as HookResult;
    const withHooks = (run: RunResult, hooks: HookResult[]) => ({ ...run, hooks }) as RunResult;

    it('counts a drill_safe hook as measured in this drill, any other by its timeout, an upper bound', () => {
      const estimate = estimateRecovery(dag, withHooks(drill, [ran('hook:smoke', 4000)]), undefined, [
        promote,
        smoke,
      ]);
      // network 2 + promote-db 120 + app 3 + smoke 4.
      expect(estimate.seconds).toBe(129);
      expect(estimate.hooks).toEqual([
        {
          id: 'hook:promote-db:network',
          name: 'promote-db',
          instance: 'network',
          seconds: 120,
          source: 'timeout',
          basis: 'its timeout, an upper bound: not drill_safe, so not run in a drill',
        },
        {
          id: 'hook:smoke',
          name: 'smoke',
          instance: null,
          seconds: 4,
          source: 'drill',
          basis: 'measured in this drill',
        },
      ]);
    });

    it('takes a hook not run in the drill from the recorded failover; one that failed in the drill by its timeout', () => {
      const recorded = withHooks(result({ network: 60_000, app: 120_000, dns: 1000 }), [
        ran('hook:promote-db:network', 45_000),
      ]);
      const estimate = estimateRecovery(dag, withHooks(drill, [ran('hook:smoke', 50, 'failed')]), recorded, [
        promote,
        smoke,
      ]);
      expect(estimate.seconds).toBe(60 + 45 + 120 + 30);
      expect(estimate.hooks!.map((hook) => [hook.source, hook.basis])).toEqual([
        ['history', 'measured in the failover recorded at 2026-04-01T10:00:00.000Z'],
        ['timeout', 'its timeout, an upper bound: it did not succeed in this drill'],
      ]);
    });

    it('has no hooks entry when the failover runs none', () => {
      expect(estimateRecovery(dag, drill, undefined).hooks).toBeUndefined();
    });
  });
});
