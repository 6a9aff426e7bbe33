import { describe, expect, it } from '@jest/globals';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { graphToJson, writeGraphJson } from '../../../src/core/render/graph-json.js';
import { computeWaves } from '../../../src/core/schedule/waves.js';
import { selectInstances } from '../../../src/core/selection/select-instances.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

describe('writeGraphJson', () => {
  it('writes in chunks exactly the JSON of graphToJson', () => {
    const graph = expandManifest(parseManifest(EXAMPLE_MANIFEST, 'layers.yml'));
    const dag = selectInstances(graph, { regions: ['eu-west-1'] });
    const waves = computeWaves(dag);
    const chunks: string[] = [];
    writeGraphJson(graph, dag, waves, (chunk) => chunks.push(chunk), 200);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(`${JSON.stringify(graphToJson(graph, dag, waves))}\n`);
  });
});
