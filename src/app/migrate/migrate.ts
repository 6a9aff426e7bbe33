import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifest, type LoadedManifest } from '../../adapters/load-manifest.js';
import { UsageError } from '../../core/errors.js';
import { suggest } from '../../core/wording.js';
import type { Instance } from '../../core/graph/types.js';
import { getOrThrow } from '../../core/lookup.js';
import {
  restoringState,
  trimmedState,
  type ResourceMove,
  type StateDocument,
} from '../../core/migrate/state-document.js';
import type {
  InstanceMigration,
  InstancePreview,
  MigrationPlan,
  MigrationPreview,
} from '../../core/migrate/types.js';
import { instanceDirectoryName } from '../../engine/work-directory.js';
import { setUpEngine, type EngineAdapters } from '../engine-setup.js';
import { executeRun } from '../execute-run.js';
import { previewInstance, whyNotPlanned } from './migration-preview.js';
import { readMigrationFile, type MigrateSettings } from './migration-file.js';
import { openMigration, type MigrationContext } from './migration-context.js';
import { asUsageError, mappedOrThrow, readEstate, recordOf } from './migration-estate-reading.js';
import { receivingStateOf } from './migration-receiving-state.js';
import { instanceHandle, rootHandle, type StateHandle } from './migration-state-handles.js';
import { holdLocks, type HeldLocks } from './migration-state-locks.js';
import { pullState, pushState } from './migration-state-transfer.js';
import { MigrationStepError } from './migration-terraform-steps.js';

export type { MigrateSettings } from './migration-file.js';

/**
 * Reads the old states and the receiving instances' states (init and `state pull`: no lock, no write), maps
 * the resources, and plans each receiving instance against its would-be state (see `previewInstance`).
 */
export async function planMigration(
  settings: MigrateSettings,
  adapters: EngineAdapters,
): Promise<MigrationPreview> {
  const file = await readMigrationFile(settings);
  const loaded = loadManifest(settings.manifestFile, settings.cwd);
  const engine = await setUpEngine({ ...settings, failFast: true }, loaded, adapters);
  const context = await openMigration(settings, adapters, file, { ...engine, loaded });
  const { plan, states } = mappedOrThrow(context, await readEstate(context));
  const previews: InstancePreview[] = [];
  for (const [id, moves] of plan.mapping.receiving) {
    const instance = getOrThrow(loaded.graph.byId, id, 'a receiving instance');
    previews.push(await previewInstance(context, engine, instance, moves, states));
  }
  return { ...plan, previews };
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
  const context = await openContext(settings, adapters);
  const targets = targetInstances(context.loaded, settings);
  const read = async () => mappedOrThrow(context, await readEstate(context));
  let { plan, states } = await read();
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
    if (result.status === 'moved') ({ plan, states } = await read());
  }
  return { plan, instances };
}

async function openContext(settings: MigrateSettings, adapters: EngineAdapters): Promise<MigrationContext> {
  return openMigration(settings, adapters, await readMigrationFile(settings));
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
    throw new UsageError((name, command) =>
      selection.instance === undefined
        ? `${name('layer')} '${selection.layer ?? ''}' is not a layer of the manifest (layers: ${loaded.manifest.layers.map((layer) => layer.name).join(', ')})`
        : `${name('instance')} '${selection.instance}' is not an instance of the manifest; '${command(suggest('graph'))}' lists them`,
    );
  }
  return chosen;
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
  let locks: HeldLocks;
  try {
    locks = await holdLocks(context, [target, ...touched.map(({ handle }) => handle)]);
  } catch (error) {
    if (!(error instanceof MigrationStepError)) throw error;
    return { ...base, status: 'failed', error: error.message, restored: [], notRestored: [] };
  }
  try {
    return await moveUnderLocks(context, { instance, moves, rootStates, target, touched, base });
  } finally {
    await locks.release();
  }
}

/** The move itself, while the migration holds the lock of every state it touches. */
async function moveUnderLocks(
  context: MigrationContext,
  move: {
    instance: Instance;
    moves: ResourceMove[];
    rootStates: ReadonlyMap<string, StateDocument>;
    target: StateHandle;
    touched: { name: string; handle: StateHandle }[];
    base: Omit<InstanceMigration, 'status'>;
  },
): Promise<InstanceMigration> {
  const { instance, moves, rootStates, target, touched, base } = move;
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
    // Read before the locks were taken: nothing may have written them since.
    for (const { name, handle } of touched) {
      await checkUnchanged(context, handle, getOrThrow(rootStates, name, 'a touched root'));
    }
    const receiving = receivingStateOf(instance, current, rootStates, moves);
    base.alreadyThere = receiving.alreadyThere;
    if (receiving.state) await pushState(context, target, receiving.state);
    await proveNoChanges(context, instance);
    for (const { name, handle } of touched) {
      const before = getOrThrow(rootStates, name, 'a touched root');
      // Under the lock nothing else writes it; a backend without locking is caught here.
      await checkUnchanged(context, handle, before);
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

async function checkUnchanged(
  context: MigrationContext,
  handle: StateHandle,
  before: StateDocument,
): Promise<void> {
  const now = await pullState(context, handle);
  if (now?.lineage !== before.lineage || now.serial !== before.serial) {
    throw new MigrationStepError(
      `${handle.label} changed while it was being migrated (serial ${String(before.serial)} → ${String(now?.serial ?? 'none')}): run migrate apply again once nothing else writes it`,
    );
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
        isMigrationStep: true,
      },
      context.adapters,
    );
  const planned = await run('plan', verifyDirectory);
  const result = planned.run.instances.find((each) => each.id === instance.id);
  if (result?.status !== 'succeeded') {
    throw new MigrationStepError(
      `the plan of ${instance.id} after the move did not succeed: ${whyNotPlanned(result)}`,
    );
  }
  const changes = result.changes;
  if (changes && changes.add + changes.change + changes.destroy + changes.replace > 0) {
    const listed = result.resourceChanges.map((change) => `  ${change.action} ${change.address}`).join('\n');
    throw new MigrationStepError(
      `after the move, ${instance.id} plans changes (${String(changes.add)} to add, ${String(changes.change)} to change, ${String(changes.replace)} to replace, ${String(changes.destroy)} to destroy); a move must plan none:\n${listed}\nFix the rules (a missed rename shows as a destroy and an add) or the new code, then run migrate apply again`,
    );
  }
  // Applying saved plans leaves the work directory as it finds it (it may be the plans' own), so the folder of a
  // run killed after this step is cleared here: a re-run's logs are its own, not appended to the killed run's.
  const applyDirectory = `${verifyDirectory}-apply`;
  await rm(applyDirectory, { recursive: true, force: true });
  const applied = await run('apply', applyDirectory, verifyDirectory);
  const appliedResult = applied.run.instances.find((each) => each.id === instance.id);
  if (appliedResult?.status !== 'succeeded') {
    throw new MigrationStepError(
      `recording the outputs of ${instance.id} (its apply of the no-change plan) did not succeed`,
    );
  }
}
