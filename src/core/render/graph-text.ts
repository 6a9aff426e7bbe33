import { plural } from './plural.js';
import type { LayerGraph } from '../graph/types.js';
import type { Dag } from '../schedule/dag.js';
import { getOrThrow } from '../lookup.js';

/** The graph for people: one block per wave, each instance with its scope, code path and what it waits for. */
export function renderGraphText(
  graph: LayerGraph,
  dag: Dag,
  waves: string[][],
  manifestFile: string,
): string {
  const width = Math.min(60, Math.max(0, ...dag.ids.map((id) => id.length)));
  const lines = [
    `${manifestFile}: ${plural(dag.ids.length, 'instance')} in ${plural(waves.length, 'wave')}` +
      (dag.ids.length < graph.instances.length
        ? `; ${graph.instances.length - dag.ids.length} more left out by the selection or, until a failover, by the DR strategy`
        : ''),
  ];
  waves.forEach((wave, index) => {
    lines.push('', `wave ${index + 1}`);
    for (const id of wave) {
      const instance = getOrThrow(graph.byId, id, 'instance');
      const dependencies = dag.dependsOn.get(id) ?? [];
      const after = dependencies.length > 0 ? `  after ${dependencies.join(', ')}` : '';
      lines.push(`  ${id.padEnd(width)}  ${instance.scope.padEnd(11)}  ${instance.path}${after}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
