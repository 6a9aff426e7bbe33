import type { HookTask } from '../core/dr/hooks.js';
import type { HookResult } from '../core/run-result.js';
import type { Dag } from '../core/schedule/dag.js';

/** How a hook's run ended. `logFile` is relative to the work directory. */
export type HookOutcome =
  | { status: 'succeeded'; logFile: string }
  | { status: 'failed'; error: string; logFile: string | null }
  | { status: 'cancelled'; reason: string; logFile: string | null };

/** Runs one hook, given the outputs of the instances it follows (id → outputs). Never throws for a failure. */
export type RunHook = (
  task: HookTask,
  outputs: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
) => Promise<HookOutcome>;

/** The hooks of one engine run and how to run one (app/run-hooks.ts). */
export interface EngineHooks {
  tasks: readonly HookTask[];
  run: RunHook;
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

export function pendingHook(task: HookTask, account: string | null): HookResult {
  return {
    id: task.id,
    name: task.hook.name,
    when: task.hook.when,
    instance: task.instance,
    account,
    status: 'pending',
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    error: null,
    reason: null,
    logFile: null,
  };
}
