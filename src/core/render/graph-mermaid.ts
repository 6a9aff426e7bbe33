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
