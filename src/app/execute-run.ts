import { createLayerCodeReader } from '../adapters/layer-code.js';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { UsageError } from '../core/errors.js';
import type { Instance } from '../core/graph/types.js';
import { planResume } from '../core/resume.js';
import { changesOf, hasChanges, type EngineCommand, type RunResult } from '../core/run-result.js';
import { selectInstances } from '../core/selection/select-instances.js';
import { reverseDag, type Dag } from '../core/schedule/dag.js';
import { runEngine } from '../engine/run-engine.js';
import type { InstanceContext } from '../engine/var-file.js';
import { steadyStateContext } from './steady-state-context.js';
import type { Redactor } from '../terraform/redact.js';
import { guardAgainstFailover } from './dr/failover-guard.js';
import { refuseHalfMigrated } from './migrate/half-migration.js';
import { readRestoredContext } from './dr/restored-context.js';
import type { RestoredContext } from '../core/dr/restored-context.js';
import { selectLeavingOut, selectionForEnvironment, type SelectionSettings } from './select.js';
import type { LeftOut } from '../core/dr/failed-regions.js';
import { setUpEngine, type EngineAdapters, type EngineSettings } from './engine-setup.js';
import { definedOrThrow } from '../core/lookup.js';
import { buildReviewedPlan, type ReplannedInstance, type StalePlans } from '../core/reviewed-plan.js';
import type { FreshPlanCheck } from '../engine/saved-plan-check.js';
import { checkAgainstReviewedPlan, readReviewedPlan, writeReviewedPlan } from './reviewed-plan.js';

/** Everything a plan, apply or destroy run needs, as the CLI flags or the action inputs give it. */
export interface RunSettings extends EngineSettings {
  command: EngineCommand;
  manifestFile: string;
  selection: SelectionSettings;
  /** A per-pull-request environment to add to the ephemeral accounts; the run then selects only it. */
  ephemeralEnvironment?: string | undefined;
  failFast: boolean;
  /** A previous result of the same command: run again only what did not succeed, and what depends on it. */
  resume?: RunResult | undefined;
  /**
   * Regions whose failover record an apply or destroy may go ahead without reading, when it cannot be read
   * (the override of the failover guard, recorded in the result). A record that is read still counts.
   */
  ignoreFailoverRecord?: readonly string[] | undefined;
  /**
   * The run is `migrate apply` proving a move (its plan and apply of the instance between writing the new state
   * and trimming the old): the one run that must go ahead while the instance is half migrated, and that runs
   * under the state lock the migration holds.
   */
  isMigrationStep?: boolean | undefined;
  /**
   * With `planDirectory`, what to do with a saved plan that cannot be applied as saved (see StalePlans);
   * default `refuse`.
   */
  stalePlans?: StalePlans | undefined;
}

/** Called once the binary's version is known and before the first Terraform command, and after the run. */
export interface RunHooks {
  beforeEngine?(info: {
    terraformVersion: string;
    pluginCacheDirectory: string;
    loaded: LoadedManifest;
  }): Promise<void>;
  afterEngine?(): Promise<void>;
}

export interface RunAdapters extends EngineAdapters {
  hooks?: RunHooks | undefined;
}

export interface ExecutedRun {
  run: RunResult;
  loaded: LoadedManifest;
  dag: Dag;
  /** Masks every secret the run met; the entries use it on whatever they render. */
  redactor: Redactor;
  workDirectory: string;
  /** What the selection left out because its region is marked failed; the entries say so. */
  leftOut: LeftOut[];
}

/**
 * The one path from settings to a finished run, shared by the CLI and the action: load and check the
 * manifest, select instances, check the Terraform binary, run the engine.
 */
export async function executeRun(settings: RunSettings, adapters: RunAdapters): Promise<ExecutedRun> {
  if (settings.planDirectory !== undefined && settings.command !== 'apply') {
    throw new UsageError(
      (name) => `${name('plan-dir')} only goes with apply: it applies the plans an earlier plan run saved`,
    );
  }
  if (settings.stalePlans === 'replan' && settings.planDirectory === undefined) {
    throw new UsageError(
      (name) =>
        `${name('stale-plans')} replan goes with ${name('plan-dir')}: it plans afresh the saved plans that cannot be applied as saved`,
    );
  }
  const loaded = loadManifest(settings.manifestFile, settings.cwd, {
    ephemeralEnvironment: settings.ephemeralEnvironment,
  });
  const layerCode = createLayerCodeReader(loaded.directory);
  const selection = selectionForEnvironment(settings.selection, settings.ephemeralEnvironment);
  const { dag: selected, leftOut } = selectLeavingOut(loaded, selection, {
    manifestFile: settings.manifestFile,
    cwd: settings.cwd,
    layerCode,
  });
  let kept: RunResult['instances'] = [];
  let toRun = selected;
  if (settings.resume) {
    // Destroy runs the reverse order: what a failed destroy holds back is what it depends on.
    const order = settings.command === 'destroy' ? reverseDag(selected) : selected;
    const resume = planResume(settings.resume, order, settings.command);
    kept = resume.kept;
    toRun = selectInstances(loaded.graph, { instances: [...resume.rerun], within: new Set(resume.rerun) });
    if (resume.rerun.size === 0) toRun = { ids: [], dependsOn: new Map() };
  }
  const dag = settings.command === 'destroy' ? reverseDag(toRun) : toRun;

  const { terraform, env, workDirectory, base } = await setUpEngine(settings, loaded, adapters, layerCode);
  if (!settings.isMigrationStep) {
    await refuseHalfMigrated(settings, adapters, { loaded, terraform, workDirectory }, toRun.ids);
  }
  // A failover pending or in effect holds every apply and destroy; see core/dr/failover-guard.ts.
  const guard =
    settings.command === 'plan'
      ? undefined
      : await guardAgainstFailover(
          loaded,
          toRun,
          terraform,
          workDirectory,
          settings.ignoreFailoverRecord ?? [],
        );
  const restored = await readRestoredContext(loaded, toRun, terraform, workDirectory, guard?.records);
  await adapters.hooks?.beforeEngine?.({
    terraformVersion: terraform.version,
    pluginCacheDirectory: definedOrThrow(env.TF_PLUGIN_CACHE_DIR, 'TF_PLUGIN_CACHE_DIR'),
    loaded,
  });

  const replanned: ReplannedInstance[] = [];
  let freshPlanCheck: FreshPlanCheck | undefined;
  if (base.planDirectory !== undefined && settings.stalePlans === 'replan') {
    const reviewed = await readReviewedPlan(base.planDirectory);
    freshPlanCheck = checkAgainstReviewedPlan(reviewed, (entry) => replanned.push(entry));
  }

  const run = await runEngine({
    ...base,
    command: settings.command,
    manifest: loaded.manifest,
    graph: loaded.graph,
    dag,
    contextOf: withRestored(steadyStateContext(loaded.manifest), restored),
    stateLocksHeld: settings.isMigrationStep,
    freshPlanCheck,
  });
  await adapters.hooks?.afterEngine?.();
  if (guard?.report) run.failoverGuard = guard.report;
  if (base.planDirectory !== undefined)
    run.reviewedPlan = { stalePlans: settings.stalePlans ?? 'refuse', replanned };
  // Beside the saved plans: what this plan showed, for an apply of them to compare fresh plans with.
  if (settings.command === 'plan') await writeReviewedPlan(buildReviewedPlan(run), workDirectory);
  if (kept.length > 0) {
    run.instances = [...kept, ...run.instances];
    run.hasChanges ||= kept.some((instance) => hasChanges(changesOf(instance)));
  }
  return { run, loaded, dag, redactor: base.redactor, workDirectory, leftOut };
}

/** The steady-state context, with what a failover or failback restored kept on the instances it restored. */
function withRestored(
  steady: (instance: Instance) => InstanceContext,
  restored: (id: string) => RestoredContext | undefined,
): (instance: Instance) => InstanceContext {
  return (instance) => ({ ...steady(instance), ...restored(instance.id) });
}
