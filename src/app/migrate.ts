import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readDeclaredAddresses } from '../adapters/layer-code.js';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { UsageError } from '../core/errors.js';
import type { BackendConfig, Instance } from '../core/graph/types.js';
import { getOrThrow } from '../core/lookup.js';
import { mapResources } from '../core/migrate/map-resources.js';
import { MigrationFileError, parseMigration } from '../core/migrate/parse-migration.js';
import {
  managedResources,
  parseStateDocument,
  receivingState,
  restoringState,
  trimmedState,
  type ResourceMove,
  type StateDocument,
} from '../core/migrate/state-document.js';
import type { InstanceMigration, Migration, MigrationPlan, StateRecord } from '../core/migrate/types.js';
import type { ManifestLocations } from '../core/manifest/types.js';
import type { ProcessResult } from '../engine/process-runner.js';
import type { TerraformCall, TerraformClient } from '../engine/terraform-client.js';
import { instanceDirectoryName } from '../engine/work-directory.js';
import { setUpTerraformFor, type EngineAdapters, type EngineSettings } from './engine-setup.js';
import { executeRun } from './execute-run.js';

export interface MigrateSettings extends EngineSettings {
  manifestFile: string;
  /** The migration file; default `migrate.yml` beside the manifest. */
  migrationFile?: string | undefined;
}

interface MigrationContext {
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

/** Reads the old states (init and `state pull`: no lock, no write) and maps their resources. */
export async function planMigration(
  settings: MigrateSettings,
  adapters: EngineAdapters,
): Promise<MigrationPlan> {
  const context = await openMigration(settings, adapters);
  return (await readEstate(context)).plan;
}

/**
 * Moves the resources of one layer's instances (or of one instance) out of the old roots, one instance at a
 * time: back up every state it touches, push the instance's state with the resources added, plan it and
 * require no change at all (apply that plan, which only records the instance's outputs), then push each old
 * root's state without them. Any failure puts every touched state back as its backup had it. Stops at the
 * first instance that fails.
 */
export async function applyMigration(
  settings: MigrateSettings & { layer?: string | undefined; instance?: string | undefined },
  adapters: EngineAdapters,
): Promise<{ plan: MigrationPlan; instances: InstanceMigration[] }> {
  const context = await openMigration(settings, adapters);
  const targets = targetInstances(context.loaded, settings);
  let { plan, states } = await readEstate(context);
  const instances: InstanceMigration[] = [];
  for (const instance of targets) {
    const result = await migrateInstance(
      context,
      instance,
      plan.mapping.receiving.get(instance.id) ?? [],
      states,
    );
    instances.push(result);
    if (result.status === 'failed') break;
    // The next instance reads the roots as this one left them.
    if (result.status === 'moved') ({ plan, states } = await readEstate(context));
  }
  return { plan, instances };
}

function targetInstances(
  loaded: LoadedManifest,
  selection: { layer?: string | undefined; instance?: string | undefined },
): Instance[] {
  if ((selection.layer === undefined) === (selection.instance === undefined)) {
    throw new UsageError(
      (name) =>
        `give one of ${name('layer')} or ${name('instance')}: migrate apply moves one layer or one instance at a time`,
    );
  }
  const chosen = loaded.graph.instances.filter((instance) =>
    selection.instance === undefined
      ? instance.layer === selection.layer
      : instance.id === selection.instance,
  );
  if (chosen.length === 0) {
    throw new UsageError((name) =>
      selection.instance === undefined
        ? `${name('layer')} '${selection.layer ?? ''}' is not a layer of the manifest (layers: ${loaded.manifest.layers.map((layer) => layer.name).join(', ')})`
        : `${name('instance')} '${selection.instance}' is not an instance of the manifest; 'strata graph' lists them`,
    );
  }
  return chosen;
}

async function openMigration(settings: MigrateSettings, adapters: EngineAdapters): Promise<MigrationContext> {
  const loaded = loadManifest(settings.manifestFile, settings.cwd);
  const migrationFile =
    settings.migrationFile ?? path.join(path.dirname(settings.manifestFile), 'migrate.yml');
  let text: string;
  try {
    text = await readFile(path.resolve(settings.cwd, migrationFile), 'utf8');
  } catch (error) {
    throw new UsageError((name) =>
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `migration file '${migrationFile}' not found; write one beside the manifest or give its path with ${name('migration')}`
        : `cannot read migration file '${migrationFile}': ${(error as Error).message}`,
    );
  }
  const { migration, locations } = parseMigration(text, migrationFile);
  const { terraform, workDirectory } = await setUpTerraformFor(settings, loaded, adapters);
  return {
    settings,
    loaded,
    migration,
    locations,
    migrationFile,
    terraform,
    workDirectory,
    signal: adapters.signal,
    adapters,
  };
}

/** One state a migration reads and writes, through the binary, in a data directory of its own. */
interface StateHandle {
  label: string;
  cwd: string;
  backend: BackendConfig;
  directory: string;
}

function rootHandle(context: MigrationContext, name: string): StateHandle {
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

function instanceHandle(context: MigrationContext, instance: Instance): StateHandle {
  return {
    label: `instance ${instance.id}`,
    cwd: path.resolve(context.loaded.directory, instance.path),
    backend: instance.backend,
    directory: path.join(context.workDirectory, 'migrate', 'instances', instanceDirectoryName(instance.id)),
  };
}

const initialised = new WeakMap<MigrationContext, Set<string>>();

async function terraformStep(
  context: MigrationContext,
  handle: StateHandle,
  command: string,
  run: (call: TerraformCall) => Promise<ProcessResult>,
): Promise<ProcessResult> {
  await mkdir(handle.directory, { recursive: true });
  const call: TerraformCall = {
    cwd: handle.cwd,
    dataDirectory: path.join(handle.directory, 'terraform-data'),
    logFile: path.join(handle.directory, `${command}.log`),
    instanceId: handle.label,
    signal: context.signal,
    timeoutMs: context.loaded.manifest.terraform.commandTimeoutMs ?? undefined,
  };
  const result = await run(call);
  if (result.exitCode !== 0) {
    throw new MigrationStepError(
      `${command} of ${handle.label} failed (exit code ${String(result.exitCode)}): ${result.tail.trim().split('\n').slice(-8).join('\n')}`,
    );
  }
  return result;
}

/** A Terraform command of a migration failed: the migration stops (and restores what it wrote). */
class MigrationStepError extends Error {}

async function pullState(context: MigrationContext, handle: StateHandle): Promise<StateDocument | null> {
  const done = initialised.get(context) ?? new Set<string>();
  initialised.set(context, done);
  if (!done.has(handle.directory)) {
    await terraformStep(context, handle, 'init', (call) => context.terraform.init(call, handle.backend));
    done.add(handle.directory);
  }
  const pulled = await terraformStep(context, handle, 'state-pull', (call) =>
    context.terraform.statePull(call),
  );
  return parseStateDocument(pulled.stdout, handle.label);
}

async function pushState(
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
    }),
  );
}

async function readEstate(
  context: MigrationContext,
): Promise<{ plan: MigrationPlan; states: Map<string, StateDocument> }> {
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
  if (problems.length > 0) {
    throw new MigrationFileError(
      problems.map((problem) => ({
        file: context.migrationFile,
        ...context.locations.locate(problem.at),
        message: problem.message,
      })),
    );
  }
  return { plan: { migrationFile: context.migrationFile, mapping, roots, dataSources }, states };
}

/** An old root that cannot be read is a setup problem (its path, its backend), found before anything is written. */
function asUsageError(error: unknown): never {
  if (error instanceof MigrationStepError) throw new UsageError(error.message);
  throw error;
}

function recordOf(handle: StateHandle, state: StateDocument | null): StateRecord {
  return { state: handle.label, lineage: state?.lineage ?? null, serial: state?.serial ?? null };
}

async function migrateInstance(
  context: MigrationContext,
  instance: Instance,
  moves: ResourceMove[],
  rootStates: ReadonlyMap<string, StateDocument>,
): Promise<InstanceMigration> {
  const base = {
    id: instance.id,
    moves,
    alreadyThere: [] as string[],
    backups: [] as InstanceMigration['backups'],
  };
  if (moves.length === 0) return { ...base, status: 'nothing-to-move' };

  const target = instanceHandle(context, instance);
  const touched = [...new Set(moves.map((move) => move.root))].map((name) => ({
    name,
    handle: rootHandle(context, name),
  }));
  const current = await pullState(context, target).catch(asUsageError);
  const backupDirectory = path.join(
    context.workDirectory,
    'migrate',
    'backups',
    `${new Date().toISOString().replaceAll(':', '-')}-${instanceDirectoryName(instance.id)}`,
  );
  await mkdir(backupDirectory, { recursive: true });
  const backups = new Map<StateHandle, StateDocument | null>([[target, current]]);
  for (const { name, handle } of touched) backups.set(handle, rootStates.get(name) ?? null);
  for (const [handle, state] of backups) {
    const file = path.join(backupDirectory, `${handle.label.replace(/[^A-Za-z0-9_.-]+/g, '_')}.tfstate`);
    await writeFile(file, state ? `${JSON.stringify(state, null, 2)}\n` : '', { mode: 0o600 });
    base.backups.push({ ...recordOf(handle, state), file });
  }

  try {
    const receiving = receivingState({
      current,
      sources: rootStates,
      moves,
      lineage: randomUUID(),
      instanceId: instance.id,
    });
    base.alreadyThere = receiving.alreadyThere;
    if (receiving.state) await pushState(context, target, receiving.state);
    await proveNoChanges(context, instance);
    for (const { name, handle } of touched) {
      const before = getOrThrow(rootStates, name, 'a touched root');
      const now = await pullState(context, handle);
      if (now?.lineage !== before.lineage || now.serial !== before.serial) {
        throw new MigrationStepError(
          `${handle.label} changed while it was being migrated (serial ${String(before.serial)} → ${String(now?.serial ?? 'none')}): run migrate apply again once nothing else writes it`,
        );
      }
      await pushState(
        context,
        handle,
        trimmedState(before, new Set(moves.filter((move) => move.root === name).map((move) => move.from))),
      );
    }
    return { ...base, status: 'moved' };
  } catch (error) {
    // Whatever went wrong (a bug too), the states go back first.
    const restored: string[] = [];
    const notRestored: string[] = [];
    for (const [handle, backup] of backups) {
      try {
        const restoring = restoringState(backup, await pullState(context, handle));
        if (restoring) {
          await pushState(context, handle, restoring);
          restored.push(handle.label);
        }
      } catch (restoreError) {
        notRestored.push(`${handle.label}: ${(restoreError as Error).message}`);
      }
    }
    if (!(error instanceof MigrationStepError || error instanceof UsageError)) throw error;
    return { ...base, status: 'failed', error: error.message, restored, notRestored };
  }
}

/**
 * Plans the instance with its new state through the normal engine (its variables, its upstream outputs) and
 * requires no change at all; then applies exactly that plan, which changes no resource and records the
 * instance's outputs for its dependents.
 */
async function proveNoChanges(context: MigrationContext, instance: Instance): Promise<void> {
  const verifyDirectory = path.join(
    context.workDirectory,
    'migrate',
    'verify',
    instanceDirectoryName(instance.id),
  );
  const run = (command: 'plan' | 'apply', workDirectory: string, planDirectory?: string) =>
    executeRun(
      {
        ...context.settings,
        command,
        workDirectory,
        planDirectory,
        selection: { filter: { instances: [instance.id] } },
        failFast: true,
      },
      context.adapters,
    );
  const planned = await run('plan', verifyDirectory);
  const result = planned.run.instances.find((each) => each.id === instance.id);
  if (result?.status !== 'succeeded') {
    const why =
      result === undefined
        ? 'it was not planned'
        : 'error' in result
          ? result.error
          : 'reason' in result
            ? result.reason
            : result.status;
    throw new MigrationStepError(`the plan of ${instance.id} after the move did not succeed: ${why}`);
  }
  const changes = result.changes;
  if (changes && changes.add + changes.change + changes.destroy + changes.replace > 0) {
    const listed = result.resourceChanges.map((change) => `  ${change.action} ${change.address}`).join('\n');
    throw new MigrationStepError(
      `after the move, ${instance.id} plans changes (${String(changes.add)} to add, ${String(changes.change)} to change, ${String(changes.replace)} to replace, ${String(changes.destroy)} to destroy); a move must plan none:\n${listed}\nFix the rules (a missed rename shows as a destroy and an add) or the new code, then run migrate apply again`,
    );
  }
  const applied = await run('apply', `${verifyDirectory}-apply`, verifyDirectory);
  const appliedResult = applied.run.instances.find((each) => each.id === instance.id);
  if (appliedResult?.status !== 'succeeded') {
    throw new MigrationStepError(
      `recording the outputs of ${instance.id} (its apply of the no-change plan) did not succeed`,
    );
  }
}
