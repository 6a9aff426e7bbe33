import { terminalWording } from '../../../src/cli/terminal-wording.js';
import { describe, expect, it } from '@jest/globals';
import { renderFailoverReport } from '../../../src/core/render/failover-report.js';
import {
  recoverySeconds,
  ganttAxis,
  renderGantt,
  renderTimelineTable,
  timelineOf,
} from '../../../src/core/render/timeline.js';
import { instanceFromFile } from '../../../src/core/result-file.js';
import type { InstanceResult, RunResult } from '../../../src/core/run-result.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString();
const instance = (
  id: string,
  account: string,
  start: number,
  end: number,
  status = 'succeeded',
): InstanceResult =>
  instanceFromFile(
    {
      id,
      layer: id.split('/').at(-1)!,
      scope: 'region',
      account,
      region: 'eu-west-1',
      environment: null,
      status: status as InstanceResult['status'],
      step: null,
      startedAt: at(start),
      finishedAt: at(end),
      durationMs: (end - start) * 1000,
      changes: { add: 1, change: 0, destroy: 0, replace: 0 },
      resourceChanges: [],
      error: status === 'failed' ? 'boom' : null,
      reason: status === 'skipped' || status === 'cancelled' ? 'an upstream failed' : null,
      timedOut: false,
      mockedUpstreams: [],
      planFile: null,
    },
    id,
  );
const run = (instances: InstanceResult[], status: RunResult['status'] = 'succeeded'): RunResult => ({
  version: 1,
  command: 'apply',
  status,
  manifest: 'layers.yml',
  startedAt: at(10),
  finishedAt: at(40),
  durationMs: 30_000,
  terraform: { binary: 'terraform', version: '1.13.5' },
  parallelism: 4,
  hasChanges: true,
  instances,
});

describe('the failover timeline', () => {
  const result = run([
    instance('prod/eu-west-1/app', 'prod', 20, 40),
    instance('prod/eu-west-1/network', 'prod', 12, 20),
  ]);

  it('offsets every instance from the first command and orders by start', () => {
    expect(timelineOf(result)).toEqual([
      {
        id: 'prod/eu-west-1/network',
        account: 'prod',
        isHook: false,
        status: 'succeeded',
        start: 0,
        end: 8000,
      },
      {
        id: 'prod/eu-west-1/app',
        account: 'prod',
        isHook: false,
        status: 'succeeded',
        start: 8000,
        end: 28000,
      },
    ]);
    expect(recoverySeconds(result)).toBe(28);
    expect(recoverySeconds(run(result.instances, 'failed'))).toBeNull();
  });

  it('renders a table and a Mermaid Gantt chart', () => {
    expect(renderTimelineTable(result)).toContain(
      '| prod/eu-west-1/app | succeeded | +8.0s | +28.0s | 20.0s |',
    );
    expect(renderGantt(result, 'failover eu-west-2 to eu-west-1')).toBe(
      [
        'gantt',
        '  title failover eu-west-2 to eu-west-1 (your local time)',
        '  dateFormat x',
        '  axisFormat %H:%M:%S',
        '  tickInterval 5second',
        '  section prod',
        // Clock times (ms since the epoch): Mermaid prints them in the reader's time zone.
        `  prod/eu-west-1/network :done, ${Date.parse('2026-01-01T00:00:12Z')}, ${Date.parse('2026-01-01T00:00:20Z')}`,
        `  prod/eu-west-1/app :done, ${Date.parse('2026-01-01T00:00:20Z')}, ${Date.parse('2026-01-01T00:00:40Z')}`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    [4_000, '%H:%M:%S', '1second'],
    [28_000, '%H:%M:%S', '5second'],
    [95_000, '%H:%M:%S', '10second'],
    [9 * 60_000, '%H:%M:%S', '1minute'],
    [42 * 60_000, '%H:%M', '5minute'],
    [5 * 3_600_000, '%H:%M', '30minute'],
    [30 * 3_600_000, '%b %d %H:%M', '3hour'],
  ])('a %d ms recovery gets axis labels %s every %s: at most 10 ticks', (span, axisFormat, tickInterval) => {
    expect(ganttAxis(span)).toEqual({ axisFormat, tickInterval });
  });

  it('times the hooks with the instances: the recovery ends with the last hook', () => {
    const hook = (
      name: string,
      instance: string | null,
      start: number,
      end: number,
      status = 'succeeded',
    ) => ({
      id: `hook:${name}${instance === null ? '' : `:${instance}`}`,
      name,
      when: instance === null ? 'after_failover' : 'after_layer',
      instance,
      account: instance === null ? null : 'prod',
      status: status as InstanceResult['status'],
      startedAt: at(start),
      finishedAt: at(end),
      durationMs: (end - start) * 1000,
      error: null,
      reason: null,
      logFile: null,
    });
    const withHooks: RunResult = {
      ...result,
      hooks: [
        hook('promote-db', 'prod/eu-west-1/network', 20, 23),
        hook('smoke-test', null, 40, 45),
        { ...hook('never', null, 0, 0), status: 'skipped', startedAt: null, finishedAt: null },
      ],
    };
    expect(recoverySeconds(withHooks)).toBe(33);
    expect(renderTimelineTable(withHooks)).toContain(
      '| hook promote-db after prod/eu-west-1/network | succeeded | +8.0s | +11.0s | 3.0s |',
    );
    const gantt = renderGantt(withHooks, 'failover');
    const clock = (seconds: number) => Date.parse(at(seconds));
    expect(gantt).toContain(
      `  hook promote-db after prod/eu-west-1/network :done, ${clock(20)}, ${clock(23)}`,
    );
    expect(gantt).toContain(`  section hooks\n  hook smoke-test :done, ${clock(40)}, ${clock(45)}`);
    expect(gantt).not.toContain('never');
  });

  it('the report gives recovery time, readiness for a drill, and notes', () => {
    const drill = {
      ...result,
      failover: {
        mode: 'failover' as const,
        from: 'eu-west-2',
        to: 'eu-west-1',
        dryRun: true,
        recoverySeconds: null,
        estimatedRecoverySeconds: 12.5,
        readiness: [
          {
            id: 'prod/eu-west-1/app',
            backendReachable: true,
            replicaReachable: false,
            replicaFresh: null,
            planSucceeded: false,
            changes: null,
            mockedUpstreams: [],
            deferredUntil: [],
            reason: 'replica: terraform init failed (exit code 1): Error: the replica | bucket is gone',
          },
        ],
        notes: ['prod/sandbox runs only in eu-west-2'],
      },
    };
    const report = renderFailoverReport(drill, terminalWording.setting);
    expect(report).toContain('## Failover drill eu-west-2 → eu-west-1: succeeded');
    expect(report).toContain('Estimated recovery time (critical path): **12.5 s**');
    expect(report).toContain('**Not ready**');
    // Every NO with its reason, the pipe escaped so the table stays a table.
    expect(report).toContain(
      '| prod/eu-west-1/app | yes | NO | — | NO |  | replica: terraform init failed (exit code 1): Error: the replica \\| bucket is gone |',
    );
    expect(report).toContain('- prod/sandbox runs only in eu-west-2');
    expect(renderFailoverReport(result, terminalWording.setting)).toBe('');
  });
});
