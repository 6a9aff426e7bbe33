import * as core from '@actions/core';
import path from 'node:path';
import { applyMigration, planMigration } from '../app/migrate/migrate.js';
import {
  renderMigrationApply,
  renderMigrationPlan,
  renderMigrationSummary,
} from '../core/render/migration-text.js';
import { createRedactor } from '../terraform/redact.js';
import { OUTPUTS } from './outputs.js';
import { actionWording } from './action-wording.js';

import {
  CANCEL_GRACE_MS,
  engineAdaptersOf,
  inOrUnder,
  manifestPathOf,
  type ActionContext,
} from './action-context.js';

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
    graceMs: CANCEL_GRACE_MS,
    cwd: context.cwd,
    env: context.env,
    wording: actionWording,
  };
  const adapters = engineAdaptersOf(context, redactor);
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
