import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { STALE_PLANS, type StalePlans } from '../core/reviewed-plan.js';

export const ACTION_COMMANDS = [
  'graph',
  'plan',
  'apply',
  'destroy',
  'drift',
  'report',
  'failover',
  'failback',
  'migrate',
] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** Every input of action.yml, read and checked once, named in camelCase. */
export interface ActionInputs {
  command: ActionCommand;
  manifest: string;
  workingDirectory: string;
  accounts: string[];
  regions: string[];
  environments: string[];
  layers: string[];
  instances: string[];
  /** A leg of the graph job's matrix, whose instances the legs file in work-dir lists. */
  leg: string | undefined;
  changedOnly: boolean;
  ephemeralEnvironment: string | undefined;
  parallelism: number | undefined;
  failFast: boolean;
  /** With command migrate: the migration file (default migrate.yml beside the manifest), and whether to move. */
  migrate: { migrationFile: string | undefined; apply: boolean };
  ignoreFailoverRecord: string[];
  terraformBinary: string | undefined;
  workDir: string;
  planDir: string | undefined;
  stalePlans: StalePlans;
  /** The pull request to comment on instead of the event's (an apply after a merge comments on the merged one). */
  pullRequest: number | undefined;
  /** allow-destroy: instances of stateful layers whose plans may destroy or replace resources. */
  allowDestroy: string[];
  resultsDir: string | undefined;
  maxStages: number;
  comment: boolean;
  githubToken: string;
  cache: boolean;
  failover: {
    to: string | undefined;
    from: string | undefined;
    dryRun: boolean;
    force: boolean;
    writeManifest: boolean;
    history: string | undefined;
    holdDeploys: boolean;
    releaseDeploys: boolean;
    replicaCheck: boolean;
    ignoreRecoveryPoint: boolean;
  };
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function optional(name: string): string | undefined {
  return core.getInput(name) || undefined;
}

function flag(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new UsageError(`Input '${name}' must be 'true' or 'false', got '${core.getInput(name)}'`);
}

function wholeNumber(name: string, minimum: number): number | undefined {
  const value = core.getInput(name).trim();
  if (value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) {
    throw new UsageError(`Input '${name}' must be a whole number ≥ ${minimum}, got '${value}'`);
  }
  return parsed;
}

function oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (!(values as readonly string[]).includes(value)) {
    throw new UsageError(`Input '${name}' must be one of ${values.join(', ')}, got '${value}'`);
  }
  return value as T;
}

export function readInputs(): ActionInputs {
  const command = core.getInput('command') || 'graph';
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Input 'command' must be one of ${ACTION_COMMANDS.join(', ')}, got '${command}'`);
  }
  const inputs: ActionInputs = {
    command: command as ActionCommand,
    manifest: core.getInput('manifest') || 'layers.yml',
    workingDirectory: core.getInput('working-directory') || '.',
    accounts: list('accounts'),
    regions: list('regions'),
    environments: list('environments'),
    layers: list('layers'),
    instances: list('instance'),
    leg: optional('leg')?.trim() || undefined,
    changedOnly: flag('changed-only', false),
    ephemeralEnvironment: optional('ephemeral-environment'),
    parallelism: wholeNumber('parallelism', 1),
    failFast: flag('fail-fast', false),
    migrate: { migrationFile: optional('migration'), apply: flag('migrate-apply', false) },
    ignoreFailoverRecord: list('ignore-failover-record'),
    terraformBinary: optional('terraform-binary'),
    workDir: core.getInput('work-dir') || '.strata',
    planDir: optional('plan-dir'),
    stalePlans: oneOf('stale-plans', STALE_PLANS, 'refuse'),
    pullRequest: wholeNumber('pull-request', 1),
    allowDestroy: list('allow-destroy'),
    resultsDir: optional('results-dir'),
    maxStages: wholeNumber('max-stages', 1) ?? 8,
    comment: flag('comment', true),
    githubToken: core.getInput('github-token'),
    cache: flag('cache', true),
    failover: {
      to: optional('to-region'),
      from: optional('from-region'),
      dryRun: flag('dry-run', false),
      force: flag('force', false),
      writeManifest: flag('write-manifest', false),
      history: optional('history'),
      holdDeploys: flag('hold-deploys', false),
      releaseDeploys: flag('release-deploys', false),
      replicaCheck: flag('replica-check', true),
      ignoreRecoveryPoint: flag('ignore-recovery-point', false),
    },
  };
  if (inputs.command === 'failover' || inputs.command === 'failback') {
    const { to, dryRun } = inputs.failover;
    if (to === undefined)
      throw new UsageError(`Input 'to-region' is required with command '${inputs.command}'`);
    const confirm = core.getInput('confirm').trim();
    if (!dryRun && confirm !== to) {
      throw new UsageError(
        `A real ${inputs.command} moves production: input 'confirm' must repeat the target region '${to}', got '${confirm}'. Type the region to confirm, or run with dry-run: true.`,
      );
    }
  }
  if (inputs.command === 'migrate' && inputs.migrate.apply) {
    const given = inputs.layers.length + inputs.instances.length;
    if (given !== 1) {
      throw new UsageError(
        `A migrate apply moves one layer or one instance at a time: give exactly one of input 'layers' (one layer) or input 'instance' (one id), got ${String(given)}`,
      );
    }
  }
  if (inputs.leg !== undefined) {
    if (!['plan', 'apply', 'destroy', 'drift'].includes(inputs.command)) {
      throw new UsageError(
        `Input 'leg' only goes with commands plan, apply, destroy and drift, got command '${inputs.command}'`,
      );
    }
    if (inputs.instances.length > 0) {
      throw new UsageError(
        "Inputs 'leg' and 'instance' both select instances: give one of them (a stage job gives 'leg').",
      );
    }
  }
  if (inputs.command === 'report' && inputs.resultsDir === undefined) {
    throw new UsageError("Input 'results-dir' is required with command 'report'");
  }
  if (
    inputs.planDir !== undefined &&
    !['apply', 'failover', 'failback', 'graph', 'report'].includes(inputs.command)
  ) {
    throw new UsageError(
      `Input 'plan-dir' only goes with commands apply, failover, failback, graph and report, got command '${inputs.command}'`,
    );
  }
  return inputs;
}
