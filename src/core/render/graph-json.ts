import type { LayerGraph } from '../graph/types.js';
import type { Dag } from '../schedule/dag.js';

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
  const instance = graph.byId.get(id)!;
  return {
    id,
    layer: instance.layer,
    scope: instance.scope,
    account: instance.account,
    accountId: instance.accountId,
    region: instance.region,
    environment: instance.environment,
    role: instance.role,
    path: instance.path,
    dependsOn: [...(dag.dependsOn.get(id) ?? [])],
    backend: instance.backend,
  };
}

/**
 * The same JSON as `JSON.stringify(graphToJson(...))`, written in chunks: a large estate's graph is tens of
 * megabytes, and building it as one string doubles the peak memory of the CLI.
 */
export function writeGraphJson(
  graph: LayerGraph,
  dag: Dag,
  waves: string[][],
  write: (chunk: string) => void,
  chunkSize = 1 << 20,
): void {
  let buffer = '{"nodes":[';
  const flush = (force: boolean) => {
    if (force || buffer.length >= chunkSize) {
      write(buffer);
      buffer = '';
    }
  };
  dag.ids.forEach((id, index) => {
    buffer += (index === 0 ? '' : ',') + JSON.stringify(nodeJson(graph, dag, id));
    flush(false);
  });
  buffer += '],"waves":[';
  waves.forEach((wave, index) => {
    buffer += (index === 0 ? '' : ',') + JSON.stringify(wave);
    flush(false);
  });
  buffer += ']}\n';
  flush(true);
}
