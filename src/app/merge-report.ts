import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { mergeResults } from '../core/merge-results.js';
import type { RunResult } from '../core/run-result.js';
import type { Dag } from '../core/schedule/dag.js';
import { readReportFiles } from './result-files.js';

/** What `report` needs: the manifest the matrix jobs ran, and the folder their report files were downloaded to. */
export interface ReportSettings {
  manifestFile: string;
  cwd: string;
  /** Absolute, or relative to `cwd`. */
  resultsDirectory: string;
  ephemeralEnvironment?: string | undefined;
}

export interface ReportResult {
  /** The jobs' results merged into one run. */
  run: RunResult;
  loaded: LoadedManifest;
  /** The instances the jobs ran, in the manifest's order, with the dependencies among them. */
  dag: Dag;
  /** Each instance's masked plan text, as the jobs saved it. */
  plans: Map<string, string>;
}

/** `report`: the results of matrix jobs (downloaded artifacts) merged into one run, to render as one. */
export async function mergeReport(settings: ReportSettings): Promise<ReportResult> {
  const { results, plans } = await readReportFiles(settings.resultsDirectory);
  const run = mergeResults(results);
  const loaded = loadManifest(settings.manifestFile, settings.cwd, {
    ephemeralEnvironment: settings.ephemeralEnvironment,
  });
  return { run, loaded, dag: dagOfRun(loaded, run), plans };
}

function dagOfRun(loaded: LoadedManifest, run: RunResult): Dag {
  const ids = new Set(run.instances.map((instance) => instance.id));
  return {
    ids: loaded.graph.instances.filter((instance) => ids.has(instance.id)).map((instance) => instance.id),
    dependsOn: new Map(
      loaded.graph.instances.map((instance) => [instance.id, instance.dependsOn.filter((id) => ids.has(id))]),
    ),
  };
}
