import * as core from '@actions/core';
import path from 'node:path';
import { readPlanTexts } from '../app/plan-texts.js';
import { releaseDeploys } from '../app/dr/deploy-hold.js';
import { executeFailover } from '../app/dr/failover.js';
import { describeRelease } from '../core/render/deploy-hold-text.js';
import { writeReportFiles } from '../app/result-files.js';
import { renderFailoverReport } from '../core/render/failover-report.js';
import { SUMMARY_MAX_BYTES } from '../core/render/summary.js';
import { toResultFile } from '../core/result-file.js';
import { createRedactor } from '../terraform/redact.js';
import { idListOutput, OUTPUTS } from './outputs.js';
import { actionWording } from './action-wording.js';
import { definedOrThrow } from '../core/lookup.js';

import { CANCEL_GRACE_MS, engineAdaptersOf, manifestPathOf, type ActionContext } from './action-context.js';
import { failUnlessSucceeded } from './publish.js';

/** `failover` and `failback`: the engine the CLI's commands use, with the report in the job summary. */
export async function failoverCommand(context: ActionContext): Promise<void> {
  const { inputs } = context;
  const redactor = createRedactor();
  const manifestFile = manifestPathOf(context);
  const adapters = engineAdaptersOf(context, redactor);
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
      graceMs: CANCEL_GRACE_MS,
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
