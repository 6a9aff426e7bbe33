import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../../src/core/errors.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { primaryRegionFor } from '../../../src/core/manifest/primary-region.js';
import { setScopePrimary } from '../../../src/core/manifest/set-scope-primary.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

describe('setScopePrimary', () => {
  it("writes an account's primary_region under its last setting, and removes it byte for byte", () => {
    const moved = setScopePrimary(EXAMPLE_MANIFEST, ['dev'], 'eu-west-1');
    expect(moved).toBe(
      EXAMPLE_MANIFEST.replace(
        '    ephemeral: true\n',
        '    ephemeral: true\n    primary_region: eu-west-1\n',
      ),
    );
    expect(primaryRegionFor(parseManifest(moved, 'layers.yml').manifest, 'dev', 'dev')).toBe('eu-west-1');
    expect(setScopePrimary(moved, ['dev'], 'eu-west-2')).toContain('    primary_region: eu-west-2\n');
    expect(setScopePrimary(moved, ['dev'], null)).toBe(EXAMPLE_MANIFEST);
  });

  it('writes environments in flow maps, empty or not, and several members at once', () => {
    const moved = setScopePrimary(EXAMPLE_MANIFEST, ['prod/staging', 'prod/sandbox'], 'eu-west-2');
    expect(moved).toContain('      staging: { primary_region: eu-west-2 }\n');
    expect(moved).toContain('      sandbox: { regions: [eu-west-2], primary_region: eu-west-2 }\n');
    const back = setScopePrimary(moved, ['prod/sandbox'], null);
    expect(back).toContain('      sandbox: { regions: [eu-west-2] }\n');
    // An environment whose only setting was its primary_region is `{}` again, byte for byte.
    expect(setScopePrimary(moved, ['prod/staging', 'prod/sandbox'], null)).toBe(EXAMPLE_MANIFEST);
    const manifest = parseManifest(moved, 'layers.yml').manifest;
    expect(primaryRegionFor(manifest, 'prod', 'staging')).toBe('eu-west-2');
  });

  it('refuses an environment written in a list, saying how to write it', () => {
    expect(() => setScopePrimary(EXAMPLE_MANIFEST, ['dev/dev'], 'eu-west-1')).toThrow(UsageError);
    expect(() => setScopePrimary(EXAMPLE_MANIFEST, ['dev/dev'], 'eu-west-1')).toThrow(
      "write the account's environments as a map (dev: {})",
    );
  });
});
