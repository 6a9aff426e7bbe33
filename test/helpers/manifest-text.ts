import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The manifest shape of the example, as text, for tests that edit one part of it. */
export const EXAMPLE_MANIFEST = readFileSync(path.resolve('test/estates/issue-example.layers.yml'), 'utf8');

/** A minimal manifest with one account and two regions, followed by the given `layers:` block. */
export function manifestWithLayers(layers: string, extra = ''): string {
  return `version: 1
backend:
  type: local
  config: { path: "state/{region}/{id}.tfstate" }
  global_region: r1
regions:
  r1: { role: primary }
  r2: { role: secondary }
accounts:
  a:
    id: "1"
    regions: [r1, r2]
    environments: [e1, e2]
${extra}layers:
${layers}`;
}
