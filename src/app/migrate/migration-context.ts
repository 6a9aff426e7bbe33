import { loadManifest, type LoadedManifest } from '../../adapters/load-manifest.js';
import type { Migration } from '../../core/migrate/types.js';
import type { ManifestLocations } from '../../core/manifest/types.js';
import type { TerraformClient } from '../../engine/terraform-client.js';
import { setUpTerraformFor, type EngineAdapters } from '../engine-setup.js';
import type { MigrateSettings, MigrationFile } from './migration-file.js';

/** A migration file, its manifest and the Terraform that reads and writes their states. */
export interface MigrationContext {
  settings: MigrateSettings;
  loaded: LoadedManifest;
  migration: Migration;
  locations: ManifestLocations;
  migrationFile: string;
  terraform: TerraformClient;
  workDirectory: string;
  signal: AbortSignal;
  adapters: EngineAdapters;
}

/**
 * The context of a migration: the file read, and Terraform set up for the manifest, unless a run that has
 * set it up already gives its own (`prepared`).
 */
export async function openMigration(
  settings: MigrateSettings,
  adapters: EngineAdapters,
  file: MigrationFile,
  prepared?: { loaded: LoadedManifest; terraform: TerraformClient; workDirectory: string },
): Promise<MigrationContext> {
  const loaded = prepared?.loaded ?? loadManifest(settings.manifestFile, settings.cwd);
  const { terraform, workDirectory } = prepared ?? (await setUpTerraformFor(settings, loaded, adapters));
  return { settings, loaded, ...file, terraform, workDirectory, signal: adapters.signal, adapters };
}
