import type { HookTask } from '../core/dr/hooks.js';
import type { HookResult } from '../core/run-result.js';

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

/** The hooks of one engine run and how to run one (app/dr/run-hooks.ts). */
export interface EngineHooks {
  tasks: readonly HookTask[];
  run: RunHook;
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
