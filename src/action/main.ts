import * as core from '@actions/core';
import type { ActionContext } from './action-context.js';
import { graphCommand, reportCommand, terraformCommand } from './commands.js';
import { failoverCommand } from './failover-command.js';
import { migrateCommand } from './migrate-command.js';
import { createGitHubApi } from '../adapters/github-api.js';
import { ManifestError, UsageError, getErrorMessage } from '../core/errors.js';
import { MigrationFileError } from '../core/migrate/parse-migration.js';
import { processEnvironment, readEventContext } from './runner-context.js';
import { readInputs } from './inputs.js';
import { actionWording } from './action-wording.js';

/**
 * The action: reads its inputs, runs the engine the CLI uses, sets outputs and writes the reports. A
 * cancelled job's SIGINT or SIGTERM stops new work and is forwarded to running Terraform processes.
 * Resolves to 'bad-input' when it failed for a manifest or migration file problem or a wrong input, which
 * the entry (src/index.ts) ends with exit code 2 as the CLI does; a failed or refused run ends with the 1
 * that `core.setFailed` leaves. The entry sets it, so that the in-process tests leave their own process's alone.
 */
export async function run(): Promise<'bad-input' | 'ran'> {
  const controller = new AbortController();
  const cancel = (signal: string) => {
    core.warning(`${signal} received: stopping; running Terraform commands are interrupted and awaited`);
    controller.abort();
  };
  const onSigint = () => {
    cancel('SIGINT');
  };
  const onSigterm = () => {
    cancel('SIGTERM');
  };
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
  try {
    const inputs = readInputs();
    const event = readEventContext();
    const context: ActionContext = {
      inputs,
      event,
      github:
        inputs.githubToken && event.repository
          ? createGitHubApi(inputs.githubToken, event.repository)
          : undefined,
      env: processEnvironment(),
      cwd: process.cwd(),
      signal: controller.signal,
    };
    if (inputs.command === 'graph') await graphCommand(context);
    else if (inputs.command === 'report') await reportCommand(context);
    else if (inputs.command === 'failover' || inputs.command === 'failback') await failoverCommand(context);
    else if (inputs.command === 'migrate') await migrateCommand(context);
    else await terraformCommand(context);
    return 'ran';
  } catch (error) {
    if (error instanceof ManifestError) {
      for (const problem of error.problems) {
        core.error(problem.message, {
          file: problem.file,
          startLine: problem.line,
          startColumn: problem.column,
        });
      }
      const where = error instanceof MigrationFileError ? 'the migration file' : 'the manifest';
      core.setFailed(`${error.problems.length} problem(s) in ${where}; see the annotations`);
      return 'bad-input';
    }
    core.setFailed(getErrorMessage(error, actionWording));
    return error instanceof UsageError ? 'bad-input' : 'ran';
  } finally {
    // Not left behind for whatever runs in the process after the action (its in-process tests run it again).
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
}
