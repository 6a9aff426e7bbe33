import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { setPrimaryRegion } from '../../../src/core/manifest/swap-roles.js';

describe('setPrimaryRegion', () => {
  const text = readFileSync('examples/multi-region/layers.yml', 'utf8');

  it('swaps the roles in place and changes nothing else', () => {
    const swapped = setPrimaryRegion(text, 'eu-west-1');
    expect(swapped).toBe(
      text
        .replace('eu-west-2: { role: primary }', 'eu-west-2: { role: secondary }')
        .replace('eu-west-1: { role: secondary }', 'eu-west-1: { role: primary }'),
    );
    expect(swapped).toContain('# Backup and restore: in steady state');
    const { manifest } = parseManifest(swapped, 'layers.yml');
    expect(manifest.regions).toEqual([
      { name: 'eu-west-2', role: 'secondary' },
      { name: 'eu-west-1', role: 'primary' },
    ]);
  });

  it('keeps quotes and block style, and is a no-op when the roles already match', () => {
    const block =
      'version: 1\nregions:\n  a:\n    role: "primary"   # the main one\n  b:\n    role: secondary\n';
    expect(setPrimaryRegion(block, 'b')).toBe(
      'version: 1\nregions:\n  a:\n    role: "secondary"   # the main one\n  b:\n    role: primary\n',
    );
    expect(setPrimaryRegion(block, 'a')).toBe(block);
  });

  it('refuses a region that is not declared', () => {
    expect(() => setPrimaryRegion(text, 'us-east-1')).toThrow(
      "Region 'us-east-1' is not declared in the manifest",
    );
  });
});
