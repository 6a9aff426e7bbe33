import { UsageError } from './errors.js';
import {
  FINISHED,
  identityOf,
  type InstanceIdentity,
  type InstanceResult,
  type RunResult,
} from './run-result.js';
import type { FailoverGuardReport } from './dr/failover-result.js';

const STATUS_ORDER: RunResult['status'][] = ['succeeded', 'running', 'cancelled', 'failed'];

/**
 * One result from the results of several matrix jobs: their instances together (an instance reported twice
 * keeps its last report), the earliest start, the latest end, the worst status (a job that has not finished,
 * `running`, is worse than a success).
 */
export function mergeResults(results: readonly RunResult[]): RunResult {
  const [first] = results;
  if (first === undefined) throw new UsageError('No result files to merge');
  const instances = new Map(
    results.flatMap((result) => result.instances.map((instance) => [instance.id, instance])),
  );
  const allowedDestroys = results.flatMap((result) => result.allowedDestroys ?? []);
  const hooks = results.flatMap((result) => result.hooks ?? []);
  const failoverGuard = mergeFailoverGuards(results);
  const started = results.map((result) => result.startedAt).reduce((a, b) => (b < a ? b : a));
  const finished = results
    .map((result) => result.finishedAt)
    .filter((value): value is string => value !== null);
  const finishedAt = finished.length === results.length ? finished.reduce((a, b) => (b > a ? b : a)) : null;
  const reviewed = results.flatMap((result) => (result.reviewedPlan ? [result.reviewedPlan] : []));
  return {
    ...first,
    ...(reviewed[0] && {
      reviewedPlan: {
        stalePlans: reviewed[0].stalePlans,
        replanned: [
          ...new Map(
            reviewed.flatMap((report) => report.replanned).map((entry) => [entry.id, entry]),
          ).values(),
        ],
      },
    }),
    status: results
      .map((result) => result.status)
      .reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a)),
    startedAt: started,
    finishedAt,
    durationMs: finishedAt === null ? null : Date.parse(finishedAt) - Date.parse(started),
    hasChanges: results.some((result) => result.hasChanges),
    instances: [...instances.values()],
    ...(allowedDestroys.length > 0 ? { allowedDestroys } : {}),
    ...(hooks.length > 0 ? { hooks } : {}),
    ...(failoverGuard ? { failoverGuard } : {}),
  };
}

/** The failover guard's reports of the legs that used the override, each region once (legs read the same records). */
function mergeFailoverGuards(results: readonly RunResult[]): FailoverGuardReport | undefined {
  const reports = results.flatMap((result) => (result.failoverGuard ? [result.failoverGuard] : []));
  if (reports.length === 0) return undefined;
  const byRegion = <T extends { region: string }>(entries: T[]) => [
    ...new Map(entries.map((entry) => [entry.region, entry])).values(),
  ];
  const provenEmpty = reports.flatMap((report) => report.provenEmpty ?? []);
  return {
    ignoredRecords: byRegion(reports.flatMap((report) => report.ignoredRecords)),
    ...(reports.some((report) => report.provenEmpty) ? { provenEmpty: byRegion(provenEmpty) } : {}),
  };
}

/** The reason a report gives an instance that no job reported. */
export const NOT_REPORTED =
  'not run: no result file reports it (its stage did not run, or its job uploaded no result)';

/**
 * The report of a matrix run: the jobs' results merged over every instance the run was meant to cover, so
 * that what no job reported (a stage that never ran, a job that uploaded nothing) is listed as not run
 * (skipped, with the reason) instead of vanishing. The report is final: it succeeds only when every instance
 * succeeded, so a job that never finished (killed, its file still `running`, its instances pending or
 * running) makes it fail.
 */
export function mergeReport(results: readonly RunResult[], expected: readonly InstanceIdentity[]): RunResult {
  const merged = mergeResults(results);
  const reported = new Set(merged.instances.map((instance) => instance.id));
  const notRun = expected
    .filter((instance) => !reported.has(instance.id))
    .map((instance): InstanceResult => ({
      ...identityOf(instance),
      status: 'skipped',
      reason: NOT_REPORTED,
    }));
  const instances = [...merged.instances, ...notRun];
  const unfinished =
    merged.status === 'running' || instances.some((instance) => !FINISHED.has(instance.status));
  const failed = instances.some((instance) => instance.status === 'failed' || instance.status === 'skipped');
  return { ...merged, status: unfinished || failed ? 'failed' : merged.status, instances };
}
