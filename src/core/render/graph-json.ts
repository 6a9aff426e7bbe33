import type { BackendConfig, Instance, LayerGraph } from '../graph/types.js';
import { dagIndexOf, type Dag } from '../schedule/dag.js';
import { intAt } from '../graph/checked-reads.js';
import { getOrThrow } from '../lookup.js';

export interface GraphNodeJson {
  id: string;
  layer: string;
  scope: string;
  account: string | null;
  accountId: string | null;
  region: string | null;
  environment: string | null;
  role: string | null;
  path: string;
  dependsOn: string[];
  backend: { type: string; config: Record<string, string | number | boolean> };
}

export interface GraphJson {
  nodes: GraphNodeJson[];
  waves: string[][];
}

/** The machine-readable graph: the selected instances, the edges between them, and the waves. */
export function graphToJson(graph: LayerGraph, dag: Dag, waves: string[][]): GraphJson {
  return { nodes: dag.ids.map((id) => nodeJson(graph, dag, id)), waves };
}

function nodeJson(graph: LayerGraph, dag: Dag, id: string): GraphNodeJson {
  const instance = getOrThrow(graph.byId, id, 'instance');
  return nodeOf(instance, [...(dag.dependsOn.get(id) ?? [])], graph.backendOf(instance));
}

function nodeOf(instance: Instance, dependsOn: readonly string[], backend: BackendConfig): GraphNodeJson {
  return {
    id: instance.id,
    layer: instance.layer,
    scope: instance.scope,
    account: instance.account,
    accountId: instance.accountId,
    region: instance.region,
    environment: instance.environment,
    role: instance.role,
    path: instance.path,
    dependsOn: dependsOn as string[],
    backend,
  };
}

/**
 * The same JSON as `JSON.stringify(graphToJson(...))`, written in chunks of about `chunkSize` characters: a
 * large estate's graph is tens of megabytes, and building it as one string doubles the peak memory of the
 * CLI (64 KB chunks gave the lowest peak on 100,000 instances). Nodes are stringified a batch at a time, one
 * JSON.stringify call per chunk rather than per node, each batch sized from the length of the ones before.
 */
export function writeGraphJson(
  graph: LayerGraph,
  dag: Dag,
  waves: string[][],
  write: (chunk: string) => void,
  chunkSize = 1 << 16,
): void {
  write('{"nodes":[');
  const { ids } = dag;
  // A Dag selected from this graph knows where its instances sit: no lookup by id.
  const origin = dagIndexOf(dag)?.origin;
  const positions = origin?.graph === graph ? origin.positions : undefined;
  const { instances } = graph;
  // Once per instance: the positions are the graph's own (dagIndexOf), and the generic checked look-up
  // (itemAt) is megamorphic, so these read the arrays directly.
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions of `graph`, indexes below ids.length */
  const instanceAt =
    origin?.graph !== graph
      ? (index: number) => getOrThrow(graph.byId, ids[index]!, 'instance')
      : positions
        ? (index: number) => instances[intAt(positions, index)]!
        : (index: number) => instances[index]!;
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  // A Dag of the whole graph (no positions of its own) has the instances' own edges: no look-up by id.
  const isWholeGraph = origin?.graph === graph && !positions;
  let batchSize = 1;
  let written = 0;
  for (let first = 0, end = 0; first < ids.length; first = end) {
    end = Math.min(ids.length, first + batchSize);
    const batch = new Array<GraphNodeJson>(end - first);
    for (let index = first; index < end; index++) {
      const instance = instanceAt(index);
      batch[index - first] = nodeOf(
        instance,
        isWholeGraph ? instance.dependsOn : (dag.dependsOn.get(instance.id) ?? []),
        graph.backendOf(instance),
      );
    }
    const text = JSON.stringify(batch);
    if (first > 0) write(',');
    write(text.slice(1, -1));
    written += text.length;
    batchSize = Math.max(1, Math.floor((chunkSize * end) / written));
  }
  write('],"waves":[');
  for (let index = 0; index < waves.length; index++) {
    if (index > 0) write(',');
    write(JSON.stringify(waves[index]));
  }
  write(']}\n');
}
