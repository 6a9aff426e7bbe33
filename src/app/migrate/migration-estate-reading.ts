import path from 'node:path';
import { readDeclaredAddresses } from '../../adapters/layer-code.js';
import { UsageError } from '../../core/errors.js';
import { mapResources, type MappingProblem } from '../../core/migrate/map-resources.js';
import { MigrationFileError } from '../../core/migrate/parse-migration.js';
import { managedResources, type StateDocument } from '../../core/migrate/state-document.js';
import type { MigrationPlan, StateRecord } from '../../core/migrate/types.js';
import type { MigrationContext } from './migration-context.js';
import { rootHandle, type StateHandle } from './migration-state-handles.js';
import { pullState } from './migration-state-transfer.js';
import { MigrationStepError } from './migration-terraform-steps.js';

export interface EstateReading {
  plan: MigrationPlan;
  states: Map<string, StateDocument>;
  /** What the mapping refuses; `mappedOrThrow` turns them into the migration file's located problems. */
  problems: MappingProblem[];
}

/** Reads every old root's state (init and `state pull`: no lock, no write) and maps their resources. */
export async function readEstate(context: MigrationContext): Promise<EstateReading> {
  const states = new Map<string, StateDocument>();
  const roots: StateRecord[] = [];
  let dataSources = 0;
  for (const root of context.migration.roots) {
    const handle = rootHandle(context, root.name);
    const state = await pullState(context, handle).catch(asUsageError);
    roots.push(recordOf(handle, state));
    if (state) states.set(root.name, state);
    dataSources += state?.resources.filter((resource) => resource.mode === 'data').length ?? 0;
  }
  const { loaded } = context;
  const { mapping, problems } = mapResources({
    migration: context.migration,
    resources: new Map([...states].map(([name, state]) => [name, [...managedResources(state).keys()]])),
    layers: loaded.manifest.layers.map((layer) => ({
      name: layer.name,
      scope: layer.scope,
      declares: readDeclaredAddresses(path.resolve(loaded.directory, layer.path)),
    })),
    instances: loaded.graph.instances,
  });
  return { plan: { migrationFile: context.migrationFile, mapping, roots, dataSources }, states, problems };
}

/** The reading, when its mapping has no problem; else every problem, located in the migration file. */
export function mappedOrThrow(context: MigrationContext, reading: EstateReading): EstateReading {
  if (reading.problems.length === 0) return reading;
  throw new MigrationFileError(
    reading.problems.map((problem) => ({
      file: context.migrationFile,
      ...context.locations.locate(problem.at),
      message: problem.message,
    })),
  );
}

/** An old root that cannot be read is a setup problem (its path, its backend), found before anything is written. */
export function asUsageError(error: unknown): never {
  if (error instanceof MigrationStepError) throw new UsageError(error.message);
  throw error;
}

export function recordOf(handle: StateHandle, state: StateDocument | null): StateRecord {
  return { state: handle.label, lineage: state?.lineage ?? null, serial: state?.serial ?? null };
}
