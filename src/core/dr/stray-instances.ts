import type { Instance, LayerGraph } from '../graph/types.js';
import { primaryRegionFor, primaryRegionOf } from '../manifest/primary-region.js';
import type { EnvironmentSpec, Manifest } from '../manifest/types.js';
import { getOrThrow } from '../lookup.js';
import { steadyStateRoles } from './steady-state.js';
import { suggest, type CommandName, type GivenSetting } from '../wording.js';

/**
 * What may still run in a region that comes back after a failover: every instance the manifest can place
 * there that its steady state no longer manages (environment copies left in the old primary, environments
 * narrowed to it), each with the command that retires it and the one that re-adopts it. Pure: the app layer
 * reads each candidate's state in the region (app/dr/stray-report.ts) and hands the findings here.
 */

/** Why an instance is not managed in steady state. */
export type StrayKind =
  /** An environment that runs in the primary now: the copy left behind in the old primary. */
  | 'environment-copy'
  /** An environment that runs only in regions other than the primary: it dropped out of management. */
  | 'narrowed-environment'
  /** A region layer not marked standby. */
  | 'region-layer';

export interface StrayCandidate {
  id: string;
  kind: StrayKind;
  /** The primary of its account or environment (primary_region, else the region roles'). */
  primary: string;
  /**
   * The selection its commands need when that primary is its own (account `dev`, with environment `staging`
   * for an environment's): a failback of its scope alone. Empty when it follows the region roles.
   */
  selection: GivenSetting[];
}

/** Every instance in `region` that normal runs do not manage, in graph order. */
export function strayCandidates(graph: LayerGraph, manifest: Manifest, region: string): StrayCandidate[] {
  const roleOf = steadyStateRoles(manifest);
  const environments = new Map<string, EnvironmentSpec>();
  const accounts = new Map(manifest.accounts.map((account) => [account.name, account]));
  for (const account of manifest.accounts) {
    for (const environment of account.environments) {
      environments.set(`${account.name}/${environment.name}`, environment);
    }
  }
  const environmentOf = (instance: Instance) =>
    instance.account === null || instance.environment === null
      ? undefined
      : getOrThrow(environments, `${instance.account}/${instance.environment}`, 'environment');
  const kindOf = (instance: Instance, primary: string): StrayKind => {
    const environment = environmentOf(instance);
    if (environment === undefined) return 'region-layer';
    return environment.regions.includes(primary) ? 'environment-copy' : 'narrowed-environment';
  };
  const selectionOf = (instance: Instance): GivenSetting[] => {
    if (instance.account === null) return [];
    const account = { setting: 'account', value: instance.account } as const;
    if (environmentOf(instance)?.primaryRegion !== undefined) {
      return [account, { setting: 'environment', value: String(instance.environment) }];
    }
    return accounts.get(instance.account)?.primaryRegion === undefined ? [] : [account];
  };
  return graph.instances
    .filter((instance) => instance.region === region && roleOf(instance) === null)
    .map((instance) => {
      const primary = primaryRegionFor(manifest, instance.account, instance.environment);
      return { id: instance.id, kind: kindOf(instance, primary), primary, selection: selectionOf(instance) };
    });
}

/** What reading a candidate's state in the region found. */
export type StrayReading = { resources: number } | { error: string };

export interface StrayEntry {
  id: string;
  kind: StrayKind;
  /** Resources its state holds there; null when it could not be read. */
  resources: number | null;
  error: string | null;
  /** What this is, in words. */
  what: string;
  /** The command that destroys it there, and the one that brings it back under management. */
  retire: string;
  readopt: string;
}

export interface StrayReport {
  region: string;
  primary: string;
  /** Candidates whose state holds resources, or could not be read: what is (or may be) still running. */
  entries: StrayEntry[];
  /** Candidates read and found empty. */
  empty: string[];
}

/**
 * The report: each candidate with resources (or unreadable) and its commands. Retiring goes through a
 * failback to the current primary from the region (it destroys what steady state does not keep there and
 * returns the region to secondary); re-adopting through a failback to the region (it becomes primary, its
 * environments managed again). A narrowed environment has no other home: retiring it destroys it, and the
 * report says so. The commands are worded by `command`, as the entry that shows the report words them.
 */
export function strayReport(
  manifest: Manifest,
  region: string,
  candidates: readonly StrayCandidate[],
  readings: ReadonlyMap<string, StrayReading>,
  command: CommandName,
): StrayReport {
  const primary = primaryRegionOf(manifest);
  const entries: StrayEntry[] = [];
  const empty: string[] = [];
  for (const candidate of candidates) {
    const reading = getOrThrow(readings, candidate.id, 'a stray reading');
    if ('resources' in reading && reading.resources === 0) {
      empty.push(candidate.id);
      continue;
    }
    const [resources, error] = 'resources' in reading ? [reading.resources, null] : [null, reading.error];
    entries.push({
      id: candidate.id,
      kind: candidate.kind,
      resources,
      error,
      ...describe(candidate, region, command),
    });
  }
  return { region, primary, entries, empty };
}

function describe(
  candidate: StrayCandidate,
  region: string,
  command: CommandName,
): Pick<StrayEntry, 'what' | 'retire' | 'readopt'> {
  const { primary, selection } = candidate;
  const retire = command(
    suggest('failback', { setting: 'to', value: primary }, { setting: 'from', value: region }, ...selection),
  );
  const failback = command(suggest('failback', { setting: 'to', value: region }, ...selection));
  switch (candidate.kind) {
    case 'environment-copy':
      return {
        what: `the copy left in ${region}: the environment runs in ${primary} now`,
        retire,
        readopt: failback,
      };
    case 'narrowed-environment':
      return {
        what: `an environment that runs only outside ${primary}: no normal run manages it while ${primary} is primary; retiring it destroys the environment`,
        retire,
        readopt: `${failback} (or add ${primary} to its regions, or give it pilot_light or warm_standby, so steady state manages it)`,
      };
    case 'region-layer':
      return {
        what: `a region layer not marked standby: steady state keeps it only in the primary`,
        retire,
        readopt: `${failback} (or mark its layer standby: true)`,
      };
  }
}

/** The report as text for the terminal: what is still there, and the commands. */
export function renderStrayReport(report: StrayReport): string {
  const lines = [
    `Stray in ${report.region} (not managed while ${report.primary} is primary): ${report.entries.length === 0 ? 'nothing' : String(report.entries.length)}`,
  ];
  for (const entry of report.entries) {
    const found =
      entry.error === null ? `${String(entry.resources)} resources` : `state not read: ${entry.error}`;
    lines.push(
      '',
      `${entry.id} (${found})`,
      `  ${entry.what}`,
      `  retire:    ${entry.retire}`,
      `  re-adopt:  ${entry.readopt}`,
    );
  }
  if (report.empty.length > 0) lines.push('', `Empty there (nothing to do): ${report.empty.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
