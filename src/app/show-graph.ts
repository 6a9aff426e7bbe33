import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { computeMatrix, type Matrix } from '../core/matrix/compute-matrix.js';
import { githubEnvironmentNamer } from '../core/matrix/github-environment.js';
import type { Dag } from '../core/schedule/dag.js';
import { computeWaves } from '../core/schedule/waves.js';
import { selectFromSettings, selectionForEnvironment, type SelectionSettings } from './select.js';

/** What `graph` needs, as the CLI flags or the action inputs give it. */
export interface GraphSettings {
  manifestFile: string;
  cwd: string;
  selection: SelectionSettings;
  /** A per-pull-request environment to add to the ephemeral accounts; the graph then selects only it. */
  ephemeralEnvironment?: string | undefined;
  /** With it, the job matrix too: past this many stages the remaining waves share the last one. */
  maxStages?: number | undefined;
}

export interface GraphResult {
  loaded: LoadedManifest;
  /** The selected instances and their dependencies among themselves. */
  dag: Dag;
  waves: string[][];
  /** The stages of GitHub jobs; only when the settings give `maxStages`. */
  matrix?: Matrix | undefined;
}

/** `graph`: load and check the manifest, select instances, order them in waves and, when asked, a job matrix. Runs no Terraform. */
export function showGraph(settings: GraphSettings & { maxStages: number }): GraphResult & { matrix: Matrix };
export function showGraph(settings: GraphSettings): GraphResult;
export function showGraph(settings: GraphSettings): GraphResult {
  const loaded = loadManifest(settings.manifestFile, settings.cwd, {
    ephemeralEnvironment: settings.ephemeralEnvironment,
  });
  const dag = selectFromSettings(
    loaded,
    selectionForEnvironment(settings.selection, settings.ephemeralEnvironment),
    { manifestFile: settings.manifestFile, cwd: settings.cwd },
  );
  const waves = computeWaves(dag);
  if (settings.maxStages === undefined) return { loaded, dag, waves };
  const roles = new Map(loaded.manifest.accounts.map((account) => [account.name, account.roleToAssume]));
  const matrix = computeMatrix(loaded.graph, dag, {
    maxStages: settings.maxStages,
    roleToAssume: (account) => roles.get(account) ?? null,
    githubEnvironment: githubEnvironmentNamer(loaded.manifest),
  });
  return { loaded, dag, waves, matrix };
}
