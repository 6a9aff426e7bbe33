import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mirrorLayerCode } from '../../adapters/code-mirror.js';
import { UsageError } from '../../core/errors.js';
import type { BackendConfig, Instance, LayerGraph } from '../../core/graph/types.js';
import type { ResourceMove, StateDocument } from '../../core/migrate/state-document.js';
import type { InstancePreview } from '../../core/migrate/types.js';
import { hasChanges, type InstanceResult } from '../../core/run-result.js';
import { runEngine } from '../../engine/run-engine.js';
import { instanceDirectoryName } from '../../engine/work-directory.js';
import type { EngineSetup } from '../engine-setup.js';
import { readPlanTexts } from '../plan-texts.js';
import { steadyStateContext } from '../steady-state-context.js';
import type { MigrationContext } from './migration-context.js';
import { asUsageError } from './migration-estate-reading.js';
import { receivingStateOf } from './migration-receiving-state.js';
import { instanceHandle } from './migration-state-handles.js';
import { pullState } from './migration-state-transfer.js';

/** Beside the layer's code in the mirror: the backend the preview plans against instead of the real one. */
const OVERRIDE_FILE = 'strata_migrate_preview_override.tf';
const LOCAL_BACKEND = 'terraform {\n  backend "local" {}\n}\n';

/**
 * What the instance's new code would plan once `moves` are in its state, without writing any state: the
 * would-be state (what `migrate apply` would push) goes into a local file in the work directory, and the
 * instance is planned through the normal engine (its variables, its upstreams' outputs read from their own
 * states) against that file, from a mirror of the code whose override file swaps the backend for `local`.
 */
export async function previewInstance(
  context: MigrationContext,
  engine: EngineSetup,
  instance: Instance,
  moves: readonly ResourceMove[],
  rootStates: ReadonlyMap<string, StateDocument>,
): Promise<InstancePreview> {
  const current = await pullState(context, instanceHandle(context, instance)).catch(asUsageError);
  let wouldBe: StateDocument | null;
  let alreadyThere = 0;
  try {
    const receiving = receivingStateOf(instance, current, rootStates, moves);
    wouldBe = receiving.state ?? current;
    alreadyThere = receiving.alreadyThere.length;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { id: instance.id, alreadyThere, status: 'not-planned', reason: error.message };
  }
  const directory = path.join(
    context.workDirectory,
    'migrate',
    'preview',
    instanceDirectoryName(instance.id),
  );
  await mkdir(directory, { recursive: true });
  const stateFile = path.join(directory, 'would-be.tfstate');
  await writeFile(stateFile, `${JSON.stringify(wouldBe, null, 2)}\n`, { mode: 0o600 });
  const layerDirectory = await mirrorLayerCode({
    root: context.loaded.directory,
    layerPath: instance.path,
    into: path.join(directory, 'code'),
    files: { [OVERRIDE_FILE]: LOCAL_BACKEND },
  });
  if (layerDirectory === null) {
    const reason = `its layer's code (${instance.path}) is outside the manifest's directory, which the preview mirrors`;
    return { id: instance.id, alreadyThere, status: 'not-planned', reason };
  }
  const previewed: Instance = {
    ...instance,
    path: path.relative(context.loaded.directory, layerDirectory).split(path.sep).join('/'),
  };
  const workDirectory = path.join(directory, 'run');
  const { reporter } = engine.base;
  const run = await runEngine({
    ...engine.base,
    // Progress as usual; the plan text is shown in the preview itself, not as the engine's log group.
    reporter: {
      instanceChanged: (each, sofar) => {
        reporter.instanceChanged(each, sofar);
      },
      secrets: (values) => {
        reporter.secrets(values);
      },
      instanceOutput: () => Promise.resolve(),
    },
    workDirectory,
    command: 'plan',
    manifest: context.loaded.manifest,
    graph: withInstance(context.loaded.graph, previewed, { type: 'local', config: { path: stateFile } }),
    dag: { ids: [instance.id], dependsOn: new Map() },
    contextOf: steadyStateContext(context.loaded.manifest),
  });
  const result = run.instances.find((each) => each.id === instance.id);
  if (result?.status !== 'succeeded') {
    return { id: instance.id, alreadyThere, status: 'not-planned', reason: whyNotPlanned(result) };
  }
  if (!hasChanges(result.changes) || result.changes === null) {
    return { id: instance.id, alreadyThere, status: 'no-changes', mockedUpstreams: result.mockedUpstreams };
  }
  const texts = await readPlanTexts({ run, workDirectory, redactor: engine.base.redactor });
  return {
    id: instance.id,
    alreadyThere,
    status: 'changes',
    changes: result.changes,
    resourceChanges: result.resourceChanges,
    planText: reviewText(texts.get(instance.id) ?? ''),
  };
}

/** Why an instance's plan did not succeed: its error, or why it was skipped or not run. */
export function whyNotPlanned(result: Exclude<InstanceResult, { status: 'succeeded' }> | undefined): string {
  if (result === undefined) return 'it was not planned';
  if ('error' in result) return result.error;
  return 'reason' in result ? result.reason : result.status;
}

/** The graph with one instance replaced, its state in `backend` (the engine reads instances and inputs by id only). */
function withInstance(graph: LayerGraph, replacement: Instance, backend: BackendConfig): LayerGraph {
  const instances = graph.instances.map((each) => (each.id === replacement.id ? replacement : each));
  return {
    instances,
    byId: new Map(instances.map((each) => [each.id, each])),
    dependents: graph.dependents,
    inputsOf: (id) => graph.inputsOf(id),
    backendOf: (each) => (each.id === replacement.id ? backend : graph.backendOf(each)),
    varsOf: (each) => graph.varsOf(each),
  };
}

/** The plan as a review reads it: without the refresh lines, from the first line that says something. */
function reviewText(log: string): string {
  return log
    .split('\n')
    .filter((line) => !/: Refreshing state\.\.\./.test(line))
    .join('\n')
    .trim();
}
