import type { Manifest } from '../core/manifest/types.js';
import {
  type AllowedDestroy,
  changesOf,
  hasChanges,
  type InstanceResult,
  type InstanceStatus,
  type RunResult,
} from '../core/run-result.js';
import { remainingPathLengths } from '../core/schedule/critical-path.js';
import type { Dag } from '../core/schedule/dag.js';
import { ReadyQueue } from '../core/schedule/ready-queue.js';
import { InstancePipeline, type InstancePipelineOptions } from './instance-pipeline.js';
import { pendingResult, reduceInstanceResult, type InstanceEvent } from './instance-result-reducer.js';
import { getOrThrow } from '../core/lookup.js';

/** What the engine tells the outside world while it runs; the CLI and the action render it their own way. */
export interface EngineReporter {
  /** An instance changed state (started, a step began, finished). `run` is the whole result so far. */
  instanceChanged(instance: InstanceResult, run: RunResult): void;
  /** An instance finished: its Terraform output, one section per command, to be shown as one block. */
  instanceOutput(instance: InstanceResult, sections: { title: string; logFile: string }[]): Promise<void>;
  /** Values that must never be shown (sensitive outputs and variables), as soon as they are known. */
  secrets(values: readonly string[]): void;
}

export interface EngineOptions extends Omit<
  InstancePipelineOptions,
  'now' | 'secrets' | 'hasDependentsInRun'
> {
  manifest: Manifest;
  /** The selected instances and the order between them (for destroy, already reversed). */
  dag: Dag;
  reporter: EngineReporter;
  parallelism: number;
  failFast: boolean;
  /** Expected durations (e.g. from a previous run), to start the longest remaining path first. */
  durationHints?: ReadonlyMap<string, number> | undefined;
  now?: (() => Date) | undefined;
}

/**
 * Reporters show progress: a step beginning and an outcome. What the pipeline learns along the way (mocked
 * upstreams, the plan file, the changes) reaches them with the next of those.
 */
const REPORTED: ReadonlySet<InstanceEvent['type']> = new Set(['step-began', 'finished', 'not-run']);

/**
 * Runs Terraform over the selected instances in dependency order, at most `parallelism` at once, passing each
 * instance the outputs of what it depends on. Never throws because an instance failed: the outcome of each is
 * in the returned result, and the caller decides the exit code.
 *
 * This is the scheduler: it drives the ready queue and records what happens as events, each folded into a
 * new result; what an instance does is the pipeline's.
 */
export async function runEngine(options: EngineOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const results = new Map<string, InstanceResult>(
    options.dag.ids.map((id) => [id, pendingResult(getOrThrow(options.graph.byId, id, 'instance'))]),
  );
  const header = {
    version: 1 as const,
    command: options.command,
    manifest: options.manifest.file,
    startedAt: startedAt.toISOString(),
    terraform: { binary: options.terraform.executable, version: options.terraform.version },
    parallelism: options.parallelism,
  };
  const snapshot = (): RunResult => {
    const instances = [...results.values()];
    return {
      ...header,
      // Until the end: every result file written meanwhile (and left by a killed run) says it has not finished.
      status: 'running',
      finishedAt: null,
      durationMs: null,
      hasChanges: instances.some((instance) => hasChanges(changesOf(instance))),
      instances,
    };
  };
  const record = (id: string, event: InstanceEvent): InstanceResult => {
    const result = reduceInstanceResult(getOrThrow(results, id, 'result'), event);
    results.set(id, result);
    if (REPORTED.has(event.type)) options.reporter.instanceChanged(result, snapshot());
    return result;
  };

  // The instances whose outputs another instance of this run reads: only theirs are read for dependents.
  const readByRun = new Set(
    options.dag.ids.flatMap((id) =>
      options.graph.inputsOf(id).flatMap((input) => input.sources.map((source) => source.id)),
    ),
  );
  const allowedDestroys: AllowedDestroy[] = [];
  const { planGuard } = options;
  const pipeline = new InstancePipeline({
    ...options,
    planGuard:
      planGuard &&
      ((instance, changes) => {
        const verdict = planGuard(instance, changes);
        if (verdict.accepted && verdict.allowed.length > 0)
          allowedDestroys.push({ id: instance.id, resources: verdict.allowed });
        return verdict;
      }),
    hasDependentsInRun: (id) => readByRun.has(id),
    now,
    secrets: (values) => {
      options.reporter.secrets(values);
    },
  });
  const cost = (id: string) => options.durationHints?.get(id) ?? 1;
  const queue = new ReadyQueue(options.dag, remainingPathLengths(options.dag, cost));
  const running = new Map<string, Promise<void>>();
  let stopReason: string | undefined;
  let outputs = Promise.resolve();

  const runInstance = async (id: string): Promise<InstanceResult> => {
    const begin = performance.now();
    record(id, { type: 'started', at: now().toISOString() });
    const outcome = await pipeline.run(getOrThrow(options.graph.byId, id, 'instance'), (event) =>
      record(id, event),
    );
    return record(id, {
      type: 'finished',
      outcome,
      at: now().toISOString(),
      durationMs: Math.round(performance.now() - begin),
    });
  };
  const start = (id: string) => {
    const work = runInstance(id).then((result) => {
      running.delete(id);
      for (const dropped of queue.finish(id, result.status === 'succeeded')) {
        // Below a cancelled instance the run was cancelled too; below a failure or a wait, work was skipped.
        record(
          dropped,
          result.status === 'cancelled'
            ? { type: 'not-run', status: 'cancelled', reason: 'the run was cancelled' }
            : { type: 'not-run', status: 'skipped', reason: `upstream ${id} ${result.status}` },
        );
      }
      if (result.status === 'failed' && options.failFast)
        stopReason ??= `stopped by --fail-fast after ${id} failed`;
      // One instance's output at a time, so blocks (and GitHub's log groups) never interleave; printed in the
      // background, so the instances that were waiting for this one start without waiting for its output.
      outputs = outputs.then(() => options.reporter.instanceOutput(result, pipeline.sectionsOf(id)));
    });
    running.set(id, work);
  };

  const onAbort = () => (stopReason ??= 'the run was cancelled');
  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  try {
    while (!queue.isDone) {
      if (stopReason === undefined) {
        for (const id of queue.take(options.parallelism - queue.runningCount)) start(id);
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    await Promise.all(running.values());
    await outputs;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
  for (const id of queue.drain()) {
    record(id, { type: 'not-run', status: 'cancelled', reason: stopReason ?? 'not started' });
  }

  const finishedAt = now();
  const run = snapshot();
  return {
    ...run,
    status: runStatus(run.instances.map((instance) => instance.status)),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    ...(allowedDestroys.length > 0 ? { allowedDestroys } : {}),
  };
}

/** A run failed when any instance failed or was skipped, else was cancelled when any was. */
function runStatus(statuses: readonly InstanceStatus[]): RunResult['status'] {
  if (statuses.some((status) => status === 'failed' || status === 'skipped')) return 'failed';
  if (statuses.includes('cancelled')) return 'cancelled';
  return 'succeeded';
}
