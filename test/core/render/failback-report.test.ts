import { describe, expect, it } from '@jest/globals';
import { renderFailback } from '../../../src/core/render/failback-report.js';
import { progressLine } from '../../../src/core/render/run-text.js';
import type { FailbackFindings } from '../../../src/core/dr/failback.js';
import type { RunResult } from '../../../src/core/run-result.js';

const phases: FailbackFindings['phases'] = [
  { name: 'promote', command: 'apply', instances: ['a/network', 'a/app'], status: 'succeeded' },
  { name: 'verify', command: 'check', instances: ['a/network'], status: 'failed' },
  { name: 'retire', command: 'destroy', instances: ['b/app'], status: 'not-run' },
];
const verification: FailbackFindings['verification'] = {
  required: true,
  movedAt: '2026-05-04T06:00:00Z',
  checks: [{ id: 'a/network', value: '2026-05-04T05:00:00Z', problem: 'too old | really' }],
  problem: null,
  overridden: false,
};

describe('renderFailback', () => {
  it('names each phase in order with its command, instance count and status', () => {
    const text = renderFailback({ phases, verification }, false).join('\n');
    expect(text).toContain(
      '| promote | the returning region as primary, restoring from the snapshots replicated back | apply | 2 | succeeded |',
    );
    expect(text).toContain('| verify | ');
    expect(text.indexOf('| promote |')).toBeLessThan(text.indexOf('| verify |'));
    expect(text.indexOf('| verify |')).toBeLessThan(text.indexOf('| retire |'));
    expect(text).toContain(
      '| retire | the copies the steady state does not keep in the region being left, destroyed | destroy | 1 | not-run |',
    );
  });

  it('says what is missing and that nothing was retired; a dry run that the failback checks again', () => {
    expect(renderFailback({ phases, verification }, false).join('\n')).toContain(
      '**Recovery point not shown to be newer than the failover** (nothing was retired): too old | really.',
    );
    expect(renderFailback({ phases, verification }, false).join('\n')).toContain(
      '| a/network | 2026-05-04T05:00:00Z | NO: too old \\| really |',
    );
    expect(renderFailback({ phases, verification }, true).join('\n')).toContain(
      'the failback checks again after its promote phase has applied',
    );
  });

  it("marks a dry run's verify advisory, in its row and its finding", () => {
    const advisory = phases.map((phase) => (phase.name === 'verify' ? { ...phase, advisory: true } : phase));
    const passed = { ...verification, checks: [], problem: null };
    const text = renderFailback({ phases: advisory, verification: passed }, true).join('\n');
    expect(text).toContain(
      "| verify | the returning region's recovery point is newer than the failover | check | 1 | failed (advisory: read before the promote phase applied; checked again by the real failback after its promote phase) |",
    );
    expect(text).toContain(
      'Recovery point: newer than the failover (traffic moved at 2026-05-04T06:00:00Z), as far as this dry run can tell (advisory): the failback reads the recovery points again after its promote phase has applied',
    );
    expect(renderFailback({ phases, verification: passed }, false).join('\n')).not.toContain('advisory');
  });

  it('records the override, and says when there was nothing to check', () => {
    const overridden = renderFailback({ phases, verification: { ...verification, overridden: true } }, false);
    expect(overridden.join('\n')).toContain(
      'retired anyway, by the override ignore-recovery-point**: too old | really.',
    );
    const passed = renderFailback(
      { phases, verification: { ...verification, checks: [], problem: null } },
      false,
    );
    expect(passed.join('\n')).toContain(
      'Recovery point: newer than the failover (traffic moved at 2026-05-04T06:00:00Z).',
    );
    const stayed = renderFailback({ phases, verification: { ...verification, required: false } }, false);
    expect(stayed.join('\n')).toContain(
      'Recovery point: not checked, the region made primary held the service',
    );
    expect(renderFailback(undefined, false)).toEqual([]);
  });
});

describe('progressLine in a failback', () => {
  it('names the phase before the counter', () => {
    const run = {
      phase: 'retire',
      instances: [
        { id: 'a', status: 'succeeded' },
        { id: 'b', status: 'running', step: 'plan' },
        { id: 'c', status: 'pending' },
      ],
    } as unknown as RunResult;
    expect(progressLine(run.instances[1]!, run)).toBe('[retire 1/3] b  plan');
    expect(progressLine(run.instances[1]!, { instances: run.instances } as unknown as RunResult)).toBe(
      '[1/3] b  plan',
    );
  });
});
