import type { LoadedManifest } from '../../adapters/load-manifest.js';
import { RefusalError } from '../../core/errors.js';
import { getOrThrow } from '../../core/lookup.js';
import { halfMigratedInstances, halfMigratedMessage } from '../../core/migrate/half-migrated.js';
import { managedResources } from '../../core/migrate/state-document.js';
import type { TerraformClient } from '../../engine/terraform-client.js';
import type { EngineAdapters, EngineSettings } from '../engine-setup.js';
import { readMigrationFile } from './migration-file.js';
import { openMigration } from './migration-context.js';
import { readEstate } from './migration-estate-reading.js';
import { instanceHandle } from './migration-state-handles.js';
import { pullState } from './migration-state-transfer.js';

/**
 * Refuses a run of any of `ids` that a migration left half done (see `halfMigratedInstances`). Only when a
 * migration file sits beside the manifest (`migrate.yml`): then it reads the old roots' states and the states
 * of the selected instances that still have resources to receive (init and `state pull`: no lock, no write).
 */
export async function refuseHalfMigrated(
  settings: EngineSettings & { manifestFile: string },
  adapters: EngineAdapters,
  prepared: { loaded: LoadedManifest; terraform: TerraformClient; workDirectory: string },
  ids: readonly string[],
): Promise<void> {
  const migrationSettings = { ...settings, migrationFile: undefined };
  const file = await readMigrationFile(migrationSettings, true);
  if (!file) return;
  const context = await openMigration(migrationSettings, adapters, file, prepared);
  let receiving;
  try {
    // A mapping with problems still says where the resources it can place go; the rest is migrate plan's job.
    receiving = (await readEstate(context)).plan.mapping.receiving;
  } catch (error) {
    throw new RefusalError(
      `cannot tell whether a migration of ${file.migrationFile} is half done: ${(error as Error).message}\nOnce every instance is migrated, remove the migration file.`,
    );
  }
  const held = new Map<string, Set<string>>();
  for (const id of ids) {
    if (!receiving.has(id)) continue;
    const instance = getOrThrow(prepared.loaded.graph.byId, id, 'a selected instance');
    // An instance state that cannot be read fails that instance's own run, with Terraform's reason.
    const state = await pullState(context, instanceHandle(context, instance)).catch(() => null);
    held.set(id, new Set(managedResources(state).keys()));
  }
  const half = halfMigratedInstances(receiving, held);
  if (half.length > 0) throw new RefusalError(halfMigratedMessage(file.migrationFile, half));
}
