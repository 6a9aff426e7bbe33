import * as core from '@actions/core';
import path from 'node:path';
import { loadManifest } from './adapters/load-manifest.js';
import { ManifestError, getErrorMessage } from './core/errors.js';
import { graphToJson } from './core/render/graph-json.js';
import { computeWaves } from './core/schedule/waves.js';
import { selectInstances } from './core/selection/select-instances.js';
import { readInputs } from './inputs.js';

/** The action: reads its inputs, runs the engine the CLI uses, and sets outputs. */
export function run(): void {
  try {
    const inputs = readInputs();
    const manifestFile = path.join(inputs.workingDirectory, inputs.manifest);
    const loaded = loadManifest(manifestFile);
    const dag = selectInstances(loaded.graph, {
      accounts: inputs.accounts,
      regions: inputs.regions,
      environments: inputs.environments,
      layers: inputs.layers,
      instances: inputs.instances,
    });
    const graph = graphToJson(loaded.graph, dag, computeWaves(dag));
    core.setOutput('graph', JSON.stringify(graph));
    core.info(`${graph.nodes.length} instances in ${graph.waves.length} waves`);
  } catch (error) {
    if (error instanceof ManifestError) {
      for (const problem of error.problems) {
        core.error(problem.message, {
          file: problem.file,
          startLine: problem.line,
          startColumn: problem.column,
        });
      }
      core.setFailed(`${error.problems.length} problem(s) in the manifest`);
      return;
    }
    core.setFailed(getErrorMessage(error));
  }
}
