import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { LayerGraph } from '../core/graph/types.js';
import type { SelectionFilter } from '../core/selection/select-instances.js';

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

const split = (values: string[] | undefined) =>
  values
    ?.flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');

/** Turns selection flags into a filter; changed files are read and made relative to the manifest's directory. */
export function selectionFromFlags(
  values: SelectionValues,
  context: { graph: LayerGraph; manifestFile: string; manifestDirectory: string; cwd: string },
): SelectionFilter {
  const filter: SelectionFilter = {
    accounts: split(values.account),
    regions: split(values.region),
    environments: split(values.environment),
    layers: split(values.layer),
    instances: split(values.instance),
  };
  const listFile = values['changed-files'];
  if (listFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(listFile, 'utf8');
    } catch (error) {
      throw new UsageError(`--changed-files: cannot read '${listFile}': ${(error as Error).message}`);
    }
    const absolute = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => path.resolve(context.cwd, line));
    const manifestPath = path.resolve(context.cwd, context.manifestFile);
    filter.changes = {
      files: absolute
        .map((file) => path.relative(context.manifestDirectory, file).split(path.sep).join('/'))
        .filter((file) => !file.startsWith('../') && !path.isAbsolute(file)),
      watchedPaths: new Map(
        [...new Set(context.graph.instances.map((instance) => instance.layer))].map((layer) => [
          layer,
          [context.graph.instances.find((instance) => instance.layer === layer)!.path],
        ]),
      ),
      manifestChanged: absolute.includes(manifestPath),
    };
  }
  return filter;
}
