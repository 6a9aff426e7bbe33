import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readDeclaredAddresses } from '../adapters/layer-code.js';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { UsageError } from '../core/errors.js';
import type { BackendConfig, Instance } from '../core/graph/types.js';
import { getOrThrow } from '../core/lookup.js';
import { mapResources, type MappingProblem } from '../core/migrate/map-resources.js';
import { MigrationFileError } from '../core/migrate/parse-migration.js';
import {
  managedResources,
  parseStateDocument,
  receivingState,
  type ResourceMove,
  type StateDocument,
} from '../core/migrate/state-document.js';
import type { Migration, MigrationPlan, StateRecord } from '../core/migrate/types.js';
import type { ManifestLocations } from '../core/manifest/types.js';
import type { ProcessResult } from '../engine/process-runner.js';
import type { TerraformCall, TerraformClient } from '../engine/terraform-client.js';
import { instanceDirectoryName } from '../engine/work-directory.js';
import { describeLock, parseLockError } from '../terraform/lock-info.js';
import { setUpTerraformFor, type EngineAdapters } from './engine-setup.js';
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
    backend: instance.backend,
    directory: path.join(context.workDirectory, 'migrate', 'instances', instanceDirectoryName(instance.id)),
  };
}

const initialised = new WeakMap<MigrationContext, Set<string>>();

function callFor(context: MigrationContext, handle: StateHandle, command: string): TerraformCall {
  return {
    cwd: handle.cwd,
    dataDirectory: path.join(handle.directory, 'terraform-data'),
    logFile: path.join(handle.directory, `${command}.log`),
    instanceId: handle.label,
    signal: context.signal,
    timeoutMs: context.loaded.manifest.terraform.commandTimeoutMs ?? undefined,
  };
}

function failureOf(handle: StateHandle, command: string, result: ProcessResult): MigrationStepError {
  return new MigrationStepError(
    `${command} of ${handle.label} failed (exit code ${String(result.exitCode)}): ${result.tail.trim().split('\n').slice(-8).join('\n')}`,
  );
}

export async function terraformStep(
  context: MigrationContext,
  handle: StateHandle,
  command: string,
  run: (call: TerraformCall) => Promise<ProcessResult>,
): Promise<ProcessResult> {
  await mkdir(handle.directory, { recursive: true });
  const result = await run(callFor(context, handle, command));
  if (result.exitCode !== 0) throw failureOf(handle, command, result);
  return result;
}

/** A Terraform command of a migration failed: the migration stops (and restores what it wrote). */
export class MigrationStepError extends Error {}

async function ensureInitialised(context: MigrationContext, handle: StateHandle): Promise<void> {
  const done = initialised.get(context) ?? new Set<string>();
  initialised.set(context, done);
  if (done.has(handle.directory)) return;
  await terraformStep(context, handle, 'init', (call) => context.terraform.init(call, handle.backend));
  done.add(handle.directory);
}

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

/**
 * What `instance`'s state becomes once `moves` are written into it from the old roots' `rootStates`: the same
 * for the migration's preview and its apply; a new state takes a fresh lineage.
 */
export function receivingStateOf(
  instance: Instance,
  current: StateDocument | null,
  rootStates: ReadonlyMap<string, StateDocument>,
  moves: readonly ResourceMove[],
) {
  return receivingState({
    current,
    sources: rootStates,
    moves,
    lineage: randomUUID(),
    instanceId: instance.id,
  });
}
