import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { markRegionFailed } from '../../../src/core/manifest/mark-failed-region.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { setPrimaryRegion } from '../../../src/core/manifest/swap-roles.js';

describe('markRegionFailed', () => {
  const text = readFileSync('examples/multi-region/layers.yml', 'utf8');

  it('marks a flow-style region in place, and removes the mark again byte for byte', () => {
    const swapped = setPrimaryRegion(text, 'eu-west-1');
    const marked = markRegionFailed(swapped, 'eu-west-2', true);
    expect(marked).toBe(
      swapped.replace('eu-west-2: { role: secondary }', 'eu-west-2: { role: secondary, failed: true }'),
    );
    expect(parseManifest(marked, 'layers.yml').manifest.regions).toEqual([
      { name: 'eu-west-2', role: 'secondary', failed: true },
      { name: 'eu-west-1', role: 'primary' },
    ]);
    expect(markRegionFailed(marked, 'eu-west-2', true)).toBe(marked);
    expect(markRegionFailed(marked, 'eu-west-2', false)).toBe(swapped);
    expect(markRegionFailed(swapped, 'eu-west-2', false)).toBe(swapped);
  });

  it('marks and unmarks a block-style region, comments kept', () => {
    const block = 'regions:\n  a:\n    role: primary # main\n  b:\n    role: secondary   # dr\nlayers: []\n';
    const marked = markRegionFailed(block, 'b', true);
    expect(marked).toBe(
      'regions:\n  a:\n    role: primary # main\n  b:\n    role: secondary   # dr\n    failed: true\nlayers: []\n',
    );
    expect(markRegionFailed(marked, 'b', false)).toBe(block);
    expect(markRegionFailed('regions:\n  b: { failed: false, role: secondary }\n', 'b', false)).toBe(
      'regions:\n  b: { role: secondary }\n',
    );
  });

  it('refuses a region that is not declared', () => {
    expect(() => markRegionFailed(text, 'us-east-1', true)).toThrow("Region 'us-east-1' is not declared");
  });

  it('a primary marked failed is a located manifest error', () => {
    expect(() =>
      parseManifest(
        text.replace('eu-west-2: { role: primary }', 'eu-west-2: { role: primary, failed: true }'),
        'layers.yml',
      ),
    ).toThrow(/layers\.yml:\d+:\d+: region 'eu-west-2' is primary and marked failed/);
  });
});
