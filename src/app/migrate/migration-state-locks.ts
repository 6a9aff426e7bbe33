import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessResult } from '../../engine/process-runner.js';
import { describeLock, parseLockError } from '../../terraform/lock-info.js';
import type { MigrationContext } from './migration-context.js';
import type { StateHandle } from './migration-state-handles.js';
import { callFor, ensureInitialised, failureOf, MigrationStepError } from './migration-terraform-steps.js';

/** The locks a migration holds, released together. */
export interface HeldLocks {
  release(): Promise<void>;
}

/**
 * Takes the state lock of every handle (in the order of their labels, so two migrations never wait on each
 * other in a circle) and holds them, each through one `console` process of the binary, until `release`:
 * any other Terraform or Strata run that writes one of these states waits for its lock timeout and fails.
 * Meanwhile the migration's own writes run with `-lock=false`. Throws, holding nothing, when a lock is held
 * elsewhere past the manifest's `lock_timeout`.
 */
export async function holdLocks(
  context: MigrationContext,
  handles: readonly StateHandle[],
): Promise<HeldLocks> {
  const holders: { release: () => void; exited: Promise<ProcessResult> }[] = [];
  const releaseAll = async () => {
    for (const holder of holders) holder.release();
    await Promise.all(holders.map((holder) => holder.exited));
  };
  const ordered = [...handles].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  try {
    for (const handle of ordered) {
      await ensureInitialised(context, handle);
      const released = settled();
      const held = settled();
      const call = { ...callFor(context, handle, 'hold-lock'), timeoutMs: undefined };
      const exited = context.terraform.holdLock(call, {
        lockTimeout: context.loaded.manifest.terraform.lockTimeout,
        localStateFile: await localStateFile(handle, call.dataDirectory),
        release: released.promise,
        onHeld: held.settle,
      });
      holders.push({ release: released.settle, exited });
      const first = await Promise.race([held.promise.then(() => 'held' as const), exited]);
      if (first !== 'held') {
        const lock = parseLockError(first.tail);
        if (!lock) throw failureOf(handle, 'taking the state lock', first);
        const now = context.adapters.now?.() ?? new Date();
        throw new MigrationStepError(
          `another run holds a state this move touches, so nothing was written. ${describeLock(lock, now, { instanceId: handle.label, layerPath: path.relative(context.settings.cwd, handle.cwd) || '.', command: context.settings.wording.command })}`,
        );
      }
    }
  } catch (error) {
    await releaseAll();
    throw error;
  }
  return { release: releaseAll };
}

/** A promise and the function that settles it. */
function settled(): { promise: Promise<void>; settle: () => void } {
  const settlers: (() => void)[] = [];
  const promise = new Promise<void>((resolve) => settlers.push(resolve));
  return {
    promise,
    settle: () => {
      for (const settle of settlers) settle();
    },
  };
}

/**
 * The state file of a local backend, as init recorded it in the data directory (its `path`, or the default),
 * for `holdLock`; null for any other backend.
 */
async function localStateFile(handle: StateHandle, dataDirectory: string): Promise<string | null> {
  const text = await readFile(path.join(dataDirectory, 'terraform.tfstate'), 'utf8').catch(() => '');
  const recorded = (text === '' ? {} : JSON.parse(text)) as {
    backend?: { type?: string; config?: { path?: string | null } };
  };
  if (recorded.backend?.type !== 'local') return null;
  return path.resolve(handle.cwd, recorded.backend.config?.path ?? 'terraform.tfstate');
}
