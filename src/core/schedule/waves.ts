import { dependentsOf, type Dag } from './dag.js';

/**
 * Groups ids into waves: each id sits in the earliest wave after all of its dependencies, so every wave
 * depends only on earlier ones and nothing could start a wave sooner. Ids inside a wave are sorted.
 */
export function computeWaves(dag: Dag): string[][] {
  // Kahn's algorithm one level at a time: an id joins the level after the one that released its last dependency.
  const dependents = dependentsOf(dag);
  const waiting = new Map(dag.ids.map((id) => [id, (dag.dependsOn.get(id) ?? []).length]));
  const waves: string[][] = [];
  let level = dag.ids.filter((id) => waiting.get(id) === 0);
  let placed = 0;
  while (level.length > 0) {
    waves.push(level);
    placed += level.length;
    const next: string[] = [];
    for (const id of level) {
      for (const dependent of dependents.get(id)!) {
        const left = waiting.get(dependent)! - 1;
        waiting.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    level = next;
  }
  if (placed !== dag.ids.length) throw new Error('computeWaves: the graph has a cycle');
  for (const wave of waves) wave.sort(compareIds);
  return waves;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
