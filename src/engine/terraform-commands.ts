import type { BackendConfig } from '../core/graph/types.js';

/**
 * The argument arrays Strata passes to Terraform, in one place. Every command is non-interactive
 * (`-input=false`) and colourless where its output is read or shown in reports.
 */
export const terraformArgs = {
  version: (): string[] => ['version', '-json'],

  /** `-reconfigure`: every run renders the backend afresh and must not migrate state between backends. */
  init: (backend: BackendConfig): string[] => [
    'init',
    '-input=false',
    '-no-color',
    '-reconfigure',
    ...Object.entries(backend.config).map(([key, value]) => `-backend-config=${key}=${String(value)}`),
  ],

  plan: (options: {
    planFile: string;
    varFile: string;
    lockTimeout: string;
    destroy: boolean;
    lockHeld?: boolean | undefined;
  }): string[] => [
    'plan',
    '-input=false',
    '-no-color',
    `-out=${options.planFile}`,
    '-detailed-exitcode',
    ...lockFlags(options),
    `-var-file=${options.varFile}`,
    ...(options.destroy ? ['-destroy'] : []),
  ],

  show: (planFile: string): string[] => ['show', '-json', '-no-color', planFile],

  /** Applies exactly the saved plan; Terraform refuses it when the state moved on since. */
  apply: (options: { planFile: string; lockTimeout: string; lockHeld?: boolean | undefined }): string[] => [
    'apply',
    '-input=false',
    '-no-color',
    ...lockFlags(options),
    options.planFile,
  ],

  output: (): string[] => ['output', '-json', '-no-color'],

  /** The current state as JSON, read without a lock. */
  statePull: (): string[] => ['state', 'pull'],

  /**
   * Writes a state document as the instance's state, under the state lock. Terraform refuses a document of
   * another lineage or an older serial (no -force: a migration never overrides that check).
   */
  statePush: (options: {
    stateFile: string;
    lockTimeout: string;
    lockHeld?: boolean | undefined;
  }): string[] => ['state', 'push', ...lockFlags(options), options.stateFile],

  /**
   * Holds the state lock for as long as stdin stays open: `console` takes the lock when it loads the state and
   * releases it when it exits, changing nothing. `-state` points it at a local backend's file, which `console`
   * would otherwise take from its own `-state` default (terraform.tfstate) rather than the backend's `path`.
   */
  holdLock: (options: { lockTimeout: string; localStateFile: string | null }): string[] => [
    'console',
    `-lock-timeout=${options.lockTimeout}`,
    ...(options.localStateFile === null ? [] : [`-state=${options.localStateFile}`]),
  ],

  /**
   * Takes the state lock and releases it, changing nothing (a dry-run removal of an address no state holds):
   * when another holds the lock it fails at once with the holder's Lock Info.
   */
  lockProbe: (): string[] => ['state', 'rm', '-dry-run', '-lock-timeout=0s', 'strata_lock_probe.none'],

  /** Releases the lock `lockId` that another process took (a stale lock); the state is not changed. */
  forceUnlock: (lockId: string): string[] => ['force-unlock', '-force', lockId],
};

/**
 * `-lock-timeout`, or `-lock=false` when the caller already holds the state's lock (a migration holds every
 * lock it touches, through `holdLock`, and its own commands must not wait on it).
 */
function lockFlags(options: { lockTimeout: string; lockHeld?: boolean | undefined }): string[] {
  return options.lockHeld === true ? ['-lock=false'] : [`-lock-timeout=${options.lockTimeout}`];
}

/** `plan -detailed-exitcode`: 0 no changes, 2 changes, anything else an error. */
export function planExitMeaning(exitCode: number | null): 'no-changes' | 'changes' | 'error' {
  if (exitCode === 0) return 'no-changes';
  if (exitCode === 2) return 'changes';
  return 'error';
}
