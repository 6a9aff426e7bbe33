import { createHookRunner } from '../../adapters/hook-runner.js';
import { scheduleHooks, type HookMove } from '../../core/dr/hooks.js';
import type { LayerGraph } from '../../core/graph/types.js';
import type { HookPoint, Manifest } from '../../core/manifest/types.js';
import type { Dag } from '../../core/schedule/dag.js';
import type { EngineHooks } from '../../engine/engine-hooks.js';
import type { ProcessRunner } from '../../engine/process-runner.js';
import type { EngineSetup } from '../engine-setup.js';

/**
 * The hooks of one engine run of a failover or failback at `points`, ready for the engine (undefined when
 * none runs), and the notes on those a drill leaves out.
 */
export function hooksOfRun(
  setup: Pick<EngineSetup, 'base' | 'env'>,
  runner: ProcessRunner,
  run: { manifest: Manifest; graph: LayerGraph; dag: Dag },
  move: HookMove,
  points: readonly HookPoint[],
): { hooks: EngineHooks | undefined; notes: string[] } {
  const { tasks, notes } = scheduleHooks(run.manifest, run.graph, run.dag, move, points);
  if (tasks.length === 0) return { hooks: undefined, notes };
  const { base } = setup;
  const runHook = createHookRunner({
    runner,
    manifestDirectory: base.manifestDirectory,
    workDirectory: base.workDirectory,
    env: setup.env,
    redactor: base.redactor,
    signal: base.signal,
    graceMs: base.graceMs,
  });
  return { hooks: { tasks, run: runHook }, notes };
}
