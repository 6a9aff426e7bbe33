import path from 'node:path';
import type { BackendConfig, Instance } from '../../core/graph/types.js';
import { getOrThrow } from '../../core/lookup.js';
import { instanceDirectoryName } from '../../engine/work-directory.js';
import type { MigrationContext } from './migration-context.js';

/** One state a migration reads and writes, through the binary, in a data directory of its own. */
export interface StateHandle {
  label: string;
  cwd: string;
  backend: BackendConfig;
  directory: string;
}

export function rootHandle(context: MigrationContext, name: string): StateHandle {
  const root = getOrThrow(
    new Map(context.migration.roots.map((each) => [each.name, each])),
    name,
    'a root of the migration file',
  );
  return {
    label: `root ${name}`,
    cwd: path.resolve(context.settings.cwd, path.dirname(context.migrationFile), root.path),
    backend: { type: '', config: { ...root.backend } },
    directory: path.join(context.workDirectory, 'migrate', 'roots', name),
  };
}

export function instanceHandle(context: MigrationContext, instance: Instance): StateHandle {
  return {
    label: `instance ${instance.id}`,
    cwd: path.resolve(context.loaded.directory, instance.path),
    backend: context.loaded.graph.backendOf(instance),
    directory: path.join(context.workDirectory, 'migrate', 'instances', instanceDirectoryName(instance.id)),
  };
}
