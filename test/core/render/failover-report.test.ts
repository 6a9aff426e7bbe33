import { terminalWording } from '../../../src/cli/terminal-wording.js';
import { describe, expect, it } from '@jest/globals';
import { renderFailoverReport } from '../../../src/core/render/failover-report.js';
import type { RunResult } from '../../../src/core/run-result.js';
import type { DrillFindings, ReadinessEntry } from '../../../src/core/dr/failover-result.js';

const entry = (id: string, extra: Partial<ReadinessEntry> = {}): ReadinessEntry => ({
  id,
  backendReachable: true,
  replicaReachable: null,
  replicaFresh: null,
  planSucceeded: true,
  changes: { add: 1, change: 0, destroy: 0, replace: 0 },
  mockedUpstreams: [],
  deferredUntil: [],
  reason: null,
  ...extra,
});
const findings = (extra: Partial<DrillFindings> = {}): DrillFindings => ({
  ready: true,
  replicasChecked: true,
  replicas: [],
  recoveryPoint: { rpo: null, checks: [], problem: null },
  estimate: { seconds: 4, basis: "this dry run's plan times only", leavesOut: ['approval', 'DNS TTL'] },
  ...extra,
});
const drill = (readiness: ReadinessEntry[], drillFindings = findings()): RunResult =>
  ({
    version: 1,
    command: 'plan',
    status: drillFindings.ready ? 'succeeded' : 'failed',
    startedAt: '2026-05-04T12:00:00.000Z',
    finishedAt: '2026-05-04T12:00:04.000Z',
    durationMs: 4000,
    instances: [],
    failover: {
      mode: 'failover',
      from: 'eu-west-2',
      to: 'eu-west-1',
      dryRun: true,
      recoverySeconds: null,
      estimatedRecoverySeconds: drillFindings.estimate.seconds,
      readiness,
      notes: [],
      drill: drillFindings,
    },
  }) as unknown as RunResult;

describe('renderFailoverReport of a drill', () => {
  it('planned against live state: Ready, and the estimate says what it comes from and leaves out', () => {
    const report = renderFailoverReport(drill([entry('prod/eu-west-1/network')]), terminalWording.setting);
    expect(report).toContain('Ready: every instance planned against live state.');
    expect(report).toContain("Based on this dry run's plan times only. Not counted: approval; DNS TTL.");
  });

  it('an estimate of a minute or more reads in minutes and hours, the exact seconds beside it', () => {
    const estimated = (seconds: number) =>
      renderFailoverReport(
        drill([entry('prod/eu-west-1/network')], findings({ estimate: { ...findings().estimate, seconds } })),
        terminalWording.setting,
      );
    expect(estimated(42.5)).toContain('Estimated recovery time (critical path): **42.5 s**\n');
    expect(estimated(1380)).toContain('Estimated recovery time (critical path): **23m00s** (1380 s)\n');
    expect(estimated(8297.4)).toContain('Estimated recovery time (critical path): **2h18m17s** (8297.4 s)\n');
  });

  it('names each hook the estimate counts, with what it was counted as', () => {
    const estimate = {
      ...findings().estimate,
      seconds: 64,
      hooks: [
        {
          id: 'hook:smoke:prod/eu-west-1/app',
          name: 'smoke',
          instance: 'prod/eu-west-1/app',
          seconds: 1.5,
          source: 'drill' as const,
          basis: 'measured in this drill',
        },
        {
          id: 'hook:switch',
          name: 'switch',
          instance: null,
          seconds: 60,
          source: 'timeout' as const,
          basis: 'its timeout, an upper bound: not drill_safe, so not run in a drill',
        },
      ],
    };
    const report = renderFailoverReport(
      drill([entry('prod/eu-west-1/app')], findings({ estimate })),
      terminalWording.setting,
    );
    expect(report).toContain(
      'Hooks counted, each where it runs: smoke after prod/eu-west-1/app 1.5 s (measured in this drill); switch 60 s (its timeout, an upper bound: not drill_safe, so not run in a drill).',
    );
    expect(renderFailoverReport(drill([entry('prod/eu-west-1/app')]), terminalWording.setting)).not.toContain(
      'Hooks counted',
    );
  });

  it('plans on mocks: not "live state"; names the instances, their mocks, and what is unproven', () => {
    const report = renderFailoverReport(
      drill([
        entry('prod/eu-west-1/db'),
        entry('prod/eu-west-1/api', { mockedUpstreams: ['prod/eu-west-1/db'] }),
      ]),
      terminalWording.setting,
    );
    expect(report).not.toContain('planned against live state');
    expect(report).toContain(
      'Ready as far as plans on mocks show: 1 of 2 instances were planned on the mock outputs of upstreams not applied in eu-west-1 yet: prod/eu-west-1/api (mocks of prod/eu-west-1/db).',
    );
    expect(report).toContain("Unproven for those: that the upstreams' real outputs");
    expect(report).toContain(
      '| prod/eu-west-1/api | yes | — | — | yes (on mocks of prod/eu-west-1/db) | +1 ~0 -0 |  |',
    );
  });

  it('an instance deferred until the failover applies its upstream: Ready as far as previewable, the row says so', () => {
    const report = renderFailoverReport(
      drill([
        entry('prod/eu-west-1/db'),
        entry('prod/eu-west-1/api', {
          planSucceeded: false,
          changes: null,
          deferredUntil: ['prod/eu-west-1/db'],
        }),
      ]),
      terminalWording.setting,
    );
    expect(report).not.toContain('planned against live state');
    expect(report).not.toContain('Not ready');
    expect(report).toContain(
      'Ready as far as the failover can preview: 1 of 2 instances cannot be planned before the failover applies the upstreams it creates (no mock_outputs): prod/eu-west-1/api (after prod/eu-west-1/db).',
    );
    expect(report).toContain(
      '| prod/eu-west-1/api | yes | — | — | deferred until prod/eu-west-1/db is applied |',
    );
  });

  it('a stale replica: Not ready, the reason in the row, and the replica section', () => {
    const stale = {
      id: 'dns',
      primaryRegion: 'eu-west-2',
      replicaRegion: 'eu-west-1',
      status: 'stale' as const,
      detail: 'the replica is at serial 3, the primary at 5: replication is behind or broken',
    };
    const report = renderFailoverReport(
      drill(
        [
          entry('prod/eu-west-1/app', {
            replicaReachable: true,
            replicaFresh: false,
            reason: `replica of dns stale: ${stale.detail}`,
          }),
        ],
        findings({ ready: false, replicas: [stale] }),
      ),
      terminalWording.setting,
    );
    expect(report).toContain(
      '**Not ready**: 1 of 1 instances are not (the reason is beside each NO); 1 replica is not fresh (see Replicas).',
    );
    expect(report).toContain(
      '| prod/eu-west-1/app | yes | yes | NO | yes | +1 ~0 -0 | replica of dns stale: the replica is at serial 3',
    );
    expect(report).toContain('### Replicas of failed-region state');
    expect(report).toContain('| dns | eu-west-2 → eu-west-1 | NO (stale) | the replica is at serial 3');
  });

  it('the recovery point against dr.rpo: each point with its age, an unmet objective as Not ready', () => {
    const problem = 'the latest recovery point of prod/eu-west-1/network is 3h old, older than dr.rpo 1h';
    const report = renderFailoverReport(
      drill(
        [entry('prod/eu-west-1/network')],
        findings({
          ready: false,
          recoveryPoint: {
            rpo: '1h',
            checks: [
              {
                id: 'prod/eu-west-1/network',
                value: '2026-05-04T09:00:00Z',
                ageSeconds: 10_800,
                withinRpo: false,
                problem,
              },
            ],
            problem: null,
          },
        }),
      ),
      terminalWording.setting,
    );
    expect(report).toContain(
      '**Not ready**: every instance planned, but 1 recovery point does not meet dr.rpo (see Recovery point).',
    );
    expect(report).toContain('Objective (dr.rpo): data no older than **1h** at the time of a failover.');
    expect(report).toContain(`| prod/eu-west-1/network | 2026-05-04T09:00:00Z | 3h | NO: ${problem} |`);
  });

  it('an objective nothing publishes: the drill-level reason', () => {
    const problem = 'dr.rpo is 1h but no instance the drill read publishes the output strata_recovery_point';
    const report = renderFailoverReport(
      drill([entry('a')], findings({ ready: false, recoveryPoint: { rpo: '1h', checks: [], problem } })),
      terminalWording.setting,
    );
    expect(report).toContain(`**Not ready**: every instance planned, but ${problem}.`);
    expect(report).toContain(`**Not met**: ${problem}.`);
  });
});

describe('renderFailoverReport of the plan job of a real move', () => {
  const planned = (): RunResult => {
    const run = drill([entry('prod/eu-west-1/network'), entry('prod/eu-west-1/app')]);
    const instance = (
      id: string,
      changes: { add: number; change: number; destroy: number; replace: number },
    ) =>
      ({
        id,
        layer: id.split('/').at(-1)!,
        scope: 'region',
        account: 'prod',
        region: 'eu-west-1',
        environment: null,
        status: 'succeeded',
        startedAt: '2026-05-04T12:00:00.000Z',
        finishedAt: '2026-05-04T12:00:01.000Z',
        durationMs: 1000,
        changes,
      }) as unknown as RunResult['instances'][number];
    return {
      ...run,
      instances: [
        instance('prod/eu-west-1/network', { add: 0, change: 0, destroy: 0, replace: 0 }),
        instance('prod/eu-west-1/app', { add: 1, change: 0, destroy: 1, replace: 1 }),
      ],
    };
  };
  const plans = new Map([
    ['prod/eu-west-1/network', 'No changes.'],
    [
      'prod/eu-west-1/app',
      '  # aws_instance.app must be replaced\n-/+ resource "aws_instance" "app" {\n    }',
    ],
  ]);

  it('is titled as a plan awaiting approval, not a drill, and shows the plans an approver must see', () => {
    const report = renderFailoverReport(planned(), terminalWording.setting, {
      awaitingApproval: true,
      plans,
    });
    expect(report.split('\n')[0]).toBe(
      '## Failover plan (awaiting approval) eu-west-2 → eu-west-1: succeeded',
    );
    expect(report).toContain(
      '  title failover plan (awaiting approval) eu-west-2 to eu-west-1 (your local time)\n',
    );
    expect(report).not.toMatch(/^#.*drill/im);
    expect(report).toContain('### Plans\n\n**1 instance: no changes**\n');
    expect(report).toContain(
      '<details><summary>prod/eu-west-1/app — +1 ~0 -1 — ⚠️ 1 to replace</summary>\n\n```diff\n  # aws_instance.app must be replaced\n-/+ resource "aws_instance" "app" {',
    );
  });

  it('cuts the plans to what is left of the limit, and leaves them out when nothing useful fits', () => {
    const long = `-/+ resource "aws_instance" "app" {\n${'      ~ tag = "a" -> "b"\n'.repeat(5000)}    }`;
    const big = new Map([['prod/eu-west-1/app', long]]);
    const whole = renderFailoverReport(planned(), terminalWording.setting, {
      awaitingApproval: true,
      plans: big,
    });
    const cut = renderFailoverReport(planned(), terminalWording.setting, {
      awaitingApproval: true,
      plans: big,
      maxBytes: 60_000,
    });
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(60_000);
    expect(cut).toContain('**1 of 1 plan cut**');
    expect(whole.length).toBeGreaterThan(cut.length);
    const bare = Buffer.byteLength(
      renderFailoverReport(planned(), terminalWording.setting, { awaitingApproval: true }),
      'utf8',
    );
    const tiny = renderFailoverReport(planned(), terminalWording.setting, {
      awaitingApproval: true,
      plans: big,
      maxBytes: bare + 500,
    });
    expect(Buffer.byteLength(tiny, 'utf8')).toBeLessThanOrEqual(bare + 500);
    expect(tiny).toContain('_The 1 plan with changes or errors was left out');
  });

  it('a drill keeps its title', () => {
    expect(renderFailoverReport(planned(), terminalWording.setting, { plans }).split('\n')[0]).toBe(
      '## Failover drill eu-west-2 → eu-west-1: succeeded',
    );
  });
});
