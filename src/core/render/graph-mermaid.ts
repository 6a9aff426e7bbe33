import { plural } from './plural.js';
import type { LayerGraph } from '../graph/types.js';
import type { Dag } from '../schedule/dag.js';
import { getOrThrow } from '../lookup.js';

/** Mermaid's label text may not contain quotes or markup; ids are safe names joined by '/'. */
function label(text: string): string {
  return text.replace(/["<>]/g, '');
}

/**
 * A Mermaid flowchart that GitHub renders: instances grouped by account, arrows in the order things run
 * (from a dependency to what depends on it). `classOf` lets reports colour nodes by status.
 */
export function renderGraphMermaid(
  graph: LayerGraph,
  dag: Dag,
  classOf?: (id: string) => string | undefined,
): string {
  const names = new Map(dag.ids.map((id, index) => [id, `n${index}`]));
  const nodeName = (id: string) => getOrThrow(names, id, 'node');
  const lines = ['flowchart LR'];
  const byAccount = new Map<string, string[]>();
  for (const id of dag.ids) {
    const account = getOrThrow(graph.byId, id, 'instance').account ?? '(global)';
    const list = byAccount.get(account);
    if (list) list.push(id);
    else byAccount.set(account, [id]);
  }
  byAccount.forEach((ids, account) => {
    lines.push(
      `  subgraph ${account === '(global)' ? 'global' : `account_${account.replace(/[^A-Za-z0-9_]/g, '_')}`}["${label(account)}"]`,
    );
    for (const id of ids) {
      const instance = getOrThrow(graph.byId, id, 'instance');
      const place = [instance.region, instance.environment].filter((part) => part !== null).join(' / ');
      lines.push(`    ${nodeName(id)}["${label(instance.layer)}${place ? `<br/>${label(place)}` : ''}"]`);
    }
    lines.push('  end');
  });
  for (const id of dag.ids) {
    for (const dependency of dag.dependsOn.get(id) ?? [])
      lines.push(`  ${nodeName(dependency)} --> ${nodeName(id)}`);
  }
  if (classOf) {
    for (const id of dag.ids) {
      const name = classOf(id);
      if (name) lines.push(`  class ${nodeName(id)} ${name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What GitHub's Mermaid renders: past 50,000 characters of diagram text it shows "Maximum text size in diagram
 * exceeded", past 500 edges "Edge limit exceeded" (Mermaid's maxTextSize and maxEdges, which GitHub keeps).
 */
export const MERMAID_MAX_TEXT = 50_000;
export const MERMAID_MAX_EDGES = 500;

/** Whether GitHub would render this diagram text rather than an error. */
export function fitsGitHubMermaid(source: string): boolean {
  const edges = source.match(/-->/g)?.length ?? 0;
  return source.length <= MERMAID_MAX_TEXT && edges <= MERMAID_MAX_EDGES;
}

/**
 * The graph by layer, for estates too large to draw instance by instance: one node per layer with its instance
 * count (and, with `classOf`, how many are in each class, the node taking the first class of `classOrder` any of
 * them has), one arrow per layer dependency labelled with the number of instance dependencies behind it.
 */
export function renderLayerMermaid(
  graph: LayerGraph,
  dag: Dag,
  classOf?: (id: string) => string | undefined,
  classOrder: readonly { name: string; word: string }[] = [],
): string {
  const layerOf = (id: string) => getOrThrow(graph.byId, id, 'instance').layer;
  const layers = new Map<string, { count: number; classes: Map<string, number> }>();
  for (const id of dag.ids) {
    const layer = layers.get(layerOf(id)) ?? { count: 0, classes: new Map<string, number>() };
    layer.count++;
    const name = classOf?.(id);
    if (name) layer.classes.set(name, (layer.classes.get(name) ?? 0) + 1);
    layers.set(layerOf(id), layer);
  }
  const names = new Map([...layers.keys()].map((layer, index) => [layer, `l${index}`]));
  const nodeName = (layer: string) => getOrThrow(names, layer, 'layer');
  const lines = ['flowchart LR'];
  for (const [layer, { count, classes }] of layers) {
    const counts = classOrder.flatMap(({ name, word }) => {
      const inClass = classes.get(name) ?? 0;
      return inClass > 0 ? [`${inClass} ${word}`] : [];
    });
    const detail = counts.length > 0 ? `<br/>${counts.join(' · ')}` : '';
    lines.push(`  ${nodeName(layer)}["${label(layer)}<br/>${plural(count, 'instance')}${detail}"]`);
  }
  // Layer pairs, as their arrow `from -->|N| to` less N, with the number of instance dependencies between them
  // (none inside a layer).
  const edges = new Map<string, { from: string; to: string; count: number }>();
  for (const id of dag.ids) {
    for (const dependency of dag.dependsOn.get(id) ?? []) {
      if (layerOf(dependency) === layerOf(id)) continue;
      const from = nodeName(layerOf(dependency));
      const to = nodeName(layerOf(id));
      const edge = edges.get(`${from} ${to}`) ?? { from, to, count: 0 };
      edge.count++;
      edges.set(`${from} ${to}`, edge);
    }
  }
  for (const { from, to, count } of edges.values()) lines.push(`  ${from} -->|${count}| ${to}`);
  for (const [layer, { classes }] of layers) {
    const first = classOrder.find(({ name }) => (classes.get(name) ?? 0) > 0);
    if (first) lines.push(`  class ${nodeName(layer)} ${first.name}`);
  }
  return `${lines.join('\n')}\n`;
}
