import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { expandManifest } from '../core/graph/expand-manifest.js';
import type { LayerGraph } from '../core/graph/types.js';
import { parseManifest } from '../core/manifest/parse-manifest.js';
import type { Manifest } from '../core/manifest/types.js';

export interface LoadedManifest {
  manifest: Manifest;
  graph: LayerGraph;
  /** Absolute directory of the manifest: layer paths are relative to it. */
  directory: string;
}

/** Reads, checks and expands a manifest file. Throws ManifestError (located problems) or UsageError. */
export function loadManifest(file: string): LoadedManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `Manifest '${file}' not found; pass its path with --manifest (default: layers.yml)`
        : `Cannot read manifest '${file}': ${(error as Error).message}`,
    );
  }
  const directory = path.resolve(path.dirname(file));
  const pathExists = (relativePath: string) => {
    try {
      return statSync(path.join(directory, relativePath)).isDirectory();
    } catch {
      return false;
    }
  };
  const manifest = parseManifest(text, file, { pathExists });
  return { manifest, graph: expandManifest(manifest), directory };
}
