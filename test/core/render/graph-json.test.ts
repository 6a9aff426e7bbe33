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

describe('writeGraphJson, whatever the Dag and the chunk size', () => {
  const graph = expandManifest(parseManifest(EXAMPLE_MANIFEST, 'layers.yml'));
  const selected = selectInstances(graph, { layers: ['app', 'iam'] });
  const dags = {
    'everything selected': selectInstances(graph, {}),
    'a selection with edges through left-out instances': selected,
    'a Dag built elsewhere (looked up by id)': {
      ids: [...selected.ids],
      dependsOn: new Map(selected.dependsOn),
    },
    'nothing selected': selectInstances(graph, { instances: [], layers: ['dns'], regions: ['eu-west-1'] }),
  };
  it.each(Object.entries(dags))('%s', (_, dag) => {
    const waves = computeWaves(dag);
    const expected = `${JSON.stringify(graphToJson(graph, dag, waves))}\n`;
    for (const chunkSize of [1, 100, 1000, undefined]) {
      const chunks: string[] = [];
      writeGraphJson(graph, dag, waves, (chunk) => chunks.push(chunk), chunkSize);
      expect(chunks.join('')).toBe(expected);
    }
  });
});
