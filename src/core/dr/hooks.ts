import type { LayerGraph } from '../graph/types.js';
import type { HookPoint, HookSpec, Manifest } from '../manifest/types.js';
import type { Dag } from '../schedule/dag.js';
import { dependentsOf } from '../schedule/dag.js';
import { getOrThrow } from '../lookup.js';

/** The move a hook is part of: the region brought up (`to`), the one left (`from`), whether it is a drill. */
export interface HookMove {
  mode: 'failover' | 'failback';
  from: string;
  to: string;
  dryRun: boolean;
}

/**
 * One run of a hook inside an engine run: where it sits in the order (what it waits for, what waits for it),
 * the environment that tells it its context, and the instances whose outputs it is given (in a file).
 */
export interface HookTask {
  /** `hook:<name>`, or `hook:<name>:<instance id>` for a hook that follows each instance of a layer. */
  id: string;
  hook: HookSpec;
  /** The instance it follows (after_layer), or null. */
  instance: string | null;
  /** Ids of the run (instances, other hooks) it waits for. */
  after: readonly string[];
  /** Ids of the run's instances that wait for it: skipped when it fails. */
  before: readonly string[];
  /** STRATA_* context variables; never an output value (those go through the outputs file only). */
  env: Readonly<Record<string, string>>;
  /** The instances whose outputs the hook's STRATA_UPSTREAM_OUTPUTS file holds. */
  outputsOf: readonly string[];
}

/** The hooks one engine run of a move runs, and what was left out (a drill runs drill_safe hooks only). */
export interface HookSchedule {
  tasks: HookTask[];
  notes: string[];
}

/**
 * The hooks at `points` for one engine run over `dag`: a `before_failover` hook before every instance; an
 * `after_layer` hook once after each instance of its layer in `move.to`, before that instance's dependents;
 * an `after_failover` or `after_failback` hook after every instance and every other hook. In a drill only the
 * hooks marked `drill_safe` run; the others are named in the notes.
 */
export function scheduleHooks(
  manifest: Manifest,
  graph: LayerGraph,
  dag: Dag,
  move: HookMove,
  points: readonly HookPoint[],
): HookSchedule {
  const notes: string[] = [];
  const hooks = (manifest.hooks ?? []).filter((hook) => points.includes(hook.when));
  const runnable = hooks.filter((hook) => !move.dryRun || hook.drillSafe);
  for (const hook of hooks) {
    if (!runnable.includes(hook))
      notes.push(`hook '${hook.name}' (${hook.when}) not run in a drill: it is not marked drill_safe`);
  }
  const base = {
    STRATA_MODE: move.mode,
    STRATA_DRILL: String(move.dryRun),
    STRATA_REGION: move.to,
    STRATA_FAILED_REGION: move.from,
  };
  const withHook = (hook: HookSpec) => ({ ...base, STRATA_HOOK: hook.name, STRATA_HOOK_POINT: hook.when });
  const dependents = dependentsOf(dag);
  const roots = dag.ids.filter((id) => (dag.dependsOn.get(id) ?? []).length === 0);
  const tasks: HookTask[] = [];

  for (const hook of runnable.filter((candidate) => candidate.when === 'before_failover')) {
    tasks.push({
      id: `hook:${hook.name}`,
      hook,
      instance: null,
      after: [],
      before: roots,
      env: withHook(hook),
      outputsOf: [],
    });
  }
  for (const hook of runnable.filter((candidate) => candidate.when === 'after_layer')) {
    for (const id of dag.ids) {
      const instance = getOrThrow(graph.byId, id, 'instance');
      if (instance.layer !== hook.layer || instance.region !== move.to) continue;
      tasks.push({
        id: `hook:${hook.name}:${id}`,
        hook,
        instance: id,
        after: [id],
        before: dependents.get(id) ?? [],
        env: {
          ...withHook(hook),
          STRATA_INSTANCE: id,
          STRATA_LAYER: instance.layer,
          STRATA_ACCOUNT: instance.account ?? '',
          STRATA_ACCOUNT_ID: instance.accountId ?? '',
          STRATA_ENVIRONMENT: instance.environment ?? '',
        },
        outputsOf: [id],
      });
    }
  }
  const inner = tasks.map((task) => task.id);
  for (const hook of runnable.filter((c) => c.when === 'after_failover' || c.when === 'after_failback')) {
    tasks.push({
      id: `hook:${hook.name}`,
      hook,
      instance: null,
      after: [...dag.ids, ...inner],
      before: [],
      env: withHook(hook),
      outputsOf: dag.ids,
    });
  }
  return { tasks, notes };
}

/** The run's Dag with the hooks in it: each waits for its `after` ids, and its `before` ids wait for it. */
export function dagWithHooks(dag: Dag, tasks: readonly HookTask[]): Dag {
  if (tasks.length === 0) return dag;
  const dependsOn = new Map<string, string[]>();
  for (const id of dag.ids) dependsOn.set(id, [...(dag.dependsOn.get(id) ?? [])]);
  for (const task of tasks) {
    dependsOn.set(task.id, [...task.after]);
    for (const id of task.before) dependsOn.get(id)?.push(task.id);
  }
  return { ids: [...dag.ids, ...tasks.map((task) => task.id)], dependsOn };
}
