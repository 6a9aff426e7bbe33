import { describe, expect, it } from '@jest/globals';
import { actionWording } from '../../../src/action/action-wording.js';
import { terminalWording } from '../../../src/cli/terminal-wording.js';
import { UsageError } from '../../../src/core/errors.js';
import { checkRegionDeclared } from '../../../src/core/manifest/check-region.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

const { manifest } = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');

/** The refusal of `region` as each entry words it, or 'accepted'. */
function refusal(region: string, setting: 'to' | 'ignore-failover-record') {
  try {
    checkRegionDeclared(manifest, region, setting);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { cli: error.wordedFor(terminalWording), action: error.wordedFor(actionWording) };
  }
}

describe('checkRegionDeclared', () => {
  it('accepts a declared region', () => {
    expect(refusal('eu-west-1', 'to')).toBe('accepted');
  });

  it('names the setting in the words of the entry, the closest region and the declared ones', () => {
    expect(refusal('eu-west-9', 'to')).toEqual({
      cli: "--to: unknown region 'eu-west-9' (did you mean 'eu-west-2'?); the manifest has eu-west-2, eu-west-1",
      action:
        "input 'to-region': unknown region 'eu-west-9' (did you mean 'eu-west-2'?); the manifest has eu-west-2, eu-west-1",
    });
    expect(refusal('ap-south-1', 'ignore-failover-record')).toEqual({
      cli: "--ignore-failover-record: unknown region 'ap-south-1'; the manifest has eu-west-2, eu-west-1",
      action:
        "input 'ignore-failover-record': unknown region 'ap-south-1'; the manifest has eu-west-2, eu-west-1",
    });
  });
});
