import type { BackendConfig } from '../core/graph/types.js';
import { isTransientFailure } from '../terraform/failure-kind.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './process-runner.js';
import { retryTransient, type RetryPolicy } from './retry-transient.js';
import { planExitMeaning, terraformArgs } from './terraform-commands.js';
import { readCheckedVersion } from './terraform-version-check.js';

/** Where one Terraform command runs, for whom, and where its output goes. */
export interface TerraformCall {
  /** The layer's directory (Terraform's working directory). */
  cwd: string;
  /** `TF_DATA_DIR`: each instance keeps its own `.terraform`, so instances of one layer never share it. */
  dataDirectory: string;
  /** Everything the command prints is appended here. */
  logFile: string;
  /** `STRATA_INSTANCE_ID`, for wrappers and the stand-in. */
  instanceId: string;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  graceMs?: number | undefined;
}

export interface PlanResult extends ProcessResult {
  /** What `-detailed-exitcode` says. */
  meaning: 'no-changes' | 'changes' | 'error';
}

/**
 * Terraform (or OpenTofu), one method per command Strata runs. Every method returns the process result and
 * none throws on an exit code: the caller decides what a failure means. Commands that change nothing (init,
 * plan, output) are retried on known-transient failures; apply never is.
 */
export interface TerraformClient {
  readonly executable: string;
  /** The version the factory read, e.g. `1.12.6`. */
  readonly version: string;
  init(call: TerraformCall, backend: BackendConfig): Promise<ProcessResult>;
  plan(
    call: TerraformCall,
    options: {
      planFile: string;
      varFile: string;
      lockTimeout: string;
      destroy: boolean;
      lockHeld?: boolean | undefined;
    },
  ): Promise<PlanResult>;
  /** `show -json` of a saved plan, streamed to `onJson` (a large plan's JSON runs to tens of megabytes). */
  show(call: TerraformCall, planFile: string, onJson: (text: string) => void): Promise<ProcessResult>;
  apply(
    call: TerraformCall,
    options: { planFile: string; lockTimeout: string; lockHeld?: boolean | undefined },
  ): Promise<ProcessResult>;
  /** `output -json`, kept in `stdout` (never logged: it holds sensitive values in clear text). */
  output(call: TerraformCall): Promise<ProcessResult>;
  /** `state pull`, kept in `stdout` (never logged: state holds secrets in clear text); takes no lock. */
  statePull(call: TerraformCall): Promise<ProcessResult>;
  /** `state push` of a state document (a file): writes state, so it is never retried. */
  statePush(
    call: TerraformCall,
    options: { stateFile: string; lockTimeout: string; lockHeld?: boolean | undefined },
  ): Promise<ProcessResult>;
  /**
   * Takes the state lock and holds it until `release` settles (see `terraformArgs.holdLock`); `onHeld` is
   * called once it is held. Resolves when the lock is released, or at once with the failure when it could not
   * be taken (another holds it past the lock timeout).
   */
  holdLock(
    call: TerraformCall,
    options: {
      lockTimeout: string;
      localStateFile: string | null;
      release: Promise<void>;
      onHeld: () => void;
    },
  ): Promise<ProcessResult>;
  /** Takes and releases the state lock, changing nothing; fails at once with the Lock Info when it is held. */
  probeLock(call: TerraformCall): Promise<ProcessResult>;
  /** `force-unlock -force ID`: releases a stale lock (never retried). */
  forceUnlock(call: TerraformCall, lockId: string): Promise<ProcessResult>;
}

/**
 * Builds the client for a binary: runs `version -json` once and refuses a binary that is missing, fails, or is
 * older than the documented minimum (a `UsageError`: a setup problem the user fixes, not a failed run).
 * `env` is the whole environment Terraform gets, already stripped of the runner's own variables.
 */
export async function createTerraformClient(options: {
  runner: ProcessRunner;
  executable: string;
  env: Readonly<Record<string, string>>;
  /** Where `version -json` runs and logs. */
  cwd: string;
  logFile: string;
  retry?: RetryPolicy;
}): Promise<TerraformClient> {
  const version = await readCheckedVersion(options.runner, options);
  return buildTerraformClient({ ...options, version });
}

/** The client over a runner, for a binary whose version is already known (`createTerraformClient` checks it). */
export function buildTerraformClient(options: {
  runner: ProcessRunner;
  executable: string;
  version: string;
  env: Readonly<Record<string, string>>;
  retry?: RetryPolicy;
}): TerraformClient {
  const { runner, executable } = options;
  const run = (
    call: TerraformCall,
    args: string[],
    io: Pick<ProcessRequest, 'captureStdout' | 'onStdout' | 'stdin'> = {},
  ) =>
    runner.run({
      executable,
      args,
      cwd: call.cwd,
      env: {
        ...options.env,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        TF_DATA_DIR: call.dataDirectory,
        STRATA_INSTANCE_ID: call.instanceId,
      },
      logFile: call.logFile,
      captureStdout: io.captureStdout,
      onStdout: io.onStdout,
      stdin: io.stdin,
      signal: call.signal,
      timeoutMs: call.timeoutMs,
      graceMs: call.graceMs,
    });
  // Only commands that change nothing: a retried apply could apply part of a plan twice.
  const retrying = (
    call: TerraformCall,
    attempt: () => Promise<ProcessResult>,
    isError: (result: ProcessResult) => boolean,
  ) =>
    retryTransient(attempt, (result) => isError(result) && isTransientFailure(result.tail), {
      policy: options.retry,
      signal: call.signal,
    });
  const failed = (result: ProcessResult) => result.exitCode !== 0;

  return {
    executable,
    version: options.version,
    init: (call, backend) => retrying(call, () => run(call, terraformArgs.init(backend)), failed),
    plan: async (call, plan) => {
      const result = await retrying(
        call,
        () => run(call, terraformArgs.plan(plan)),
        (attempt) => planExitMeaning(attempt.exitCode) === 'error',
      );
      return { ...result, meaning: planExitMeaning(result.exitCode) };
    },
    show: (call, planFile, onJson) => run(call, terraformArgs.show(planFile), { onStdout: onJson }),
    apply: (call, apply) => run(call, terraformArgs.apply(apply)),
    output: (call) =>
      retrying(call, () => run(call, terraformArgs.output(), { captureStdout: true }), failed),
    statePull: (call) =>
      retrying(call, () => run(call, terraformArgs.statePull(), { captureStdout: true }), failed),
    statePush: (call, push) => run(call, terraformArgs.statePush(push)),
    probeLock: (call) => retrying(call, () => run(call, terraformArgs.lockProbe()), failed),
    forceUnlock: (call, lockId) => run(call, terraformArgs.forceUnlock(lockId)),
    holdLock: (call, hold) => {
      // The console answers this expression only once it has loaded the state, under the lock.
      const marker = 'strata-lock-held';
      let seen = '';
      return run(call, terraformArgs.holdLock(hold), {
        stdin: { text: `"${marker}"\n`, endWhen: hold.release },
        onStdout: (text) => {
          if (seen.includes(marker)) return;
          seen += text;
          if (seen.includes(marker)) hold.onHeld();
        },
      });
    },
  };
}
