import { UsageError } from './errors.js';
import type { RunResult } from './run-result.js';

/** Checks that a parsed file is a Strata result (as `--json-out` and the action write them). */
export function asRunResult(value: unknown, source: string): RunResult {
  const candidate = value as Partial<RunResult> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    candidate.version !== 1 ||
    !Array.isArray(candidate.instances) ||
    typeof candidate.command !== 'string'
  ) {
    throw new UsageError(
      `${source} is not a Strata result file (expected {"version": 1, "command", "instances": [...]})`,
    );
  }
  return candidate as RunResult;
}

const STATUS_ORDER: RunResult['status'][] = ['succeeded', 'cancelled', 'failed'];

/**
 * One result from the results of several matrix jobs: their instances together (an instance reported twice
 * keeps its last report), the earliest start, the latest end, the worst status.
 */
export function mergeResults(results: readonly RunResult[]): RunResult {
  const [first] = results;
  if (first === undefined) throw new UsageError('No result files to merge');
  const instances = new Map(
    results.flatMap((result) => result.instances.map((instance) => [instance.id, instance])),
  );
  const started = results.map((result) => result.startedAt).reduce((a, b) => (b < a ? b : a));
  const finished = results
    .map((result) => result.finishedAt)
    .filter((value): value is string => value !== null);
  const finishedAt = finished.length === results.length ? finished.reduce((a, b) => (b > a ? b : a)) : null;
  return {
    ...first,
    status: results
      .map((result) => result.status)
      .reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a)),
    startedAt: started,
    finishedAt,
    durationMs: finishedAt === null ? null : Date.parse(finishedAt) - Date.parse(started),
    hasChanges: results.some((result) => result.hasChanges),
    instances: [...instances.values()],
  };
}
