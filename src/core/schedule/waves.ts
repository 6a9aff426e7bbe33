import { levelsOf } from '../graph/graph-index.js';
import { dagIndexOf, dependentsOf, type Dag, type DagIndex } from './dag.js';

/**
 * Groups ids into waves: each id sits in the earliest wave after all of its dependencies, so every wave
 * depends only on earlier ones and nothing could start a wave sooner. Ids inside a wave are sorted.
 */
export function computeWaves(dag: Dag): string[][] {
  const index = dagIndexOf(dag);
  if (index) return wavesOfIndex(dag, index);
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

/** The same waves from a Dag's index: each position's level is its wave. */
function wavesOfIndex(dag: Dag, index: DagIndex): string[][] {
  const levels = index.levels ?? levelsOf(index.dependencyCounts, index.dependents);
  if (!levels) throw new Error('computeWaves: the graph has a cycle');
  const waves: string[][] = [];
  for (let position = 0; position < levels.length; position++) {
    const level = levels[position]!;
    while (waves.length <= level) waves.push([]);
    waves[level]!.push(dag.ids[position]!);
  }
  // The default sort compares strings by UTF-16 code units, as compareIds does.
  for (const wave of waves) wave.sort();
  return waves;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
