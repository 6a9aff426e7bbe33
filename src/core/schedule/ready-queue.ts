import { dependentsOf, type Dag } from './dag.js';
import { compareIds } from './waves.js';
import { getOrThrow } from '../lookup.js';

/**
 * The live scheduling policy, free of I/O: an instance becomes ready the moment everything it depends on
 * has succeeded; among ready instances the one with the longest remaining path goes first, then by id, so
 * runs are deterministic. A failure makes every transitive dependent unreachable at once.
 */
export class ReadyQueue {
  private readonly dependents: Map<string, string[]>;
  private readonly unfinished = new Map<string, number>();
  private readonly heap: string[] = [];
  private readonly dropped = new Set<string>();
  private readonly started = new Set<string>();
  private running = 0;
  private left: number;

  constructor(
    dag: Dag,
    private readonly priority: ReadonlyMap<string, number> = new Map(),
  ) {
    this.dependents = dependentsOf(dag);
    this.left = dag.ids.length;
    for (const id of dag.ids) {
      const count = (dag.dependsOn.get(id) ?? []).length;
      this.unfinished.set(id, count);
      if (count === 0) this.push(id);
    }
  }

  /** Whether nothing is ready, running or waiting any more. */
  get isDone(): boolean {
    return this.left === 0;
  }

  get runningCount(): number {
    return this.running;
  }

  /** Takes up to `limit` ready ids, best first, and counts them as running. */
  take(limit: number): string[] {
    const taken: string[] = [];
    while (taken.length < limit && this.heap.length > 0) taken.push(this.pop());
    this.running += taken.length;
    return taken;
  }

  /**
   * Records the end of a running id. On success, returns nothing and readies what waited only for it; on
   * failure, returns every transitive dependent, none of which will run.
   */
  finish(id: string, succeeded: boolean): string[] {
    this.running--;
    this.left--;
    if (succeeded) {
      for (const dependent of this.dependents.get(id) ?? []) {
        const count = getOrThrow(this.unfinished, dependent, 'instance') - 1;
        this.unfinished.set(dependent, count);
        if (count === 0 && !this.dropped.has(dependent)) this.push(dependent);
      }
      return [];
    }
    const unreachable: string[] = [];
    const stack = [...(this.dependents.get(id) ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (this.dropped.has(next)) continue;
      this.dropped.add(next);
      unreachable.push(next);
      this.left--;
      stack.push(...(this.dependents.get(next) ?? []));
    }
    return unreachable.sort(compareIds);
  }

  /** Drops everything not yet started (fail-fast, cancellation) and returns those ids. */
  drain(): string[] {
    const rest = [...this.unfinished.keys()].filter((id) => this.isWaitingOrReady(id));
    for (const id of rest) this.dropped.add(id);
    this.heap.length = 0;
    this.left -= rest.length;
    return rest.sort(compareIds);
  }

  private isWaitingOrReady(id: string): boolean {
    return !this.started.has(id) && !this.dropped.has(id);
  }

  private before(a: string, b: string): boolean {
    const pa = this.priority.get(a) ?? 0;
    const pb = this.priority.get(b) ?? 0;
    return pa !== pb ? pa > pb : a < b;
  }

  /* eslint-disable @typescript-eslint/no-non-null-assertion -- A binary heap: every index read is checked
     against heap.length by the loops (index > 0, left/right < length), and pop is called only when not empty. */
  private push(id: string): void {
    const heap = this.heap;
    heap.push(id);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private pop(): string {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let best = index;
        if (left < heap.length && this.before(heap[left]!, heap[best]!)) best = left;
        if (right < heap.length && this.before(heap[right]!, heap[best]!)) best = right;
        if (best === index) break;
        [heap[index], heap[best]] = [heap[best]!, heap[index]!];
        index = best;
      }
    }
    this.started.add(top);
    return top;
  } /* eslint-enable @typescript-eslint/no-non-null-assertion */
}
