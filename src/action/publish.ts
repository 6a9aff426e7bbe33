import * as core from '@actions/core';
import type { LoadedManifest } from '../adapters/load-manifest.js';
import type { Dag } from '../core/schedule/dag.js';
import { commentMarker, renderComment } from '../core/render/comment.js';
import { renderSummary } from '../core/render/summary.js';
import { toResultFile } from '../core/result-file.js';
import type { RunResult } from '../core/run-result.js';
import type { ActionContext } from './action-context.js';
import { idListOutput, OUTPUTS } from './outputs.js';

/** What a plan, apply, destroy, drift or report run gives the job: its result and what the reports need. */
export interface Publication {
  run: RunResult;
  loaded: LoadedManifest;
  dag: Dag;
  plans: ReadonlyMap<string, string>;
  manifestFile: string;
}

/** Outputs, the job summary and, on pull requests, the sticky comment: all masked. */
export async function publish(
  context: ActionContext,
  publication: Publication,
  mask: (text: string) => string,
) {
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

/** A fork's pull request gets no secrets: the summary and the comment say why it was not planned. */
export async function explainForkPullRequest(context: ActionContext, manifestFile: string) {
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

/** Fails the job, naming each instance that did not succeed, unless the run succeeded. */
export function failUnlessSucceeded(run: RunResult) {
  if (run.status === 'succeeded') return;
  const bad = run.instances.filter((instance) => instance.status !== 'succeeded');
  core.setFailed(
    `${run.command} ${run.status}: ${bad.map((instance) => `${instance.id} ${instance.status}`).join(', ')}`,
  );
}
