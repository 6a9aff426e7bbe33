import { topologicalOrder, type Dag } from './dag.js';

/**
 * Groups ids into waves: each id sits in the earliest wave after all of its dependencies, so every wave
 * depends only on earlier ones and nothing could start a wave sooner. Ids inside a wave are sorted.
 */
export function computeWaves(dag: Dag): string[][] {
  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  for (const id of topologicalOrder(dag)) {
    let wave = 0;
    for (const dependency of dag.dependsOn.get(id) ?? []) wave = Math.max(wave, waveOf.get(dependency)! + 1);
    waveOf.set(id, wave);
    (waves[wave] ??= []).push(id);
  }
  for (const wave of waves) wave.sort(compareIds);
  return waves;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
