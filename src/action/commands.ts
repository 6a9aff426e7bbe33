import * as core from '@actions/core';
import path from 'node:path';
import { PluginCache } from '../adapters/plugin-cache.js';
import { executeRun, type RunSettings } from '../app/execute-run.js';
import { readPlanTexts } from '../app/plan-texts.js';
import { renderLeftOut } from '../core/render/left-out-note.js';
import { mergeReport } from '../app/merge-report.js';
import { writeReportFiles } from '../app/result-files.js';
import { showGraph } from '../app/show-graph.js';
import { graphToJson } from '../core/render/graph-json.js';
import { renderNoResults } from '../core/render/summary.js';
import { createRedactor } from '../terraform/redact.js';
import { idListOutput, OUTPUTS } from './outputs.js';
import { actionWording } from './action-wording.js';
import { definedOrThrow } from '../core/lookup.js';
import { matrixLegs, matrixOutput } from '../core/matrix/matrix-output.js';
import { MATRIX_LEGS_FILE, writeMatrixLegs } from '../adapters/matrix-legs-file.js';

import {
  CANCEL_GRACE_MS,
  engineAdaptersOf,
  manifestPathOf,
  selectionOf,
  type ActionContext,
} from './action-context.js';
import { explainForkPullRequest, failUnlessSucceeded, publish } from './publish.js';

/** `graph`: the selected instances, their waves, and the job matrix for fanning out. */
export async function graphCommand(context: ActionContext): Promise<void> {
  const { loaded, dag, waves, matrix } = showGraph({
    manifestFile: manifestPathOf(context),
    cwd: context.cwd,
    selection: await selectionOf(context),
    ephemeralEnvironment: context.inputs.ephemeralEnvironment,
    maxStages: context.inputs.maxStages,
  });
  core.setOutput(OUTPUTS.graph, JSON.stringify(graphToJson(loaded.graph, dag, waves)));
  core.setOutput(OUTPUTS.matrix, JSON.stringify(matrixOutput(matrix)));
  const { workingDirectory, workDir } = context.inputs;
  const legsFile = path.resolve(context.cwd, workingDirectory, workDir, MATRIX_LEGS_FILE);
  writeMatrixLegs(legsFile, matrixLegs(matrix));
  core.setOutput(OUTPUTS.legsFile, legsFile);
  core.info(`${dag.ids.length} instances in ${waves.length} waves, ${matrix.stage_count} matrix stages`);
}

/** `plan`, `apply`, `destroy` and `drift` (a plan whose changes are reported as drift, not failures). */
export async function terraformCommand(context: ActionContext): Promise<void> {
  const { inputs, event } = context;
  const manifestFile = manifestPathOf(context);
  if (event.pullRequest?.isFork && (inputs.command === 'plan' || inputs.command === 'drift')) {
    await explainForkPullRequest(context, manifestFile);
    return;
  }
  const redactor = createRedactor();
  let cache: PluginCache | undefined;
  const settings: RunSettings = {
    command: inputs.command === 'drift' ? 'plan' : (inputs.command as RunSettings['command']),
    manifestFile,
    selection: await selectionOf(context),
    ephemeralEnvironment: inputs.ephemeralEnvironment,
    parallelism: inputs.parallelism,
    failFast: inputs.failFast,
    ignoreFailoverRecord: inputs.ignoreFailoverRecord,
    stalePlans: inputs.stalePlans,
    workDirectory: path.join(inputs.workingDirectory, inputs.workDir),
    terraformBinary: inputs.terraformBinary,
    planDirectory:
      inputs.planDir === undefined ? undefined : path.join(inputs.workingDirectory, inputs.planDir),
    allowDestroy: inputs.allowDestroy,
    graceMs: CANCEL_GRACE_MS,
    cwd: context.cwd,
    env: context.env,
    wording: actionWording,
  };
  const executed = await executeRun(settings, {
    ...engineAdaptersOf(context, redactor),
    hooks: inputs.cache
      ? {
          async beforeEngine(info) {
            cache = PluginCache.forRun({
              directory: info.pluginCacheDirectory,
              runnerOs: event.runnerOs,
              terraformVersion: info.terraformVersion,
              manifestDirectory: info.loaded.directory,
              layerPaths: info.loaded.manifest.layers.map((layer) => layer.path),
              log: core,
            });
            await cache.restore();
          },
          afterEngine: () => cache?.save() ?? Promise.resolve(),
        }
      : undefined,
  });
  const leftOut = renderLeftOut(executed.leftOut, actionWording.command);
  if (leftOut !== '') core.warning(leftOut);
  const plans = await readPlanTexts(executed);
  const reportDirectory = path.join(executed.workDirectory, 'results');
  const resultFile = await writeReportFiles(reportDirectory, executed.run, plans);
  await publish(
    context,
    { run: executed.run, loaded: executed.loaded, dag: executed.dag, plans, manifestFile },
    (text) => redactor.redact(text),
  );
  core.setOutput(OUTPUTS.resultFile, resultFile);
  core.setOutput(OUTPUTS.reportDir, reportDirectory);
  failUnlessSucceeded(executed.run);
}

/** `report`: the results of matrix jobs (downloaded artifacts) merged into one summary and comment. */
export async function reportCommand(context: ActionContext): Promise<void> {
  const manifestFile = manifestPathOf(context);
  const directory = path.resolve(
    context.cwd,
    context.inputs.workingDirectory,
    definedOrThrow(context.inputs.resultsDir, "input 'results-dir'"),
  );
  const { run, loaded, dag, plans } = await mergeReport({
    manifestFile,
    cwd: context.cwd,
    resultsDirectory: directory,
    selection: await selectionOf(context),
    ephemeralEnvironment: context.inputs.ephemeralEnvironment,
  });
  if (run === undefined && dag.ids.length === 0) {
    // Nothing selected (a reviewed plan that planned no instance): no stage ran, and none had to.
    await core.summary
      .addRaw(`## Strata report: nothing to apply\n\nThe selection of ${manifestFile} has no instances.\n`)
      .write();
    core.setOutput(OUTPUTS.hasChanges, 'false');
    core.setOutput(OUTPUTS.failed, '');
    return;
  }
  if (run === undefined) {
    const directoryInput = definedOrThrow(context.inputs.resultsDir, "input 'results-dir'");
    await core.summary
      .addRaw(
        renderNoResults({ directory: directoryInput, manifest: manifestFile, instances: dag.ids.length }),
      )
      .write();
    core.setOutput(OUTPUTS.hasChanges, 'false');
    core.setOutput(OUTPUTS.failed, idListOutput(dag.ids));
    core.setFailed(
      `report: no result files in ${directoryInput}; none of the ${dag.ids.length} instances is known to have run`,
    );
    return;
  }
  await publish(context, { run, loaded, dag, plans, manifestFile }, (text) => text);
  failUnlessSucceeded(run);
}
