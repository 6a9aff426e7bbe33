/** The coarse-to-fine scopes a layer can have: one instance for the estate, per account, per account × region, or per account × region × environment. */
export type Scope = 'global' | 'account' | 'region' | 'environment';

export type RegionRole = 'primary' | 'secondary';

export interface BackendConfig {
  type: string;
  config: Record<string, string | number | boolean>;
}

/** One layer instance: a layer's code applied to one cell (account × region × environment, as far as its scope goes). */
export interface Instance {
  /** `dns`, `prod/iam`, `prod/eu-west-2/network`, `prod/eu-west-2/staging/app` */
  id: string;
  layer: string;
  scope: Scope;
  account: string | null;
  accountId: string | null;
  /** For global- and account-scoped instances: null (their state lives in `backend.global_region`). */
  region: string | null;
  environment: string | null;
  /** The role of the instance's region; null where the instance has no region. */
  role: RegionRole | null;
  /** Layer code directory, relative to the manifest's directory, `/`-separated. */
  path: string;
  /** Ids of the instances this one depends on, sorted. */
  dependsOn: string[];
}

/**
 * One `depends_on` entry of an instance: the variable that receives the outputs, and where they come from.
 * A single instance passes its outputs object; a fan-in (`all`) passes a map of them keyed by the selected
 * coordinates joined with '/' (`eu-west-1`, or `prod/eu-west-1` when account and region vary).
 */
export interface DependencyInput {
  variable: string;
  isFanIn: boolean;
  sources: { id: string; key: string }[];
}

/** The expanded estate: instances in a stable order (manifest layer order, then account, region, environment). */
export interface LayerGraph {
  instances: Instance[];
  byId: Map<string, Instance>;
  /** Reverse edges: id -> ids that depend on it, sorted. */
  dependents: Map<string, string[]>;
  /** How upstream outputs reach an instance: one Terraform variable per `depends_on` entry (resolved on demand). */
  inputsOf(id: string): DependencyInput[];
  /** Where the instance's state is kept: the manifest's backend rendered for it (on demand, kept nowhere). */
  readonly backendOf: (instance: Instance) => BackendConfig;
  /** The layer's `vars` with tokens rendered for the instance (on demand, kept nowhere). */
  readonly varsOf: (instance: Instance) => Record<string, unknown>;
}
