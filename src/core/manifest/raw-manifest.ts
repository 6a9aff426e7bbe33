import type { RegionRole, Scope } from '../graph/types.js';
import type { DrStrategy, HookPoint, ManifestLocations, SourcePosition } from './types.js';

/** The manifest's raw shape, as the schema guarantees it; the builders turn it into a `Manifest`. */
export interface RawDependency {
  layer: string;
  account?: string;
  region?: string;
  environment?: string;
  as?: string;
}
export interface RawManifest {
  version: 1;
  terraform?: { binary?: string; lock_timeout?: string; parallelism?: number; command_timeout?: string };
  dr?: { strategy?: DrStrategy; rpo?: string };
  backend: {
    type: string;
    config: Record<string, string | number | boolean>;
    region_config?: Record<string, Record<string, string | number | boolean>>;
    global_region: string;
    replicas?: Record<string, string>;
  };
  regions: Record<string, { role: RegionRole; failed?: boolean }>;
  accounts: Record<
    string,
    {
      id: string;
      regions: string[];
      environments:
        | string[]
        | Record<
            string,
            {
              regions?: string[];
              strategy?: DrStrategy;
              github_environment?: string;
              primary_region?: string;
            } | null
          >;
      ephemeral?: boolean;
      primary_region?: string;
      role_to_assume?: string;
      github_environment?: string;
    }
  >;
  layers: {
    name: string;
    scope: Scope;
    path: string;
    depends_on?: (string | RawDependency)[];
    vars?: Record<string, unknown>;
    mock_outputs?: Record<string, unknown>;
    standby?: boolean;
    failover?: 'apply' | 'skip';
    stateful?: boolean;
  }[];
  hooks?: {
    name: string;
    when: HookPoint;
    layer?: string;
    run: string;
    args?: string[];
    timeout: string;
    drill_safe?: boolean;
  }[];
}

/** Records a problem at a position in the manifest. */
export type Report = (position: SourcePosition, message: string) => void;
export type Locate = ManifestLocations['locate'];
