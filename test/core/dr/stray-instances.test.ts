import { describe, expect, it } from '@jest/globals';
import { strayCandidates, strayReport } from '../../../src/core/dr/stray-instances.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';
import { actionWording } from '../../../src/action/action-wording.js';
import { terminalWording } from '../../../src/cli/terminal-wording.js';
import type { Wording } from '../../../src/core/wording.js';

const strays = (text: string, region: string, wording: Wording = terminalWording) => {
  const parsed = parseManifest(text, 'layers.yml');
  const candidates = strayCandidates(expandManifest(parsed), parsed.manifest, region);
  const readings = new Map(candidates.map((candidate) => [candidate.id, { resources: 2 }]));
  return strayReport(parsed.manifest, region, candidates, readings, wording.command).entries;
};

describe('stray instances', () => {
  it('after a failover of the estate: every copy in the old primary, with failbacks of the estate', () => {
    const swapped = EXAMPLE_MANIFEST.replace(
      'eu-west-2: { role: primary }',
      'eu-west-2: { role: secondary }',
    ).replace('eu-west-1: { role: secondary }', 'eu-west-1: { role: primary }');
    const entries = strays(swapped, 'eu-west-2');
    expect(entries.map((entry) => entry.id)).toEqual([
      'dev/eu-west-2/dev/app',
      'prod/eu-west-2/staging/app',
      'prod/eu-west-2/production/app',
      'prod/eu-west-2/sandbox/app',
    ]);
    expect(entries[0]).toMatchObject({
      kind: 'environment-copy',
      retire: 'strata failback --to eu-west-1 --from eu-west-2',
      readopt: 'strata failback --to eu-west-2',
    });
    expect(entries[3]!.kind).toBe('narrowed-environment');
  });

  it('after a failover of dev alone: only dev’s copy, with failbacks of dev', () => {
    const devMoved = EXAMPLE_MANIFEST.replace(
      '    ephemeral: true\n',
      '    ephemeral: true\n    primary_region: eu-west-1\n',
    );
    expect(strays(devMoved, 'eu-west-2')).toEqual([
      expect.objectContaining({
        id: 'dev/eu-west-2/dev/app',
        kind: 'environment-copy',
        what: 'the copy left in eu-west-2: the environment runs in eu-west-1 now',
        retire: 'strata failback --to eu-west-1 --from eu-west-2 --account dev',
        readopt: 'strata failback --to eu-west-2 --account dev',
      }),
    ]);
    const stagingMoved = EXAMPLE_MANIFEST.replace('staging: {}', 'staging: { primary_region: eu-west-1 }');
    expect(strays(stagingMoved, 'eu-west-2').map((entry) => [entry.id, entry.retire])).toEqual([
      [
        'prod/eu-west-2/staging/app',
        'strata failback --to eu-west-1 --from eu-west-2 --account prod --environment staging',
      ],
    ]);
  });

  it("words the failbacks as the action's inputs for the action's users", () => {
    const stagingMoved = EXAMPLE_MANIFEST.replace('staging: {}', 'staging: { primary_region: eu-west-1 }');
    expect(strays(stagingMoved, 'eu-west-2', actionWording)).toEqual([
      expect.objectContaining({
        retire:
          'command: failback, to-region: eu-west-1, from-region: eu-west-2, accounts: prod, environments: staging',
        readopt: 'command: failback, to-region: eu-west-2, accounts: prod, environments: staging',
      }),
    ]);
  });
});
