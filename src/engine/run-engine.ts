import type { Manifest } from '../core/manifest/types.js';
import {
  type AllowedDestroy,
  changesOf,
  hasChanges,
  type InstanceResult,
  type HookResult,
  type InstanceStatus,
  type RunResult,
} from '../core/run-result.js';
import { remainingPathLengths } from '../core/schedule/critical-path.js';
import type { Dag } from '../core/schedule/dag.js';
import { ReadyQueue } from '../core/schedule/ready-queue.js';
import { InstancePipeline, type InstancePipelineOptions } from './instance-pipeline.js';
import { pendingResult, reduceInstanceResult, type InstanceEvent } from './instance-result-reducer.js';
import { definedOrThrow, getOrThrow } from '../core/lookup.js';
import { dagWithHooks } from '../core/dr/hooks.js';
import { pendingHook, type EngineHooks } from './engine-hooks.js';

/** What the engine tells the outside world while it runs; the CLI and the action render it their own way. */
export interface EngineReporter {
  /** An instance changed state (started, a step began, finished). `run` is the whole result so far. */
  instanceChanged(instance: InstanceResult, run: RunResult): void;
  /** An instance finished: its Terraform output, one section per command, to be shown as one block. */
  instanceOutput(instance: InstanceResult, sections: { title: string; logFile: string }[]): Promise<void>;
  /** Values that must never be shown (sensitive outputs and variables), as soon as they are known. */
  secrets(values: readonly string[]): void;
  /** A hook started or finished (a failover's or failback's DR steps). */
  hookChanged?(hook: HookResult, run: RunResult): void;
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
  /** DR hooks run among the instances, in the order their tasks give (core/dr/hooks.ts). */
  hooks?: EngineHooks | undefined;
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
  const hookTasks = new Map((options.hooks?.tasks ?? []).map((task) => [task.id, task]));
  const hookResults = new Map(
    [...hookTasks.values()].map((task) => [
      task.id,
      pendingHook(
        task,
        task.instance === null ? null : (options.graph.byId.get(task.instance)?.account ?? null),
      ),
    ]),
  );
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
      ...(hookResults.size > 0 ? { hooks: [...hookResults.values()] } : {}),
    };
  };
  const recordHook = (id: string, change: Partial<HookResult>): HookResult => {
    const hook = { ...getOrThrow(hookResults, id, 'hook'), ...change };
    hookResults.set(id, hook);
    options.reporter.hookChanged?.(hook, snapshot());
    return hook;
  };
  /** An instance or a hook that will not run: skipped below a failure, cancelled when the run stopped. */
  const notRun = (id: string, status: 'skipped' | 'cancelled', reason: string) => {
    if (hookResults.has(id)) recordHook(id, { status, reason });
    else record(id, { type: 'not-run', status, reason });
  };
  const record = (id: string, event: InstanceEvent): InstanceResult => {
    const result = reduceInstanceResult(getOrThrow(results, id, 'result'), event);
    results.set(id, result);
    if (REPORTED.has(event.type)) options.reporter.instanceChanged(result, snapshot());
    return result;
  };

  // The instances whose outputs another instance of this run reads: only theirs are read for dependents.
  const readByRun = new Set([
    ...options.dag.ids.flatMap((id) =>
      options.graph.inputsOf(id).flatMap((input) => input.sources.map((source) => source.id)),
    ),
    ...[...hookTasks.values()].flatMap((task) => task.outputsOf),
  ]);
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
  const dag = dagWithHooks(options.dag, [...hookTasks.values()]);
  const queue = new ReadyQueue(dag, remainingPathLengths(dag, cost));
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
  const runHook = async (id: string): Promise<HookResult> => {
    const task = getOrThrow(hookTasks, id, 'hook');
    const begin = performance.now();
    recordHook(id, { status: 'running', startedAt: now().toISOString() });
    const outcome = await readOutputsFor(task.outputsOf).then(
      (values) => definedOrThrow(options.hooks, 'the hooks').run(task, values),
      (error: unknown) => ({
        status: 'failed' as const,
        error: `reading the outputs it is given: ${error instanceof Error ? error.message : String(error)}`,
        logFile: null,
      }),
    );
    return recordHook(id, {
      status: outcome.status,
      finishedAt: now().toISOString(),
      durationMs: Math.round(performance.now() - begin),
      logFile: outcome.logFile,
      ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
      ...(outcome.status === 'cancelled' ? { reason: outcome.reason } : {}),
    });
  };
  const readOutputsFor = async (ids: readonly string[]) => {
    const values: Record<string, Readonly<Record<string, unknown>>> = {};
    for (const id of ids) {
      const instance = getOrThrow(options.graph.byId, id, 'instance');
      values[id] = await pipeline.outputValuesOf(instance);
    }
    return values;
  };
  /** After an instance or a hook ended: what waited for it runs, or is skipped, or the run stops (fail-fast). */
  const finished = (id: string, status: InstanceStatus, what: string) => {
    running.delete(id);
    for (const dropped of queue.finish(id, status === 'succeeded')) {
      // Below a cancelled instance the run was cancelled too; below a failure or a wait, work was skipped.
      if (status === 'cancelled') notRun(dropped, 'cancelled', 'the run was cancelled');
      else notRun(dropped, 'skipped', `upstream ${what} ${status}`);
    }
    if (status === 'failed' && options.failFast)
      stopReason ??= `stopped by ${options.wording.setting('fail-fast')} after ${what} failed`;
  };
  const start = (id: string) => {
    const work = hookTasks.has(id)
      ? runHook(id).then((hook) => {
          finished(id, hook.status, `hook ${hook.name}`);
        })
      : runInstance(id).then((result) => {
          finished(id, result.status, id);
          // One instance's output at a time, so blocks (and GitHub's log groups) never interleave; printed in
          // the background, so the instances that were waiting for this one start without waiting for it.
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
  for (const id of queue.drain()) notRun(id, 'cancelled', stopReason ?? 'not started');

  const finishedAt = now();
  const run = snapshot();
  return {
    ...run,
    status: runStatus([...run.instances, ...(run.hooks ?? [])].map((entry) => entry.status)),
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
