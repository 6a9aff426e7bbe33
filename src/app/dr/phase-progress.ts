import type { LayerGraph } from '../../core/graph/types.js';
import { getOrThrow } from '../../core/lookup.js';
import type { HookResult, InstanceResult, RunResult } from '../../core/run-result.js';
import { pendingResult } from '../../engine/instance-result-reducer.js';
import type { EngineReporter } from '../../engine/run-engine.js';

/**
 * Progress over a move run as several engine runs, one per phase: each phase's reporter shows the whole move
 * (the earlier phases' results, this one's, the later ones still pending) under the phase's name, so the
 * counters go on across phases (`[promote 3/12]`, then `[retire 6/12]`) instead of starting again at 1. Hooks
 * are passed on with the hooks of the phases before (the result file a killed failback leaves lists them all).
 */
export function phaseProgress(
  reporter: EngineReporter,
  phases: readonly { name: string; ids: readonly string[] }[],
  graph: LayerGraph,
) {
  const done: InstanceResult[] = [];
  const doneHooks: HookResult[] = [];
  let startedAt: string | undefined;
  return {
    reporterFor(name: string): EngineReporter {
      const index = phases.findIndex((phase) => phase.name === name);
      const later = phases
        .slice(index + 1)
        .flatMap((phase) => phase.ids.map((id) => pendingResult(getOrThrow(graph.byId, id, 'instance'))));
      const wholeMove = (run: RunResult): RunResult => {
        startedAt ??= run.startedAt;
        const hooks = [...doneHooks, ...(run.hooks ?? [])];
        return {
          ...run,
          startedAt,
          phase: name,
          instances: [...done, ...run.instances, ...later],
          ...(hooks.length > 0 ? { hooks } : {}),
        };
      };
      return {
        instanceChanged(instance, run) {
          reporter.instanceChanged(instance, wholeMove(run));
        },
        hookChanged(hook, run) {
          reporter.hookChanged?.(hook, wholeMove(run));
        },
        instanceOutput: (instance, sections) => reporter.instanceOutput(instance, sections),
        secrets: (values) => {
          reporter.secrets(values);
        },
      };
    },
    /** A phase's run ended: its results count as done in the phases after it. */
    finished(run: RunResult) {
      done.push(...run.instances);
      doneHooks.push(...(run.hooks ?? []));
    },
  };
}
