import type { Redactor } from '../terraform/redact.js';
import { createChildProcessRunner } from '../adapters/child-process-runner.js';
import { createActionReporter } from './action-reporter.js';
import { MAX_LISTED_PULL_REQUEST_FILES } from '../adapters/github-api.js';
import * as core from '@actions/core';
import path from 'node:path';
import type { GitHubApi } from '../adapters/github-api.js';
import type { SelectionSettings } from '../app/select.js';
import type { EventContext } from './runner-context.js';
import type { ActionInputs } from './inputs.js';
import { reviewedInstances } from '../app/reviewed-plan.js';
import { MATRIX_LEGS_FILE, readMatrixLeg } from '../adapters/matrix-legs-file.js';

/** What every command of the action is given: its inputs, the event, the GitHub API, the process's world. */
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
export function inOrUnder(workingDirectory: string, file: string): string;
export function inOrUnder(workingDirectory: string, file: string | undefined): string | undefined;
export function inOrUnder(workingDirectory: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return path.isAbsolute(file) ? file : path.join(workingDirectory, file);
}

/** The manifest input, under working-directory. */
export const manifestPathOf = ({ inputs }: ActionContext) =>
  inOrUnder(inputs.workingDirectory, inputs.manifest);

/** The instances the inputs select (a matrix leg, a reviewed plan, changed-only on a pull request). */
export async function selectionOf(context: ActionContext): Promise<SelectionSettings> {
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

/**
 * How long an interrupted Terraform command is given to finish: a cancelled job gets SIGINT, SIGTERM 7.5 s
 * later and is killed 2.5 s after that, so Terraform must be done (and its lock released) within that window.
 */
export const CANCEL_GRACE_MS = 6_000;

/** What the engine runs with in the action: real processes, reported to the job's log, masked by `redactor`. */
export function engineAdaptersOf(context: ActionContext, redactor: Redactor) {
  return {
    runner: createChildProcessRunner(),
    redactor,
    reporter: createActionReporter(redactor),
    signal: context.signal,
  };
}
