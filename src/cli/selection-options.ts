import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { SelectionSettings } from '../app/select.js';

export const SELECTION_OPTIONS = {
  account: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  environment: { type: 'string', multiple: true },
  layer: { type: 'string', multiple: true },
  instance: { type: 'string', multiple: true },
  'changed-files': { type: 'string' },
} as const;

export const SELECTION_HELP = `Selection (each may repeat or take a comma-separated list):
  --account A        only instances of these accounts
  --region R         only instances in these regions (leaves out global and account instances)
  --environment E    only instances of these environments
  --layer L          only instances of these layers
  --instance ID      exactly these instance ids (as 'strata graph' prints them)
  --changed-files F  only instances affected by the files listed in F (one path per line, relative to
                     the current directory), plus everything that depends on them`;

export interface SelectionValues {
  account?: string[];
  region?: string[];
  environment?: string[];
  layer?: string[];
  instance?: string[];
  'changed-files'?: string;
}

export function splitList(values: readonly string[] | undefined): string[] | undefined {
  return values
    ?.flatMap((value) => value.split(/[,\n]/))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Turns selection flags into settings; the changed-files list is read here. */
export function selectionFromFlags(values: SelectionValues): SelectionSettings {
  const settings: SelectionSettings = {
    filter: {
      accounts: splitList(values.account),
      regions: splitList(values.region),
      environments: splitList(values.environment),
      layers: splitList(values.layer),
      instances: splitList(values.instance),
    },
  };
  const listFile = values['changed-files'];
  if (listFile !== undefined) {
    try {
      settings.changedFiles = readFileSync(listFile, 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    } catch (error) {
      throw new UsageError(`--changed-files: cannot read '${listFile}': ${(error as Error).message}`);
    }
  }
  return settings;
}
