import type { MigrationMapping } from './map-resources.js';
import type { ChangeCounts } from '../change-counts.js';
import type { ResourceChange } from '../run-result.js';
import type { ResourceMove } from './state-document.js';
import type { ManifestLocations } from '../manifest/types.js';

/** One existing Terraform root: its code, its backend, and the cell of the new layout it stands for. */
export interface LegacyRoot {
  readonly name: string;
  /** Directory of its code, relative to the migration file's directory, `/`-separated. */
  readonly path: string;
  readonly backend: Readonly<Record<string, string | number | boolean>>;
  readonly account: string;
  readonly region: string | null;
  readonly environment: string | null;
}

/** An explicit mapping of resources: to a layer (renamed with `to`), or kept in their root. */
export interface MigrationRule {
  /** Its position in `rules`, for messages (`rules[2]`). */
  readonly index: number;
  readonly root: string | null;
  /** A resource address, or a module call (`module.web`): everything in it. */
  readonly from: string;
  readonly to: string;
  readonly target: { readonly layer: string } | 'stay';
}

export interface Migration {
  readonly roots: readonly LegacyRoot[];
  readonly rules: readonly MigrationRule[];
}

export interface ParsedMigration {
  migration: Migration;
  locations: ManifestLocations;
}

/** Which state a migration read: an old root, or a new instance. */
export interface StateRecord {
  /** `root account` or `instance prod/iam`. */
  state: string;
  lineage: string | null;
  serial: number | null;
}

export interface MigrationPlan {
  migrationFile: string;
  mapping: MigrationMapping;
  /** What each old root's state was when read. */
  roots: StateRecord[];
  /** Data sources in the old states: never moved, each root reads its own. */
  dataSources: number;
}

/** What `migrate apply` did for one new instance. */
export type InstanceMigration = {
  id: string;
  moves: ResourceMove[];
  /** Moves whose resource the instance already held (a re-run finishing an interrupted move). */
  alreadyThere: string[];
  /** Where each touched state was backed up, with its lineage and serial then. */
  backups: (StateRecord & { file: string })[];
} & (
  | { status: 'moved' }
  | { status: 'nothing-to-move' }
  | { status: 'failed'; error: string; restored: string[]; notRestored: string[] }
);

/** What the new code of one instance would plan after its move, planned against the would-be state. */
export type InstancePreview = {
  id: string;
  /** Moves the instance holds already (a move stopped before the trim): it is half migrated. */
  alreadyThere: number;
} & (
  | { status: 'no-changes'; mockedUpstreams: string[] }
  | {
      status: 'changes';
      changes: ChangeCounts;
      resourceChanges: ResourceChange[];
      /** Terraform's plan text, as a plan review shows it (secrets masked). */
      planText: string;
    }
  /** Not planned: an upstream not migrated yet, a plan that failed, or a resource the move would clash with. */
  | { status: 'not-planned'; reason: string }
);

/** `migrate plan`: the mapping, and per receiving instance what its new code would plan after the move. */
export interface MigrationPreview extends MigrationPlan {
  previews: InstancePreview[];
}
