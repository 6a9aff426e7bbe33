import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LayerCodeReader } from '../engine/layer-code-reader.js';
import type { BackendConfig, Instance, LayerGraph } from '../core/graph/types.js';
import type { Manifest } from '../core/manifest/types.js';
import type { PlanGuard } from '../core/stateful-guard.js';
import type { EngineCommand, TerraformStep } from '../core/run-result.js';
import { upstreamWaitReason } from '../core/upstream-wait.js';
import { classifyFailure } from '../terraform/failure-kind.js';
import { describeLock, parseLockError } from '../terraform/lock-info.js';
import { outputValues, parseOutputsJson, sensitiveValues } from '../terraform/outputs.js';
import { PlanSkeletonReader } from '../terraform/plan-skeleton.js';
import { parsePlanJson } from '../terraform/plan-summary.js';
import type { Redactor } from '../terraform/redact.js';
import type { InstanceEvent, InstanceOutcome } from './instance-result-reducer.js';
import type { ProcessResult } from './process-runner.js';
import type { TerraformCall, TerraformClient } from './terraform-client.js';
import { buildVariables, upstreamVariables, type InstanceContext } from './var-file.js';
import { instanceDirectory, instanceDirectoryName } from './work-directory.js';
import { lastLines } from './last-lines.js';
import { initUnlessInitialised, jsonDigest } from './init-record.js';
import { getOrThrow } from '../core/lookup.js';
import { suggest, type Wording } from '../core/wording.js';

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

/** A check of a fresh plan that replaces a saved one (see `freshPlanCheck`). */
export type FreshPlanCheck = (
  instance: Instance,
  fresh: { address: string; action: string }[],
  /** Why the saved plan could not be applied as saved. */
  why: string,
) => { accepted: true; note: string } | { accepted: false; reason: string };

interface Outputs {
  values: Record<string, unknown>;
  /** The state has never been applied: the layer declares outputs but the state has none. */
  isEmpty: boolean;
}

/** A step failed: the instance stops there and the result says why. */
class StepFailure extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** Terraform's data directory (`TF_DATA_DIR`) in an instance's directory: kept from run to run. */
const DATA_DIRECTORY = 'terraform-data';

/** Beside a saved plan: the upstreams whose mock outputs it was made with, when there were any. */
const MOCKED_UPSTREAMS_FILE = 'mocked-upstreams.json';

/** Beside a saved plan: the digest of its layer's code (and local modules') when it was planned. */
const CODE_DIGEST_FILE = 'code.sha256';

/** An upstream has no state yet and has no mock outputs: the instance waits for it to be applied. */
class WaitingOnUpstream extends Error {}

/**
 * What one instance does: init, then read its upstreams' outputs, plan, show, apply and output (or apply a
 * saved plan). Each Terraform process costs the binary's and the providers' start-up, so none runs that is
 * not needed: `init` only when the data directory was not initialised for the same backend, lock file, code
 * and binary; `show` and `apply` only for a plan with changes; `output` only for an instance whose outputs
 * something reads (a dependent in the run, the masking of sensitive outputs, the `onOutputs` hook).
 *
 * One pipeline serves a whole run, and keeps what instances share: outputs read so far (once per instance
 * per run), the init gate, the work directory layout. It reports progress as events and returns the outcome;
 * it never throws because Terraform failed.
 */
export class InstancePipeline {
  private readonly outputs = new Map<string, Promise<Outputs>>();
  private readonly firstInit = new Map<string, Promise<void>>();
  private exclusive: Promise<void> = Promise.resolve();
  private readonly sections = new Map<string, { title: string; logFile: string }[]>();
  private readonly roles: Map<string, Manifest['regions'][number]['role']>;

  constructor(private readonly options: InstancePipelineOptions) {
    this.roles = new Map(options.manifest.regions.map((region) => [region.name, region.role]));
  }

  /** An instance's outputs: read after its plan or apply in this run, else from its state. */
  async outputValuesOf(instance: Instance): Promise<Record<string, unknown>> {
    return (await this.outputsOf(instance)).values;
  }

  sectionsOf(id: string): { title: string; logFile: string }[] {
    return this.sections.get(id) ?? [];
  }

  private directoryOf(id: string): string {
    return instanceDirectory(this.options.workDirectory, id);
  }

  private readDirectoryOf(id: string): string {
    return path.join(this.options.workDirectory, 'upstream-reads', instanceDirectoryName(id));
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
      const directory = this.directoryOf(instance.id);
      // A fresh start for everything but Terraform's data directory, which `init` vouches for (see runInit).
      if (this.options.planDirectory === undefined) await clearExcept(directory, DATA_DIRECTORY);
      await mkdir(directory, { recursive: true });
      step('init');
      await this.init(instance);

      const { planDirectory } = this.options;
      if (planDirectory !== undefined) {
        await this.applySavedPlan(planDirectory, instance, emit, step, mock, mocked);
        return { status: 'succeeded' };
      }
      const plan = await this.plan(instance, emit, step, mock, mocked);
      if (command !== 'plan' && !this.options.planOnly && plan.meaning === 'changes') {
        if (mocked.length > 0) {
          throw new StepFailure(`refusing to apply a plan made with mock outputs of ${mocked.join(', ')}`);
        }
        step('apply');
        await this.apply(instance, plan.planFile);
      }
      await this.recordOutputs(instance, step);
      return { status: 'succeeded' };
    } catch (error) {
      return this.outcomeOf(error);
    }
  }

  /** Reads the upstreams, writes the var file and the inputs' digest, plans, and summarises the plan. */
  private async plan(
    instance: Instance,
    emit: (event: InstanceEvent) => void,
    step: (name: TerraformStep) => void,
    mock: (id: string) => void,
    mocked: readonly string[],
  ) {
    const directory = this.directoryOf(instance.id);
    step('read-upstream');
    const variables = await this.variablesFor(instance, mock);
    const varFile = path.join(directory, 'variables.tfvars.json');
    await writeFile(varFile, `${JSON.stringify(variables, null, 2)}\n`, { mode: 0o600 });
    await writeFile(path.join(directory, 'inputs.sha256'), jsonDigest(variables));
    await writeFile(path.join(directory, CODE_DIGEST_FILE), this.codeDigestOf(instance));
    // Kept with the saved plan, so that `apply --plan-dir` can say why such a plan is refused.
    const mockedFile = path.join(directory, MOCKED_UPSTREAMS_FILE);
    if (mocked.length > 0) {
      await writeFile(mockedFile, `${JSON.stringify(mocked)}\n`);
    } else await rm(mockedFile, { force: true });
    const planFile = path.join(directory, 'plan.tfplan');
    step('plan');
    const plan = await this.options.terraform.plan(this.call(instance, 'plan'), {
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

  /**
   * Instances of one layer share its directory, and a first `init` may write the dependency lock file there
   * and fill the shared plugin cache, neither of which is safe to do concurrently: so the first init of each
   * layer directory runs alone, and later inits of that directory (which only read them) run in parallel.
   */
  private async init(instance: Instance, reading = false): Promise<void> {
    const first = this.firstInit.get(instance.path);
    if (first) {
      await first;
      return this.runInit(instance, reading);
    }
    const run = this.exclusive.then(() => this.runInit(instance, reading));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.exclusive = settled;
    this.firstInit.set(instance.path, settled);
    return run;
  }

  /**
   * Runs `init` unless the data directory was initialised, by an init that succeeded, for the same
   * fingerprint; `init` always passes `-reconfigure`, so a directory initialised for another backend is
   * switched to this one and never migrates state.
   */
  private async runInit(instance: Instance, reading: boolean): Promise<void> {
    const backend = (reading && this.options.readBackendOf?.(instance.id)) || instance.backend;
    const dataDirectory = this.dataDirectoryOf(instance.id, reading);
    const result = await initUnlessInitialised(
      dataDirectory,
      () => this.initFingerprint(instance, backend, dataDirectory),
      () => this.options.terraform.init(this.call(instance, 'init', reading), backend),
    );
    if (result && result.exitCode !== 0) throw this.failure('init', result, instance);
  }

  /**
   * What an initialised data directory depends on: the backend and its settings, the layer's dependency lock
   * file, its code and that of its local modules (module blocks, required providers, the backend block), the
   * binary and its version, and where the directory and the layer are (init records absolute paths).
   */
  private async initFingerprint(instance: Instance, backend: BackendConfig, dataDirectory: string) {
    const cwd = path.resolve(this.options.manifestDirectory, instance.path);
    const lockFile = await readFile(path.join(cwd, '.terraform.lock.hcl'), 'utf8').catch(() => null);
    const { executable, version } = this.options.terraform;
    return jsonDigest({
      backend: { type: backend.type, config: backend.config },
      lockFile,
      code: this.options.layerCode.read(instance.path).sourceDigest,
      terraform: { executable, version },
      cwd,
      dataDirectory,
    });
  }

  private dataDirectoryOf(id: string, reading: boolean): string {
    return path.join(reading ? this.readDirectoryOf(id) : this.directoryOf(id), DATA_DIRECTORY);
  }

  /**
   * Where one Terraform command for an instance runs, its output appended to that instance's log for the step.
   * Reading an upstream's outputs (`reading`) uses a directory of its own, so it never touches the data or
   * logs of that instance, which may run later in the same run.
   */
  private call(instance: Instance, step: TerraformStep, reading = false): TerraformCall {
    const directory = reading ? this.readDirectoryOf(instance.id) : this.directoryOf(instance.id);
    const logFile = path.join(directory, `${step}.log`);
    if (!reading) {
      const list = this.sections.get(instance.id) ?? [];
      if (!list.some((section) => section.logFile === logFile))
        list.push({ title: `terraform ${step}`, logFile });
      this.sections.set(instance.id, list);
    }
    return {
      cwd: path.resolve(this.options.manifestDirectory, instance.path),
      dataDirectory: this.dataDirectoryOf(instance.id, reading),
      logFile,
      instanceId: instance.id,
      signal: this.options.signal,
      timeoutMs: this.options.commandTimeoutMs,
      graceMs: this.options.graceMs,
    };
  }

  private failure(step: string, result: ProcessResult, instance: Instance): StepFailure {
    if (result.timedOut) {
      return new StepFailure(
        `terraform ${step} timed out after ${Math.round((this.options.commandTimeoutMs ?? 0) / 1000)}s and was stopped${result.killed ? ' (killed after the grace period)' : ''}\n${lastLines(result.tail)}`,
        true,
      );
    }
    if (result.cancelled && result.durationMs === 0) {
      return new StepFailure(`terraform ${step} was not started: the run was cancelled`);
    }
    if (result.cancelled) {
      return new StepFailure(`terraform ${step} was interrupted\n${lastLines(result.tail)}`);
    }
    const how =
      result.exitCode === null
        ? `ended by ${result.endSignal ?? 'a signal'}`
        : `exit code ${result.exitCode}`;
    return new StepFailure(
      `terraform ${step} failed (${how})\n${lastLines(result.tail)}${this.diagnose(instance, result.tail)}`,
    );
  }

  /** What Strata can tell about a known kind of failure: who holds a lock, a region that looks down. */
  private diagnose(instance: Instance, tail: string): string {
    const lock = parseLockError(tail);
    if (lock) {
      const now = this.options.now();
      return `\n\n${describeLock(lock, now, { instanceId: instance.id, layerPath: instance.path, command: this.options.wording.command })}`;
    }
    const failure = classifyFailure(tail, this.options.wording.command);
    return failure.kind === 'other' ? '' : `\n\n${failure.hint}`;
  }

  private async summarisePlan(instance: Instance, planFile: string, emit: (event: InstanceEvent) => void) {
    // Streamed: a large plan's JSON runs to tens of megabytes, of which the summary needs the changes only.
    const skeleton = new PlanSkeletonReader();
    const shown = await this.options.terraform.show(this.call(instance, 'show'), planFile, (text) => {
      skeleton.write(text);
    });
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
    const applied = await this.options.terraform.apply(this.call(instance, 'apply'), {
      planFile,
      lockTimeout: this.options.manifest.terraform.lockTimeout,
      lockHeld: this.options.stateLocksHeld,
    });
    if (applied.exitCode !== 0) throw this.failure('apply', applied, instance);
  }

  /**
   * Applies a plan saved by an earlier `plan` run. When it cannot be applied as saved (there is none, it was
   * made with mock outputs, or the upstream outputs it was planned with have changed since, so its inputs
   * would no longer match), it is refused, so that an unreviewed plan never replaces it; or, given a
   * `freshPlanCheck`, planned afresh and applied when the check accepts the fresh plan.
   */
  private async applySavedPlan(
    planDirectory: string,
    instance: Instance,
    emit: (event: InstanceEvent) => void,
    step: (name: TerraformStep) => void,
    mock: (id: string) => void,
    mocked: string[],
  ) {
    const saved = path.join(planDirectory, 'instances', instanceDirectoryName(instance.id));
    const planFile = path.join(saved, 'plan.tfplan');
    const why = await this.whyNotAsSaved(planDirectory, instance, saved, step, mock);
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
      await this.keepNote(instance, verdict.accepted ? verdict.note : verdict.reason);
      if (!verdict.accepted) throw new StepFailure(verdict.reason);
      if (plan.meaning === 'changes') {
        step('apply');
        await this.apply(instance, plan.planFile);
      }
    }
    await this.recordOutputs(instance, step);
  }

  /** Why the saved plan of an instance cannot be applied as it is; undefined when it can. */
  private async whyNotAsSaved(
    planDirectory: string,
    instance: Instance,
    saved: string,
    step: (name: TerraformStep) => void,
    mock: (id: string) => void,
  ): Promise<{ reason: string; refusal: string } | undefined> {
    const replan = this.options.wording.command(suggest('plan'));
    let plannedInputs: string;
    try {
      plannedInputs = await readFile(path.join(saved, 'inputs.sha256'), 'utf8');
    } catch {
      const reason = `no saved plan for ${instance.id} in ${planDirectory}`;
      return { reason, refusal: `${reason}; run '${replan}' first` };
    }
    const mocked = await readFile(path.join(saved, MOCKED_UPSTREAMS_FILE), 'utf8').then(
      (text) => JSON.parse(text) as string[],
      () => [],
    );
    if (mocked.length > 0) {
      const reason = `the saved plan for ${instance.id} was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet`;
      return {
        reason,
        refusal: `refusing to apply the saved plan for ${instance.id}: it was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet; plan it again now that they are, review that plan, and apply it`,
      };
    }
    // A saved plan holds the code it was made from, and applying it would apply that code, not today's.
    const plannedCode = await readFile(path.join(saved, CODE_DIGEST_FILE), 'utf8').catch(() => null);
    if (plannedCode !== this.codeDigestOf(instance)) {
      const reason = `the saved plan for ${instance.id} is stale: the code of its layer ${instance.layer} (or of a local module it uses) changed since it was planned`;
      return { reason, refusal: `${reason}; run '${replan}' again and review it` };
    }
    step('read-upstream');
    const variables = await this.variablesFor(instance, mock);
    if (jsonDigest(variables) !== plannedInputs) {
      const reason = `the saved plan for ${instance.id} is stale: the outputs of its upstream instances changed since it was planned`;
      return { reason, refusal: `${reason}; run '${replan}' again and review it` };
    }
    return undefined;
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
      await this.keepNote(
        instance,
        `allowed by the allow-destroy setting: ${listed}`,
        'stateful-guard.log',
        'stateful layer',
      );
    }
  }

  /** A note in the instance's output, as a section of its own. */
  private async keepNote(
    instance: Instance,
    note: string,
    fileName = 'preview-check.log',
    title = 'check against what was reviewed',
  ) {
    const directory = this.directoryOf(instance.id);
    const logFile = path.join(directory, fileName);
    await writeFile(logFile, `${note}\n`);
    const list = this.sections.get(instance.id) ?? [];
    if (!list.some((section) => section.logFile === logFile)) list.push({ title, logFile });
    this.sections.set(instance.id, list);
  }

  /** Context, layer vars and upstream outputs, filtered to what the layer's code declares. */
  private async variablesFor(
    instance: Instance,
    mock: (id: string) => void,
  ): Promise<Record<string, unknown>> {
    const code = this.options.layerCode.read(instance.path);
    const upstream = new Map<string, Record<string, unknown>>();
    const inputs = this.options.graph.inputsOf(instance.id);
    for (const input of inputs) {
      for (const source of input.sources) {
        const upstreamInstance = getOrThrow(this.options.graph.byId, source.id, 'instance');
        const outputs = await this.outputsOf(upstreamInstance);
        if (!outputs.isEmpty) {
          upstream.set(source.id, outputs.values);
          continue;
        }
        const layer = this.options.manifest.layers.find(
          (candidate) => candidate.name === upstreamInstance.layer,
        );
        if (!layer) throw new Error(`Internal error: no layer '${upstreamInstance.layer}'`);
        const mocks = layer.mockOutputs;
        if (this.options.command === 'plan' && Object.keys(mocks).length > 0) {
          upstream.set(source.id, mocks);
          mock(source.id);
        } else if (this.options.command !== 'destroy') {
          throw new WaitingOnUpstream(
            upstreamWaitReason(
              source.id,
              'apply it first' +
                (this.options.command === 'plan'
                  ? `, or declare mock_outputs on layer '${layer.name}' to plan before then`
                  : ''),
            ),
          );
        }
      }
    }
    const variables = buildVariables({
      instance,
      globalRegion: this.options.manifest.backend.globalRegion,
      roleOf: (region) => this.roles.get(region),
      upstream: upstreamVariables(inputs, (id) => upstream.get(id) ?? {}),
      declared: code.variables,
      context: this.options.contextOf?.(instance),
    });
    const secrets = [...code.sensitiveVariables].flatMap((name) => leafStrings(variables[name]));
    if (secrets.length > 0) this.addSecrets(secrets);
    return variables;
  }

  private addSecrets(values: string[]) {
    this.options.redactor.add(values);
    this.options.secrets(values);
  }

  /** Outputs produced in this run, or else read from the instance's state (init + output, no lock). */
  private outputsOf(instance: Instance): Promise<Outputs> {
    const known = this.outputs.get(instance.id);
    if (known) return known;
    const read = (async () => {
      await mkdir(this.readDirectoryOf(instance.id), { recursive: true });
      await this.init(instance, true);
      return this.readOutputs(instance, true);
    })();
    this.outputs.set(instance.id, read);
    return read;
  }

  /**
   * Reads an instance's outputs after its plan or apply, when something reads them: an instance of the run
   * that depends on it, the masking of its sensitive outputs, or the `onOutputs` hook. After a plan the state
   * is unchanged: the outputs read then are what dependents see until the next apply. A destroy reads none.
   */
  private async recordOutputs(instance: Instance, step: (name: TerraformStep) => void) {
    if (this.options.command === 'destroy') return;
    const isWanted =
      this.options.hasDependentsInRun(instance.id) ||
      this.options.onOutputs !== undefined ||
      this.options.layerCode.read(instance.path).sensitiveOutputs.size > 0;
    if (!isWanted) return;
    step('output');
    const outputs = this.readOutputs(instance);
    this.outputs.set(instance.id, outputs);
    await outputs;
  }

  private async readOutputs(instance: Instance, reading = false): Promise<Outputs> {
    const result = await this.options.terraform.output(this.call(instance, 'output', reading));
    if (result.exitCode !== 0) throw this.failure('output', result, instance);
    const outputs = parseOutputsJson(result.stdout);
    const secrets = sensitiveValues(outputs);
    if (secrets.length > 0) this.addSecrets(secrets);
    const values = outputValues(outputs);
    this.options.onOutputs?.(instance.id, values);
    const declared = this.options.layerCode.read(instance.path).outputs;
    return { values, isEmpty: Object.keys(values).length === 0 && declared.size > 0 };
  }
}

/** Removes everything in a directory but the entry `kept`; a directory that does not exist stays so. */
async function clearExcept(directory: string, kept: string): Promise<void> {
  const entries = await readdir(directory).catch(() => []);
  await Promise.all(
    entries
      .filter((name) => name !== kept)
      .map((name) => rm(path.join(directory, name), { recursive: true, force: true })),
  );
}

function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leafStrings);
  return [];
}

function describeUnexpected(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
