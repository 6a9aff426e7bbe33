import path from 'node:path';
import { createLayerCodeReader } from '../adapters/layer-code.js';
import type { LayerCodeReader } from '../engine/layer-code-reader.js';
import type { LoadedManifest } from '../adapters/load-manifest.js';
import { steadyStateWithin } from '../core/dr/steady-state.js';
import { leaveOutFailedRegions, type LeftOut } from '../core/dr/failed-regions.js';
import type { Dag } from '../core/schedule/dag.js';
import { selectInstances, type SelectionFilter } from '../core/selection/select-instances.js';
import { changedFilesFilter } from './changed-files.js';

export interface SelectionSettings {
  filter: Omit<SelectionFilter, 'changes'>;
  /** Changed files (relative to `cwd`) to select by, or undefined to select by the filter alone. */
  changedFiles?: readonly string[] | undefined;
  /** The instances of a reviewed plan: only these can be selected (an apply of the plan a pull request reviewed). */
  reviewed?: readonly string[] | undefined;
}

/** The instances a command works on, from filters and changed files, as the CLI and the action give them. */
export function selectFromSettings(
  loaded: LoadedManifest,
  settings: SelectionSettings,
  context: { manifestFile: string; cwd: string; layerCode?: LayerCodeReader },
): Dag {
  return selectLeavingOut(loaded, settings, context).dag;
}

/**
 * The selection, and what it leaves out because a region is marked failed (core/dr/failed-regions.ts): the
 * instances the selection would have had there, and their dependents, for the run to name.
 */
export function selectLeavingOut(
  loaded: LoadedManifest,
  settings: SelectionSettings,
  context: { manifestFile: string; cwd: string; layerCode?: LayerCodeReader },
): { dag: Dag; leftOut: LeftOut[] } {
  // Normal runs work on what exists in steady state; the DR strategy keeps the rest out until a failover.
  const steady = steadyStateWithin(loaded.graph, loaded.manifest);
  const { kept, leftOut } = leaveOutFailedRegions(loaded.graph, loaded.manifest, steady);
  const dag = select(loaded, settings, context, kept);
  if (leftOut.length === 0) return { dag, leftOut };
  const wanted = new Set(select(loaded, settings, context, steady).ids);
  return { dag, leftOut: leftOut.filter((entry) => wanted.has(entry.id)) };
}

function select(
  loaded: LoadedManifest,
  settings: SelectionSettings,
  context: { manifestFile: string; cwd: string; layerCode?: LayerCodeReader },
  within: ReadonlySet<string> | undefined,
): Dag {
  const { reviewed } = settings;
  const filter: SelectionFilter = {
    ...settings.filter,
    within: reviewed !== undefined ? new Set(reviewed.filter((id) => !within || within.has(id))) : within,
  };
  if (settings.changedFiles) {
    filter.changes = changedFilesFilter(settings.changedFiles, {
      graph: loaded.graph,
      directory: loaded.directory,
      manifestFile: path.resolve(context.cwd, context.manifestFile),
      layerCode: context.layerCode ?? createLayerCodeReader(loaded.directory),
      cwd: context.cwd,
    });
  }
  return selectInstances(loaded.graph, filter);
}

/** With a per-pull-request environment, a command selects only that environment (the other filters still apply). */
export function selectionForEnvironment(
  selection: SelectionSettings,
  ephemeralEnvironment: string | undefined,
): SelectionSettings {
  return ephemeralEnvironment
    ? { ...selection, filter: { ...selection.filter, environments: [ephemeralEnvironment] } }
    : selection;
}
