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

  plan: (options: { planFile: string; varFile: string; lockTimeout: string; destroy: boolean }): string[] => [
    'plan',
    '-input=false',
    '-no-color',
    `-out=${options.planFile}`,
    '-detailed-exitcode',
    `-lock-timeout=${options.lockTimeout}`,
    `-var-file=${options.varFile}`,
    ...(options.destroy ? ['-destroy'] : []),
  ],

  show: (planFile: string): string[] => ['show', '-json', '-no-color', planFile],

  /** Applies exactly the saved plan; Terraform refuses it when the state moved on since. */
  apply: (options: { planFile: string; lockTimeout: string }): string[] => [
    'apply',
    '-input=false',
    '-no-color',
    `-lock-timeout=${options.lockTimeout}`,
    options.planFile,
  ],

  output: (): string[] => ['output', '-json', '-no-color'],

  /** The current state as JSON, read without a lock. */
  statePull: (): string[] => ['state', 'pull'],

  /**
   * Writes a state document as the instance's state, under the state lock. Terraform refuses a document of
   * another lineage or an older serial (no -force: a migration never overrides that check).
   */
  statePush: (options: { stateFile: string; lockTimeout: string }): string[] => [
    'state',
    'push',
    `-lock-timeout=${options.lockTimeout}`,
    options.stateFile,
  ],

  /**
   * Takes the state lock and releases it, changing nothing (a dry-run removal of an address no state holds):
   * when another holds the lock it fails at once with the holder's Lock Info.
   */
  lockProbe: (): string[] => ['state', 'rm', '-dry-run', '-lock-timeout=0s', 'strata_lock_probe.none'],

  /** Releases the lock `lockId` that another process took (a stale lock); the state is not changed. */
  forceUnlock: (lockId: string): string[] => ['force-unlock', '-force', lockId],
};

/** `plan -detailed-exitcode`: 0 no changes, 2 changes, anything else an error. */
export function planExitMeaning(exitCode: number | null): 'no-changes' | 'changes' | 'error' {
  if (exitCode === 0) return 'no-changes';
  if (exitCode === 2) return 'changes';
  return 'error';
}
