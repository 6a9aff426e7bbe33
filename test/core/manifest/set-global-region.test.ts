import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { setGlobalRegion } from '../../../src/core/manifest/set-global-region.js';
import { setPrimaryRegion } from '../../../src/core/manifest/swap-roles.js';

describe('setGlobalRegion', () => {
  const text = readFileSync('examples/multi-region/layers.yml', 'utf8');

  it('moves backend.global_region in place and changes nothing else', () => {
    const moved = setGlobalRegion(setPrimaryRegion(text, 'eu-west-1'), 'eu-west-1');
    expect(moved).toBe(
      text
        .replace('eu-west-2: { role: primary }', 'eu-west-2: { role: secondary }')
        .replace('eu-west-1: { role: secondary }', 'eu-west-1: { role: primary }')
        .replace('  global_region: eu-west-2', '  global_region: eu-west-1'),
    );
    const { manifest } = parseManifest(moved, 'layers.yml');
    expect(manifest.backend.globalRegion).toBe('eu-west-1');
  });

  it('keeps quotes and comments, and is a no-op when the value already matches', () => {
    const quoted = "backend:\n  global_region: 'a' # where global state lives\n";
    expect(setGlobalRegion(quoted, 'b')).toBe("backend:\n  global_region: 'b' # where global state lives\n");
    expect(setGlobalRegion(quoted, 'a')).toBe(quoted);
  });

  it('refuses a manifest without the setting', () => {
    expect(() => setGlobalRegion('version: 1\n', 'b')).toThrow("no 'backend.global_region'");
  });
});
