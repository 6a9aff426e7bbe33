import * as core from '@actions/core';
import { UsageError } from './core/errors.js';

export const COMMANDS = ['graph'] as const;
export type ActionCommand = (typeof COMMANDS)[number];

/** Every input of action.yml, read and checked once. */
export interface ActionInputs {
  command: ActionCommand;
  manifest: string;
  accounts: string[];
  regions: string[];
  environments: string[];
  layers: string[];
  instances: string[];
  workingDirectory: string;
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function readInputs(): ActionInputs {
  const command = core.getInput('command') || 'graph';
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Input 'command' must be one of ${COMMANDS.join(', ')}, got '${command}'`);
  }
  return {
    command: command as ActionCommand,
    manifest: core.getInput('manifest') || 'layers.yml',
    accounts: list('accounts'),
    regions: list('regions'),
    environments: list('environments'),
    layers: list('layers'),
    instances: list('instance'),
    workingDirectory: core.getInput('working-directory') || '.',
  };
}
