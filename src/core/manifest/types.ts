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
  readonly layer: string;
  readonly account: string;
  readonly region: string;
  readonly environment: string;
  /** The variable that receives the dependency's outputs (`as`, default the layer name). */
  readonly variable: string;
  /** Where the dependency is written in the manifest, for errors. */
  readonly at: ManifestPath;
}

export interface LayerSpec {
  readonly name: string;
  readonly scope: Scope;
  readonly path: string;
  readonly dependsOn: readonly DependencySpec[];
  readonly vars: Readonly<Record<string, unknown>>;
  /** Outputs to assume for plan when an upstream has no state yet; never used for apply. */
  readonly mockOutputs: Readonly<Record<string, unknown>>;
  /** Runs in secondary regions in steady state under backup_restore. */
  readonly standby: boolean;
  /** What a failover does with the layer's instances in the target region. */
  readonly failover: 'apply' | 'skip';
  /**
   * Holds data (a database, a bucket, a queue): a plan that destroys or replaces one of its resources is
   * refused unless the run names the instance in its allow-destroy setting (core/stateful-guard.ts).
   */
  readonly stateful?: boolean | undefined;
  readonly index: number;
}

/** Where in a failover or failback a hook runs (core/dr/hooks.ts). */
export type HookPoint = 'before_failover' | 'after_layer' | 'after_failover' | 'after_failback';

/** A DR step beyond Terraform (promote a database, switch traffic, a smoke test): an executable of the repository. */
export interface HookSpec {
  readonly name: string;
  readonly when: HookPoint;
  /** With `after_layer`: runs after each instance of this layer in the target region. */
  readonly layer: string | null;
  /** The executable, relative to the manifest's directory, `/`-separated. */
  readonly run: string;
  /** Its arguments, passed as they are (no shell, no tokens). */
  readonly args: readonly string[];
  readonly timeoutMs: number;
  /** Runs in a drill too (a smoke test against the standby, a read-only check). */
  readonly drillSafe: boolean;
  /** Where it is written in the manifest, for errors. */
  readonly at: ManifestPath;
}

export type DrStrategy = 'backup_restore' | 'pilot_light' | 'warm_standby';

export interface EnvironmentSpec {
  readonly name: string;
  /** Every region the environment may run in, its DR target included. */
  readonly regions: readonly string[];
  readonly strategy: DrStrategy;
  /** The GitHub Environment its instances are applied in, when not `<account>-<environment>`. */
  readonly githubEnvironment?: string | undefined;
  /** `primary_region`: this environment's primary, when not its account's (core/manifest/primary-region.ts). */
  readonly primaryRegion?: string | undefined;
}

export interface AccountSpec {
  readonly name: string;
  readonly id: string;
  readonly regions: readonly string[];
  readonly environments: readonly EnvironmentSpec[];
  readonly ephemeral: boolean;
  /** The role CI jobs assume for this account (OIDC), or null. */
  readonly roleToAssume: string | null;
  /** The GitHub Environment its account and region instances are applied in, when not `<account>`. */
  readonly githubEnvironment?: string | undefined;
  /** `primary_region`: the account's primary, when not the region roles' (core/manifest/primary-region.ts). */
  readonly primaryRegion?: string | undefined;
}

export interface RegionSpec {
  readonly name: string;
  readonly role: RegionRole;
  /** `failed: true`: failed over from; normal runs leave its instances out (core/dr/failed-regions.ts). */
  readonly failed?: boolean | undefined;
}

export interface TerraformSettings {
  readonly binary: string;
  readonly lockTimeout: string;
  readonly parallelism: number;
  /** Milliseconds, or null for no limit. */
  readonly commandTimeoutMs: number | null;
}

export interface BackendSpec {
  readonly type: string;
  readonly config: Readonly<Record<string, string | number | boolean>>;
  /** Per state region, keys that replace or add to `config` there (an endpoint, a regional KMS key). */
  readonly regionConfig: Readonly<Record<string, Readonly<Record<string, string | number | boolean>>>>;
  readonly globalRegion: string;
  readonly replicas: Readonly<Record<string, string>>;
}

/** The checked manifest: plain, immutable data. */
export interface Manifest {
  /** The manifest's path as the user gave it, for messages. */
  readonly file: string;
  readonly version: 1;
  readonly terraform: TerraformSettings;
  readonly backend: BackendSpec;
  readonly regions: readonly RegionSpec[];
  readonly accounts: readonly AccountSpec[];
  readonly layers: readonly LayerSpec[];
  /** `dr.rpo`: the most data a failover may lose, checked by the drill against the published recovery points. */
  readonly recoveryPointObjective?: { readonly text: string; readonly ms: number } | undefined;
  /** `hooks`: DR steps run around and inside a failover or failback; absent when there are none. */
  readonly hooks?: readonly HookSpec[] | undefined;
}

/**
 * Where the values of one manifest file sit, kept apart from the `Manifest` so the manifest stays plain data
 * (comparable, serialisable, copied with a spread). Whatever reports a located problem is given it.
 */
export interface ManifestLocations {
  /** Where a value sits in the file; falls back to the nearest enclosing node. */
  locate(path: ManifestPath): SourcePosition;
}

/** What the parser returns: the manifest and, beside it, where its values are written. */
export interface ParsedManifest {
  readonly manifest: Manifest;
  readonly locations: ManifestLocations;
}
