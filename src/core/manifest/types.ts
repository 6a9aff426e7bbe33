import type { RegionRole, Scope } from '../graph/types.js';

/** A place in the manifest file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A path into the manifest document, such as `['layers', 2, 'depends_on', 0]`. */
export type ManifestPath = readonly (string | number)[];

/**
 * Which instances of the dependency a layer instance needs. Each coordinate is `same` (the dependent's own),
 * `all` (every instance there is: fan-in), `primary` (regions only) or a declared name.
 */
export interface DependencySpec {
  layer: string;
  account: string;
  region: string;
  environment: string;
  /** The variable that receives the dependency's outputs (`as`, default the layer name). */
  variable: string;
  /** Where the dependency is written in the manifest, for errors. */
  at: ManifestPath;
}

export interface LayerSpec {
  name: string;
  scope: Scope;
  path: string;
  dependsOn: DependencySpec[];
  vars: Record<string, unknown>;
  /** Outputs to assume for plan when an upstream has no state yet; never used for apply. */
  mockOutputs: Record<string, unknown>;
  /** Runs in secondary regions in steady state under backup_restore. */
  standby: boolean;
  /** What a failover does with the layer's instances in the target region. */
  failover: 'apply' | 'skip';
  index: number;
}

export type DrStrategy = 'backup_restore' | 'pilot_light' | 'warm_standby';

export interface EnvironmentSpec {
  name: string;
  /** Every region the environment may run in, its DR target included. */
  regions: string[];
  strategy: DrStrategy;
}

export interface AccountSpec {
  name: string;
  id: string;
  regions: string[];
  environments: EnvironmentSpec[];
  ephemeral: boolean;
  /** The role CI jobs assume for this account (OIDC), or null. */
  roleToAssume: string | null;
}

export interface RegionSpec {
  name: string;
  role: RegionRole;
}

export interface TerraformSettings {
  binary: string;
  lockTimeout: string;
  parallelism: number;
  /** Milliseconds, or null for no limit. */
  commandTimeoutMs: number | null;
}

export interface BackendSpec {
  type: string;
  config: Record<string, string | number | boolean>;
  /** Per state region, keys that replace or add to `config` there (an endpoint, a regional KMS key). */
  regionConfig: Record<string, Record<string, string | number | boolean>>;
  globalRegion: string;
  replicas: Record<string, string>;
}

export interface Manifest {
  /** The manifest's path as the user gave it, for messages. */
  file: string;
  version: 1;
  terraform: TerraformSettings;
  backend: BackendSpec;
  regions: RegionSpec[];
  accounts: AccountSpec[];
  layers: LayerSpec[];
  /** `dr.rpo`: the most data a failover may lose, checked by the drill against the published recovery points. */
  recoveryPointObjective?: { text: string; ms: number } | undefined;
  /** Where a value sits in the file; falls back to the nearest enclosing node. */
  locate(path: ManifestPath): SourcePosition;
}
