import { describe, expect, it } from '@jest/globals';
import { leaveOutFailedRegions } from '../../../src/core/dr/failed-regions.js';
import { steadyStateIds, steadyStateWithin } from '../../../src/core/dr/steady-state.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

const swapped = EXAMPLE_MANIFEST.replace(
  'eu-west-2: { role: primary }',
  'eu-west-2: { role: secondary }',
).replace('eu-west-1: { role: secondary }', 'eu-west-1: { role: primary }');

describe('leaveOutFailedRegions', () => {
  it('keeps everything when no region is marked failed', () => {
    const parsed = parseManifest(swapped, 'layers.yml');
    const graph = expandManifest(parsed);
    const ids = steadyStateIds(graph, parsed.manifest);
    expect(leaveOutFailedRegions(graph, parsed.manifest, ids)).toEqual({ kept: ids, leftOut: [] });
  });

  it('leaves out the instances of the failed region, saying why, and keeps global and account ones', () => {
    const parsed = parseManifest(
      swapped.replace('eu-west-2: { role: secondary }', 'eu-west-2: { role: secondary, failed: true }'),
      'layers.yml',
    );
    const graph = expandManifest(parsed);
    const ids = steadyStateIds(graph, parsed.manifest);
    const { kept, leftOut } = leaveOutFailedRegions(graph, parsed.manifest, ids);
    expect(leftOut.map((entry) => entry.id).sort()).toEqual([
      'dev/eu-west-2/network',
      'prod/eu-west-2/network',
    ]);
    expect(leftOut[0]!.reason).toBe('in eu-west-2, which layers.yml marks failed (regions.eu-west-2.failed)');
    expect([...kept].some((id) => id.includes('eu-west-2'))).toBe(false);
    expect(kept.has('dns')).toBe(true);
    expect(kept.has('prod/iam')).toBe(true);
    expect(kept.has('prod/eu-west-1/staging/app')).toBe(true);
  });

  it('with every instance within (undefined), keeps the ids of the rest', () => {
    const parsed = parseManifest(
      swapped.replace('eu-west-2: { role: secondary }', 'eu-west-2: { role: secondary, failed: true }'),
      'layers.yml',
    );
    const graph = expandManifest(parsed);
    const { kept, leftOut } = leaveOutFailedRegions(graph, parsed.manifest, undefined);
    const left = new Set(leftOut.map((entry) => entry.id));
    expect(left.size).toBeGreaterThan(0);
    expect([...(kept ?? [])]).toEqual(
      graph.instances.map((instance) => instance.id).filter((id) => !left.has(id)),
    );
  });

  it('leaves out the dependents of a left-out instance elsewhere too, to the end of the graph', () => {
    const instance = (id: string, region: string | null, dependsOn: string[]) => ({ id, region, dependsOn });
    const graph = {
      instances: [
        instance('edge', 'b', []),
        instance('global-dns', null, ['edge']),
        instance('report', 'a', ['global-dns']),
        instance('other', 'a', []),
      ],
    } as unknown as LayerGraph;
    const manifest = {
      file: 'layers.yml',
      regions: [
        { name: 'a', role: 'primary' as const },
        { name: 'b', role: 'secondary' as const, failed: true },
      ],
    };
    const { kept, leftOut } = leaveOutFailedRegions(
      graph,
      manifest,
      new Set(['global-dns', 'report', 'other']),
    );
    expect([...kept]).toEqual(['other']);
    expect(leftOut).toEqual([
      { id: 'global-dns', reason: 'depends on edge, which is left out' },
      { id: 'report', reason: 'depends on global-dns, which is left out' },
    ]);
  });
});

describe('steadyStateWithin', () => {
  it('is undefined when every instance exists in steady state', () => {
    const parsed = parseManifest(`${EXAMPLE_MANIFEST}\ndr: { strategy: warm_standby }\n`, 'layers.yml');
    const graph = expandManifest(parsed);
    expect(steadyStateIds(graph, parsed.manifest).size).toBe(graph.instances.length);
    expect(steadyStateWithin(graph, parsed.manifest)).toBeUndefined();
  });

  it('is the steady-state ids when the DR strategy keeps some instances out (backup_restore, the default)', () => {
    const parsed = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');
    const graph = expandManifest(parsed);
    const ids = steadyStateIds(graph, parsed.manifest);
    expect(ids.size).toBeLessThan(graph.instances.length);
    expect(steadyStateWithin(graph, parsed.manifest)).toEqual(ids);
  });
});
