import { describe, expect, it } from '@jest/globals';
import { estimateRecovery } from '../../../src/core/dr/recovery-estimate.js';
import type { RunResult } from '../../../src/core/run-result.js';
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
    expect(estimate.basis).toContain("this drill's plan times only, without any apply");
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
});
