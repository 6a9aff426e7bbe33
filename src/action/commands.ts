import { MAX_LISTED_PULL_REQUEST_FILES } from '../adapters/github-api.js';
import * as core from '@actions/core';
import path from 'node:path';
import { createChildProcessRunner } from '../adapters/child-process-runner.js';
import type { GitHubApi } from '../adapters/github-api.js';
import type { LoadedManifest } from '../adapters/load-manifest.js';
import type { Dag } from '../core/schedule/dag.js';
import { PluginCache } from '../adapters/plugin-cache.js';
import { executeRun, readPlanTexts, type RunSettings } from '../app/execute-run.js';
import { renderLeftOut } from '../core/render/left-out-note.js';
import { releaseDeploys } from '../app/deploy-hold.js';
import { executeFailover } from '../app/failover.js';
import { applyMigration, planMigration } from '../app/migrate.js';
import {
  renderMigrationApply,
  renderMigrationPlan,
  renderMigrationSummary,
} from '../core/render/migration-text.js';
import { describeRelease } from '../core/render/deploy-hold-text.js';
import { mergeReport } from '../app/merge-report.js';
import { writeReportFiles } from '../app/result-files.js';
import { showGraph } from '../app/show-graph.js';
import { renderFailoverReport } from '../core/render/failover-report.js';
import type { SelectionSettings } from '../app/select.js';
import { commentMarker, renderComment } from '../core/render/comment.js';
import { graphToJson } from '../core/render/graph-json.js';
import { renderNoResults, renderSummary, SUMMARY_MAX_BYTES } from '../core/render/summary.js';
import { toResultFile } from '../core/result-file.js';
import type { RunResult } from '../core/run-result.js';
import { createRedactor } from '../terraform/redact.js';
import type { ActionInputs, EventContext } from './inputs.js';
import { idListOutput, OUTPUTS } from './outputs.js';
import { createActionReporter } from './action-reporter.js';
import { actionWording } from './action-wording.js';
import { definedOrThrow } from '../core/lookup.js';
import { reviewedInstances } from '../app/reviewed-plan.js';
import { matrixLegs, matrixOutput } from '../core/matrix/matrix-output.js';
import { MATRIX_LEGS_FILE, readMatrixLeg, writeMatrixLegs } from '../adapters/matrix-legs-file.js';

export interface ActionContext {
  inputs: ActionInputs;
  event: EventContext;
  /** Absent without a token or a repository (a local run). */
  github: GitHubApi | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  signal: AbortSignal;
}

/** A path input, relative to working-directory unless it is absolute. */
function inOrUnder(workingDirectory: string, file: string): string;
function inOrUnder(workingDirectory: string, file: string | undefined): string | undefined;
function inOrUnder(workingDirectory: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return path.isAbsolute(file) ? file : path.join(workingDirectory, file);
}

const manifestPathOf = ({ inputs }: ActionContext) => inOrUnder(inputs.workingDirectory, inputs.manifest);

async function selectionOf(context: ActionContext): Promise<SelectionSettings> {
  const { inputs, event, github } = context;
  const selection: SelectionSettings = {
    filter: {
      accounts: inputs.accounts,
      regions: inputs.regions,
      environments: inputs.environments,
      layers: inputs.layers,
      instances:
        inputs.leg === undefined
          ? inputs.instances
          : readMatrixLeg(
              path.resolve(context.cwd, inputs.workingDirectory, inputs.workDir, MATRIX_LEGS_FILE),
              inputs.leg,
            ),
    },
  };
  // The graph and the report of an apply of a reviewed plan cover what that plan covered, and no more.
  if (inputs.planDir !== undefined && (inputs.command === 'graph' || inputs.command === 'report')) {
    selection.reviewed = await reviewedInstances(
      path.resolve(context.cwd, inputs.workingDirectory, inputs.planDir),
    );
  }
  if (inputs.changedOnly) {
    if (event.pullRequest && github) {
      const changed = await github.changedFiles(event.pullRequest.number);
      if (changed.isComplete) {
        selection.changedFiles = changed.files;
        core.info(
          `changed-only: ${changed.files.length} files changed in pull request #${event.pullRequest.number}`,
        );
      } else {
        // Selecting by a cut list would leave out layers whose files it misses: select everything instead.
        core.warning(
          `changed-only: pull request #${event.pullRequest.number} changes ${MAX_LISTED_PULL_REQUEST_FILES} files or more, the most GitHub lists (pulls.listFiles), so Strata cannot tell what changed; this run selects every instance the other inputs select.`,
        );
      }
    } else {
      core.info('changed-only applies to pull requests; this run selects by the other inputs alone');
    }
  }
  return selection;
}

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
    // A cancelled job gets SIGINT, SIGTERM 7.5 s later and is killed 2.5 s after that: Terraform must be
    // done (and its lock released) within that window.
    graceMs: 6_000,
    cwd: context.cwd,
    env: context.env,
    wording: actionWording,
  };
  const executed = await executeRun(settings, {
    runner: createChildProcessRunner(),
    redactor,
    reporter: createActionReporter(redactor),
    signal: context.signal,
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

interface Publication {
  run: RunResult;
  loaded: LoadedManifest;
  dag: Dag;
  plans: ReadonlyMap<string, string>;
  manifestFile: string;
}

/** Outputs, the job summary and, on pull requests, the sticky comment: all masked. */
async function publish(context: ActionContext, publication: Publication, mask: (text: string) => string) {
  const { run, loaded, dag, plans, manifestFile } = publication;
  const failed = run.instances.filter(
    (instance) => instance.status === 'failed' || instance.status === 'skipped',
  );
  core.setOutput(OUTPUTS.summary, mask(JSON.stringify(toResultFile(run))));
  core.setOutput(OUTPUTS.hasChanges, String(run.hasChanges));
  core.setOutput(OUTPUTS.failed, idListOutput(failed.map((instance) => instance.id)));
  const input = { run, graph: loaded.graph, dag, plans, runUrl: context.event.runUrl };
  await core.summary.addRaw(mask(renderSummary(input))).write();
  const pullRequest = context.inputs.pullRequest ?? context.event.pullRequest?.number;
  if (context.inputs.comment && pullRequest !== undefined && context.github) {
    // A plan on a pull request names the commit it planned; the apply comment on a merged one does not.
    const { commit } = context.event;
    const planned = context.event.pullRequest;
    const body = mask(
      renderComment({
        ...input,
        manifest: manifestFile,
        commit: planned && commit && { ...commit, head: planned.headSha },
      }),
    );
    const how = await context.github.upsertComment(
      pullRequest,
      commentMarker(manifestFile, run.command),
      body,
    );
    core.info(`Pull request #${pullRequest}: comment ${how}`);
  }
}

async function explainForkPullRequest(context: ActionContext, manifestFile: string) {
  const note =
    'This pull request comes from a fork. GitHub gives workflows of fork pull requests no secrets and no cloud credentials, so Strata did not plan it. A maintainer can push the branch to this repository to get a plan.';
  core.warning(note);
  await core.summary.addRaw(`### Strata: ${manifestFile}\n\n${note}\n`).write();
  if (context.inputs.comment && context.event.pullRequest && context.github) {
    const body = `${commentMarker(manifestFile)}\n### Strata plan: ${manifestFile}\n\n${note}\n`;
    await context.github.upsertComment(context.event.pullRequest.number, commentMarker(manifestFile), body);
  }
  core.setOutput(OUTPUTS.hasChanges, 'false');
}

function failUnlessSucceeded(run: RunResult) {
  if (run.status === 'succeeded') return;
  const bad = run.instances.filter((instance) => instance.status !== 'succeeded');
  core.setFailed(
    `${run.command} ${run.status}: ${bad.map((instance) => `${instance.id} ${instance.status}`).join(', ')}`,
  );
}

/** `failover` and `failback`: the engine the CLI's commands use, with the report in the job summary. */
export async function failoverCommand(context: ActionContext): Promise<void> {
  const { inputs } = context;
  const redactor = createRedactor();
  const manifestFile = manifestPathOf(context);
  const adapters = {
    runner: createChildProcessRunner(),
    redactor,
    reporter: createActionReporter(redactor),
    signal: context.signal,
  };
  if (inputs.failover.releaseDeploys) {
    const to = definedOrThrow(inputs.failover.to, "input 'to-region'");
    const released = await releaseDeploys(
      {
        mode: inputs.command === 'failback' ? 'failback' : 'failover',
        to,
        manifestFile,
        workDirectory: path.join(inputs.workingDirectory, inputs.workDir),
        terraformBinary: inputs.terraformBinary,
        cwd: context.cwd,
        env: context.env,
        wording: actionWording,
      },
      adapters,
    );
    const text = describeRelease(to, released.released, released.clearedLocks);
    core.info(text);
    await core.summary.addRaw(`${text}\n`).write();
    return;
  }
  const run = await executeFailover(
    {
      mode: inputs.command === 'failback' ? 'failback' : 'failover',
      to: definedOrThrow(inputs.failover.to, "input 'to-region'"),
      from: inputs.failover.from,
      dryRun: inputs.failover.dryRun,
      force: inputs.failover.force,
      writeManifest: inputs.failover.writeManifest,
      history: inputs.failover.history,
      holdDeploys: inputs.failover.holdDeploys,
      checkReplicas: inputs.failover.replicaCheck,
      ignoreRecoveryPoint: inputs.failover.ignoreRecoveryPoint,
      planDirectory:
        inputs.planDir === undefined ? undefined : path.join(inputs.workingDirectory, inputs.planDir),
      allowDestroy: inputs.allowDestroy,
      manifestFile,
      accounts: inputs.accounts,
      environments: inputs.environments,
      layers: inputs.layers,
      parallelism: inputs.parallelism,
      workDirectory: path.join(inputs.workingDirectory, inputs.workDir),
      terraformBinary: inputs.terraformBinary,
      graceMs: 6_000,
      cwd: context.cwd,
      env: context.env,
      wording: actionWording,
    },
    adapters,
  );
  const failover = definedOrThrow(run.failover, "a failover run's summary");
  core.setOutput(OUTPUTS.summary, redactor.redact(JSON.stringify(toResultFile(run))));
  core.setOutput(
    OUTPUTS.failed,
    idListOutput(run.instances.filter((i) => i.status !== 'succeeded').map((i) => i.id)),
  );
  core.setOutput(OUTPUTS.hasChanges, String(run.hasChanges));
  if (failover.recoverySeconds !== null)
    core.setOutput(OUTPUTS.recoverySeconds, String(failover.recoverySeconds));
  if (failover.dryRun) core.setOutput(OUTPUTS.ready, String(run.status === 'succeeded'));
  const reportDirectory = path.join(
    path.resolve(context.cwd, inputs.workingDirectory, inputs.workDir),
    'results',
  );
  core.setOutput(OUTPUTS.resultFile, await writeReportFiles(reportDirectory, run, new Map()));
  core.setOutput(OUTPUTS.reportDir, reportDirectory);
  // The approver of a real move reads this summary: it shows the plans (masked by readPlanTexts, cut to fit).
  const plans = await readPlanTexts({
    run,
    redactor,
    workDirectory: path.resolve(context.cwd, inputs.workingDirectory, inputs.workDir),
  });
  const report = renderFailoverReport(run, actionWording.setting, {
    awaitingApproval: failover.dryRun && inputs.failover.holdDeploys,
    plans,
    maxBytes: SUMMARY_MAX_BYTES,
  });
  await core.summary.addRaw(redactor.redact(`${report}\n`)).write();
  failUnlessSucceeded(run);
}

/**
 * `migrate`: `migrate plan` (the default) or, with `migrate-apply`, `migrate apply` of the one layer or
 * instance given; what the CLI prints goes to the log and, fenced, to the job summary.
 */
export async function migrateCommand(context: ActionContext): Promise<void> {
  const { inputs } = context;
  const redactor = createRedactor();
  const manifestFile = manifestPathOf(context);
  const settings = {
    manifestFile,
    migrationFile: inOrUnder(inputs.workingDirectory, inputs.migrate.migrationFile),
    workDirectory: path.join(inputs.workingDirectory, inputs.workDir),
    terraformBinary: inputs.terraformBinary,
    parallelism: inputs.parallelism,
    graceMs: 6_000,
    cwd: context.cwd,
    env: context.env,
    wording: actionWording,
  };
  const adapters = {
    runner: createChildProcessRunner(),
    redactor,
    reporter: createActionReporter(redactor),
    signal: context.signal,
  };
  if (!inputs.migrate.apply) {
    const text = redactor.redact(
      renderMigrationPlan(await planMigration(settings, adapters), actionWording.command),
    );
    core.info(text);
    await core.summary.addRaw(renderMigrationSummary(`Strata migrate plan: ${manifestFile}`, text)).write();
    return;
  }
  const { instances } = await applyMigration(
    { ...settings, layer: inputs.layers[0], instance: inputs.instances[0] },
    adapters,
  );
  const text = redactor.redact(renderMigrationApply(instances));
  core.info(text);
  await core.summary.addRaw(renderMigrationSummary(`Strata migrate apply: ${manifestFile}`, text)).write();
  const failed = instances.filter((instance) => instance.status === 'failed').map((instance) => instance.id);
  core.setOutput(OUTPUTS.failed, failed.join(','));
  if (failed.length > 0)
    core.setFailed(`migrate apply failed (every touched state restored): ${failed.join(', ')}`);
}
