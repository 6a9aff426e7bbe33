import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EngineSettings } from '../app/engine-setup.js';
import { UsageError } from '../core/errors.js';
import { splitList } from './selection-options.js';
import { terminalWording } from './terminal-wording.js';

/**
 * The flags of every command that runs Terraform over the estate (`strata plan|apply|destroy` and
 * `strata failover|failback`), in node:util parseArgs form: one definition, so the commands cannot drift
 * apart in a name or a default. Each command adds its own flags beside these.
 */
export const RUN_OPTIONS = {
  manifest: { type: 'string', default: 'layers.yml' },
  parallelism: { type: 'string' },
  'work-dir': { type: 'string', default: '.strata' },
  'json-out': { type: 'string' },
  'terraform-binary': { type: 'string' },
  'plan-dir': { type: 'string' },
  'allow-destroy': { type: 'string', multiple: true },
  help: { type: 'boolean' },
} as const;

/** Parses a run command's argv: RUN_OPTIONS and the command's own `options`; no positionals, no unknown flags. */
export function parseRunFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({
    args: argv,
    options: { ...RUN_OPTIONS, ...options },
    allowPositionals: false,
    strict: true,
  }).values;
}

/** What parseArgs gives for RUN_OPTIONS. */
export interface RunValues {
  manifest: string;
  parallelism?: string | undefined;
  'work-dir': string;
  'terraform-binary'?: string | undefined;
  'plan-dir'?: string | undefined;
  'allow-destroy'?: string[] | undefined;
}

/** The settings every run use case shares, from RUN_OPTIONS' values and the process the CLI runs in. */
export function runSettingsFromFlags(
  values: RunValues,
  process: { cwd: string; env: EngineSettings['env'] },
): EngineSettings & { manifestFile: string } {
  return {
    manifestFile: values.manifest,
    parallelism: parseParallelism(values.parallelism),
    workDirectory: values['work-dir'],
    terraformBinary: values['terraform-binary'],
    planDirectory: values['plan-dir'],
    allowDestroy: splitList(values['allow-destroy']),
    cwd: process.cwd,
    env: process.env,
    wording: terminalWording,
  };
}

/**
 * A file flag's value as a path from the folder the command runs in: the CLI's `cwd`, which an in-process
 * caller sets, and not this Node process's working directory.
 */
export function pathFromCwd(process: { cwd: string }, file: string): string;
export function pathFromCwd(process: { cwd: string }, file: string | undefined): string | undefined;
export function pathFromCwd(process: { cwd: string }, file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.resolve(process.cwd, file);
}

export function parseParallelism(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new UsageError(`--parallelism must be a whole number ≥ 1, got '${value}'`);
  }
  return parsed;
}
