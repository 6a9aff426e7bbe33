import { getOrThrow } from '../core/lookup.js';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { mergeReport as mergeOverInstances } from '../core/merge-results.js';
import type { RunResult } from '../core/run-result.js';
import type { Dag } from '../core/schedule/dag.js';
import { readReportFiles } from './result-files.js';
import { selectFromSettings, selectionForEnvironment, type SelectionSettings } from './select.js';

/** What `report` needs: the manifest the matrix jobs ran, and the folder their report files were downloaded to. */
export interface ReportSettings {
  manifestFile: string;
  cwd: string;
  /** Absolute, or relative to `cwd`. */
  resultsDirectory: string;
  /** The instances the matrix covered, selected as its `graph` step selected them; all of them without it. */
  selection?: SelectionSettings | undefined;
  ephemeralEnvironment?: string | undefined;
}

export interface ReportResult {
  /**
   * The jobs' results merged into one run over every instance the matrix covered, those no job reported
   * `skipped` as not run; undefined when there was no result file at all.
   */
  run: RunResult | undefined;
  loaded: LoadedManifest;
  /** The instances the matrix covered, in the manifest's order, with the dependencies among them. */
  dag: Dag;
  /** Each instance's masked plan text, as the jobs saved it. */
  plans: Map<string, string>;
}

/**
 * `report`: the results of matrix jobs (downloaded artifacts) merged into one run, to render as one. It
 * succeeds only when every instance did: one that no job reported, or a job that never finished, fails it.
 */
export async function mergeReport(settings: ReportSettings): Promise<ReportResult> {
  const { results, plans } = await readReportFiles(settings.resultsDirectory);
  const loaded = loadManifest(settings.manifestFile, settings.cwd, {
    ephemeralEnvironment: settings.ephemeralEnvironment,
  });
  const covered = selectFromSettings(
    loaded,
    selectionForEnvironment(settings.selection ?? { filter: {} }, settings.ephemeralEnvironment),
    { manifestFile: settings.manifestFile, cwd: settings.cwd },
  );
  const expected = covered.ids.map((id) => getOrThrow(loaded.graph.byId, id, 'a selected instance'));
  const run = results.length === 0 ? undefined : mergeOverInstances(results, expected);
  return { run, loaded, dag: dagOf(loaded, run, covered), plans };
}

/** The covered instances and any other the jobs reported (the manifest changed since), in the manifest's order. */
function dagOf(loaded: LoadedManifest, run: RunResult | undefined, covered: Dag): Dag {
  const ids = new Set([...covered.ids, ...(run?.instances.map((instance) => instance.id) ?? [])]);
  return {
    ids: loaded.graph.instances.filter((instance) => ids.has(instance.id)).map((instance) => instance.id),
    dependsOn: new Map(
      loaded.graph.instances.map((instance) => [instance.id, instance.dependsOn.filter((id) => ids.has(id))]),
    ),
  };
}
