import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseStateDocument, type StateDocument } from '../../core/migrate/state-document.js';
import type { MigrationContext } from './migration-context.js';
import type { StateHandle } from './migration-state-handles.js';
import { ensureInitialised, terraformStep } from './migration-terraform-steps.js';

/** `state pull` (after one init per handle): takes no lock and writes nothing. */
export async function pullState(
  context: MigrationContext,
  handle: StateHandle,
): Promise<StateDocument | null> {
  await ensureInitialised(context, handle);
  const pulled = await terraformStep(context, handle, 'state-pull', (call) =>
    context.terraform.statePull(call),
  );
  return parseStateDocument(pulled.stdout, handle.label);
}

/** `state push` (never `-force`), under the lock the migration holds (`holdLocks`). */
export async function pushState(
  context: MigrationContext,
  handle: StateHandle,
  state: StateDocument,
): Promise<void> {
  const stateFile = path.join(handle.directory, `push-${String(state.serial)}.tfstate`);
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await terraformStep(context, handle, 'state-push', (call) =>
    context.terraform.statePush(call, {
      stateFile,
      lockTimeout: context.loaded.manifest.terraform.lockTimeout,
      lockHeld: true,
    }),
  );
}
