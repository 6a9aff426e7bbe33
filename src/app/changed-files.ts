import path from 'node:path';
import type { LayerCodeReader } from '../engine/layer-code-reader.js';
import type { LayerGraph } from '../core/graph/types.js';
import type { ChangedFiles } from '../core/selection/select-instances.js';

/**
 * Changed files (relative to `cwd`, as `git diff --name-only` or the pull request API lists them from the
 * repository root) made relative to the manifest's directory, with each layer's watched directories: its own
 * code and the local modules it uses.
 */
export function changedFilesFilter(
  files: readonly string[],
  context: {
    graph: LayerGraph;
    directory: string;
    manifestFile: string;
    layerCode: LayerCodeReader;
    cwd: string;
  },
): ChangedFiles {
  const absolute = files.map((file) => path.resolve(context.cwd, file));
  const toManifestRelative = (file: string) =>
    path.relative(context.directory, file).split(path.sep).join('/');
  const watchedPaths = new Map<string, readonly string[]>();
  for (const instance of context.graph.instances) {
    if (!watchedPaths.has(instance.layer)) {
      watchedPaths.set(instance.layer, context.layerCode.read(instance.path).watchedPaths);
    }
  }
  return {
    files: absolute.map(toManifestRelative),
    watchedPaths,
    manifestChanged: absolute.includes(path.resolve(context.cwd, context.manifestFile)),
  };
}
