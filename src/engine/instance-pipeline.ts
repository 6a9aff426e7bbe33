import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LayerCodeReader } from '../engine/layer-code-reader.js';
import type { BackendConfig, Instance, LayerGraph } from '../core/graph/types.js';
import type { Manifest } from '../core/manifest/types.js';
import type { PlanGuard } from '../core/stateful-guard.js';
import type { EngineCommand, TerraformStep } from '../core/run-result.js';
import type { Wording } from '../core/wording.js';
import { PlanSkeletonReader } from '../terraform/plan-skeleton.js';
import { parsePlanJson } from '../terraform/plan-summary.js';
import type { Redactor } from '../terraform/redact.js';
import { InstanceDirectories, type LogSection } from './instance-directories.js';
import { InstanceInit } from './instance-init.js';
import type { InstanceEvent, InstanceOutcome } from './instance-result-reducer.js';
import { recordPlanInputs, whyNotAsSaved, type FreshPlanCheck } from './saved-plan-check.js';
import { StepFailure, stepFailure, type FailureOf } from './step-failure.js';
import type { TerraformClient } from './terraform-client.js';
import { UpstreamOutputs, WaitingOnUpstream } from './upstream-outputs.js';
import type { InstanceContext } from './var-file.js';
import { instanceDirectory } from './work-directory.js';

/** What the pipeline needs to run any instance of one run. */
export interface InstancePipelineOptions {
  command: EngineCommand;
  manifest: Manifest;
  graph: LayerGraph;
  manifestDirectory: string;
  /** Absolute; Strata keeps each instance's Terraform data, var file, plan and logs under it. */
  workDirectory: string;
  terraform: TerraformClient;
  layerCode: LayerCodeReader;
  redactor: Redactor;
  signal: AbortSignal;
  /** Apply the plans saved in this directory (the work directory of an earlier plan run) instead of planning. */
  planDirectory?: string | undefined;
  commandTimeoutMs?: number | undefined;
  graceMs?: number | undefined;
  /**
   * Where to read an upstream's outputs when not from its own backend: in a failover, the replica of state
   * that lives in the failed region. Reads are `init` and `output`, which take no state lock.
   */
  readBackendOf?: ((id: string) => BackendConfig | undefined) | undefined;
  /**
   * With `planDirectory`: what to do with an instance whose saved plan cannot be applied as saved (there is
   * none, it was made with mock outputs, or its upstreams' outputs changed since it was planned). Without it
   * such a plan is refused. With it the instance is planned afresh, and the fresh plan is applied only when
   * the check accepts it; what the check says is kept in the instance's log either way.
   */
  freshPlanCheck?: FreshPlanCheck | undefined;
  /** Checks every plan with changes before it may be applied (the guard of stateful layers); a refusal fails the instance. */
  planGuard?: PlanGuard | undefined;
  /** How the entry words what a failure names: the command that makes saved plans again, a setting. */
  wording: Wording;
  /**
   * The caller holds the state lock of every instance the run plans or applies (a migration: see
   * `TerraformClient.holdLock`): their plans and applies run with `-lock=false` instead of waiting on it.
   */
  stateLocksHeld?: boolean | undefined;
  /** Plan only, whatever the command: a dry run of an apply or a destroy saves its plans and stops there. */
  planOnly?: boolean | undefined;
  /** Role and failover context per instance; default: the region's role from the manifest. */
  contextOf?: ((instance: Instance) => InstanceContext) | undefined;
  /**
   * Called with the outputs of each instance whose state the run reads (a drill looks for its recovery point).
   * With it, the outputs of every instance the run plans or applies are read.
   */
  onOutputs?: ((id: string, values: Readonly<Record<string, unknown>>) => void) | undefined;
  /** Whether an instance of the run reads this instance's outputs: only then are they read after its run. */
  hasDependentsInRun: (id: string) => boolean;
  now: () => Date;
  /** Values that must never be shown (sensitive outputs and variables), as soon as they are known. */
  secrets: (values: readonly string[]) => void;
}

/**
 * What one instance does: init, then read its upstreams' outputs, plan, show, apply and output (or apply a
 * saved plan). Each Terraform process costs the binary's and the providers' start-up, so none runs that is
 * not needed: `init` only when the data directory was not initialised for the same backend, lock file, code
 * and binary (`instance-init.ts`); `show` and `apply` only for a plan with changes; `output` only for an
 * instance whose outputs something reads (a dependent in the run, the masking of sensitive outputs, the
 * `onOutputs` hook), and only when they cannot be taken from the plan it saved (nothing applied since).
 *
 * One pipeline serves a whole run, and keeps what instances share: outputs read so far (once per instance
 * per run, `upstream-outputs.ts`), the init gate, the work directory layout (`instance-directories.ts`). It
 * reports progress as events and returns the outcome; it never throws because Terraform failed.
 */
export class InstancePipeline {
  private readonly directories: InstanceDirectories;
  private readonly initGate: InstanceInit;
  private readonly outputs: UpstreamOutputs;
  private readonly failure: FailureOf;

  constructor(private readonly options: InstancePipelineOptions) {
    const { manifestDirectory, terraform, layerCode } = options;
    this.directories = new InstanceDirectories({
      manifestDirectory,
      workDirectory: options.workDirectory,
      signal: options.signal,
      commandTimeoutMs: options.commandTimeoutMs,
      graceMs: options.graceMs,
    });
    this.failure = (step, result, instance) => stepFailure(step, result, instance, options);
    this.initGate = new InstanceInit({
      manifestDirectory,
      terraform,
      layerCode,
      directories: this.directories,
      failure: this.failure,
      backendOf: options.graph.backendOf,
      readBackendOf: options.readBackendOf,
    });
    this.outputs = new UpstreamOutputs({
      command: options.command,
      manifest: options.manifest,
      graph: options.graph,
      terraform,
      layerCode,
      directories: this.directories,
      init: this.initGate,
      failure: this.failure,
      redactor: options.redactor,
      secrets: options.secrets,
      onOutputs: options.onOutputs,
      contextOf: options.contextOf,
    });
  }

  /** An instance's outputs: read after its plan or apply in this run, else from its state. */
  async outputValuesOf(instance: Instance): Promise<Record<string, unknown>> {
    return (await this.outputs.of(instance)).values;
  }

  sectionsOf(id: string): LogSection[] {
    return this.directories.sectionsOf(id);
  }

  async run(instance: Instance, emit: (event: InstanceEvent) => void): Promise<InstanceOutcome> {
    const { command } = this.options;
    const mocked: string[] = [];
    const mock = (id: string) => {
      if (mocked.includes(id)) return;
      mocked.push(id);
      emit({ type: 'upstream-mocked', id });
    };
    const step = (name: TerraformStep) => {
      emit({ type: 'step-began', step: name });
    };
    try {
      const directory = this.directories.directoryOf(instance.id);
      // A fresh start for everything but Terraform's data directory, which `init` vouches for.
      if (this.options.planDirectory === undefined) await this.directories.clearAllButData(instance.id);
      await mkdir(directory, { recursive: true });
      step('init');
      await this.initGate.init(instance);

      const { planDirectory } = this.options;
      if (planDirectory !== undefined) {
        await this.applySavedPlan(planDirectory, instance, emit, step, mock, mocked);
        return { status: 'succeeded' };
      }
      const plan = await this.plan(instance, emit, step, mock, mocked);
      const applies = command !== 'plan' && !this.options.planOnly && plan.meaning === 'changes';
      if (applies) {
        if (mocked.length > 0) {
          throw new StepFailure(`refusing to apply a plan made with mock outputs of ${mocked.join(', ')}`);
        }
        step('apply');
        await this.apply(instance, plan.planFile);
      }
      await this.recordOutputs(instance, step, applies ? undefined : plan.planFile);
      return { status: 'succeeded' };
    } catch (error) {
      return this.outcomeOf(error);
    }
  }

  /** Reads the upstreams, writes the var file and what a saved plan is checked by, plans, and summarises the plan. */
  private async plan(
    instance: Instance,
    emit: (event: InstanceEvent) => void,
    step: (name: TerraformStep) => void,
    mock: (id: string) => void,
    mocked: readonly string[],
  ) {
    const directory = this.directories.directoryOf(instance.id);
    step('read-upstream');
    const variables = await this.outputs.variablesFor(instance, mock);
    const varFile = path.join(directory, 'variables.tfvars.json');
    await writeFile(varFile, `${JSON.stringify(variables, null, 2)}\n`, { mode: 0o600 });
    await recordPlanInputs(directory, { variables, codeDigest: this.codeDigestOf(instance), mocked });
    const planFile = path.join(directory, 'plan.tfplan');
    step('plan');
    const plan = await this.options.terraform.plan(this.directories.call(instance, 'plan'), {
      planFile,
      varFile,
      lockTimeout: this.options.manifest.terraform.lockTimeout,
      destroy: this.options.command === 'destroy',
      lockHeld: this.options.stateLocksHeld,
    });
    if (plan.meaning === 'error') throw this.failure('plan', plan, instance);
    emit({ type: 'plan-saved', planFile: path.relative(this.options.workDirectory, planFile) });
    if (plan.meaning === 'no-changes') {
      // `-detailed-exitcode` 0: nothing to apply, so there is nothing `show -json` could add.
      emit({ type: 'planned', changes: { add: 0, change: 0, destroy: 0, replace: 0 }, resourceChanges: [] });
      return { planFile, meaning: plan.meaning, changes: [] };
    }
    step('show');
    const changes = await this.summarisePlan(instance, planFile, emit);
    await this.guardPlan(instance, changes);
    return { planFile, meaning: plan.meaning, changes };
  }

  private outcomeOf(error: unknown): InstanceOutcome {
    const { redactor } = this.options;
    if (error instanceof WaitingOnUpstream) return { status: 'skipped', reason: error.message };
    if (!(error instanceof StepFailure)) {
      return { status: 'failed', error: redactor.redact(describeUnexpected(error)), timedOut: false };
    }
    const failure = { error: redactor.redact(error.message), timedOut: error.timedOut };
    return this.options.signal.aborted && !error.timedOut
      ? { status: 'cancelled', reason: 'the run was cancelled while it ran', ...failure }
      : { status: 'failed', ...failure };
  }

  private async summarisePlan(instance: Instance, planFile: string, emit: (event: InstanceEvent) => void) {
    // Streamed: a large plan's JSON runs to tens of megabytes, of which the summary needs the changes only.
    const skeleton = new PlanSkeletonReader();
    const shown = await this.options.terraform.show(
      this.directories.call(instance, 'show'),
      planFile,
      (text) => {
        skeleton.write(text);
      },
    );
    if (shown.exitCode !== 0) throw this.failure('show', shown, instance);
    const summary = parsePlanJson(skeleton.end());
    const { add, change, destroy, replace } = summary.counts;
    const resourceChanges = summary.resourceChanges.map((rc) => ({
      address: rc.address,
      action: rc.actions,
    }));
    emit({ type: 'planned', changes: { add, change, destroy, replace }, resourceChanges });
    return resourceChanges;
  }

  private async apply(instance: Instance, planFile: string) {
    const applied = await this.options.terraform.apply(this.directories.call(instance, 'apply'), {
      planFile,
      lockTimeout: this.options.manifest.terraform.lockTimeout,
      lockHeld: this.options.stateLocksHeld,
    });
    if (applied.exitCode !== 0) throw this.failure('apply', applied, instance);
  }

  /**
   * Applies a plan saved by an earlier `plan` run. When it cannot be applied as saved (`saved-plan-check.ts`:
   * there is none, it was made with mock outputs, or the upstream outputs it was planned with have changed
   * since, so its inputs would no longer match), it is refused, so that an unreviewed plan never replaces it;
   * or, given a `freshPlanCheck`, planned afresh and applied when the check accepts the fresh plan.
   */
  private async applySavedPlan(
    planDirectory: string,
    instance: Instance,
    emit: (event: InstanceEvent) => void,
    step: (name: TerraformStep) => void,
    mock: (id: string) => void,
    mocked: string[],
  ) {
    const saved = instanceDirectory(planDirectory, instance.id);
    const planFile = path.join(saved, 'plan.tfplan');
    const why = await whyNotAsSaved({
      planDirectory,
      saved,
      instance,
      codeDigest: () => this.codeDigestOf(instance),
      currentVariables: () => {
        step('read-upstream');
        return this.outputs.variablesFor(instance, mock);
      },
      wording: this.options.wording,
    });
    // A fresh plan without changes leaves the state as it was: the outputs can come from it.
    let planOfUnchangedState: string | undefined;
    if (why === undefined) {
      emit({ type: 'plan-saved', planFile });
      step('show');
      await this.guardPlan(instance, await this.summarisePlan(instance, planFile, emit));
      step('apply');
      await this.apply(instance, planFile);
    } else {
      const check = this.options.freshPlanCheck;
      if (check === undefined) throw new StepFailure(why.refusal);
      const plan = await this.plan(instance, emit, step, mock, mocked);
      const verdict = check(instance, plan.changes, why.reason);
      await this.directories.keepNote(instance, verdict.accepted ? verdict.note : verdict.reason);
      if (!verdict.accepted) throw new StepFailure(verdict.reason);
      if (plan.meaning === 'changes') {
        step('apply');
        await this.apply(instance, plan.planFile);
      } else planOfUnchangedState = plan.planFile;
    }
    await this.recordOutputs(instance, step, planOfUnchangedState);
  }

  private codeDigestOf(instance: Instance): string {
    return this.options.layerCode.read(instance.path).sourceDigest;
  }

  /** The plan guard's verdict on a plan with changes: a refusal fails the step, an allowed destroy is noted. */
  private async guardPlan(instance: Instance, changes: { address: string; action: string }[]) {
    const verdict = this.options.planGuard?.(instance, changes);
    if (verdict === undefined) return;
    if (!verdict.accepted) throw new StepFailure(verdict.reason);
    if (verdict.allowed.length > 0) {
      const listed = verdict.allowed.map((change) => `${change.address} (${change.action})`).join(', ');
      await this.directories.keepNote(
        instance,
        `allowed by the allow-destroy setting: ${listed}`,
        'stateful-guard.log',
        'stateful layer',
      );
    }
  }

  /**
   * Reads an instance's outputs after its plan or apply, when something reads them: an instance of the run
   * that depends on it, the masking of its sensitive outputs, or the `onOutputs` hook. After a plan the state
   * is unchanged: the outputs read then are what dependents see until the next apply, and the saved plan
   * (`planOfUnchangedState`) holds them, so they are taken from it when it can be read. A destroy reads none.
   */
  private async recordOutputs(
    instance: Instance,
    step: (name: TerraformStep) => void,
    planOfUnchangedState?: string,
  ) {
    if (this.options.command === 'destroy') return;
    const isWanted =
      this.options.hasDependentsInRun(instance.id) ||
      this.options.onOutputs !== undefined ||
      this.options.layerCode.read(instance.path).sensitiveOutputs.size > 0;
    if (!isWanted) return;
    if (planOfUnchangedState && (await this.outputs.takeFromPlanFile(instance, planOfUnchangedState))) return;
    step('output');
    await this.outputs.readAfterRun(instance);
  }
}

function describeUnexpected(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
