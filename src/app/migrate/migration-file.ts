import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { parseMigration } from '../../core/migrate/parse-migration.js';
import type { Migration } from '../../core/migrate/types.js';
import type { ManifestLocations } from '../../core/manifest/types.js';
import type { EngineSettings } from '../engine-setup.js';

export interface MigrateSettings extends EngineSettings {
  manifestFile: string;
  /** The migration file; default `migrate.yml` beside the manifest. */
  migrationFile?: string | undefined;
}

export interface MigrationFile {
  migration: Migration;
  locations: ManifestLocations;
  migrationFile: string;
}

/** The migration file's path as the user names it: the setting, else `migrate.yml` beside the manifest. */
export function migrationFileOf(settings: Pick<MigrateSettings, 'manifestFile' | 'migrationFile'>): string {
  return settings.migrationFile ?? path.join(path.dirname(settings.manifestFile), 'migrate.yml');
}

/** Reads the migration file; undefined when there is none and `optional` says that is fine. */
export async function readMigrationFile(
  settings: Pick<MigrateSettings, 'manifestFile' | 'migrationFile' | 'cwd'>,
): Promise<MigrationFile>;
export async function readMigrationFile(
  settings: Pick<MigrateSettings, 'manifestFile' | 'migrationFile' | 'cwd'>,
  optional: true,
): Promise<MigrationFile | undefined>;
export async function readMigrationFile(
  settings: Pick<MigrateSettings, 'manifestFile' | 'migrationFile' | 'cwd'>,
  optional = false,
): Promise<MigrationFile | undefined> {
  const migrationFile = migrationFileOf(settings);
  let text: string;
  try {
    text = await readFile(path.resolve(settings.cwd, migrationFile), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && optional) return undefined;
    throw new UsageError((name) =>
      missing
        ? `migration file '${migrationFile}' not found; write one beside the manifest or give its path with ${name('migration')}`
        : `cannot read migration file '${migrationFile}': ${(error as Error).message}`,
    );
  }
  return { ...parseMigration(text, migrationFile), migrationFile };
}
