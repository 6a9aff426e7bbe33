import { compiledDagOf, topologyOf, type Dag } from './dag.js';
import { intAt } from '../graph/checked-reads.js';

/**
 * Groups ids into waves: each id sits in the earliest wave after all of its dependencies, so every wave
 * depends only on earlier ones and nothing could start a wave sooner. Ids inside a wave are sorted.
 */
export function computeWaves(dag: Dag): string[][] {
  const compiled = compiledDagOf(dag);
  const levels = topologyOf(compiled)?.levels;
  if (!levels) throw new Error('computeWaves: the graph has a cycle');
  const waves: string[][] = [];
  // One level per id: levels was made at ids.length.
  compiled.ids.forEach((id, position) => {
    const level = intAt(levels, position);
    while (waves.length <= level) waves.push([]);
    // Once per id, and the generic itemAt is megamorphic: the loop above made waves[level].
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- level < waves.length
    waves[level]!.push(id);
  });
  // The default sort compares strings by UTF-16 code units, as compareIds does.
  for (const wave of waves) wave.sort();
  return waves;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
