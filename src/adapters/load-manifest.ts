import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { expandManifest } from '../core/graph/expand-manifest.js';
import type { LayerGraph } from '../core/graph/types.js';
import { withEphemeralEnvironment } from '../core/manifest/ephemeral-environment.js';
import { parseManifest } from '../core/manifest/parse-manifest.js';
import type { Manifest, ManifestLocations } from '../core/manifest/types.js';

/** A ParsedManifest (the manifest and its locations) with its graph and directory. */
export interface LoadedManifest {
  manifest: Manifest;
  /** Where the manifest's values are written, for located problems found after loading. */
  locations: ManifestLocations;
  graph: LayerGraph;
  /** Absolute directory of the manifest: layer paths are relative to it. */
  directory: string;
}

/**
 * Reads, checks and expands a manifest file (`file` as the user gave it, relative to `cwd`, and so named in
 * messages). Throws ManifestError (located problems) or UsageError.
 */
export function loadManifest(
  file: string,
  cwd: string,
  options: { ephemeralEnvironment?: string | undefined } = {},
): LoadedManifest {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError((name) =>
      code === 'ENOENT'
        ? `Manifest '${file}' not found; give its path with ${name('manifest')} (default: layers.yml)`
        : `Cannot read manifest '${file}': ${(error as Error).message}`,
    );
  }
  const directory = path.dirname(absolute);
  const pathExists = (relativePath: string) => {
    try {
      return statSync(path.join(directory, relativePath)).isDirectory();
    } catch {
      return false;
    }
  };
  const parsed = parseManifest(text, file, { pathExists });
  const { locations } = parsed;
  const manifest = options.ephemeralEnvironment
    ? withEphemeralEnvironment(parsed.manifest, options.ephemeralEnvironment)
    : parsed.manifest;
  return { manifest, locations, graph: expandManifest({ manifest, locations }), directory };
}
