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
  /** The manifest of the new layout, relative to the migration file. */
  readonly manifest: string;
  readonly roots: readonly LegacyRoot[];
  readonly rules: readonly MigrationRule[];
}

export interface ParsedMigration {
  migration: Migration;
  locations: ManifestLocations;
}
