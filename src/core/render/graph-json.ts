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
  return {
    nodes: dag.ids.map((id) => {
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
    }),
    waves,
  };
}
