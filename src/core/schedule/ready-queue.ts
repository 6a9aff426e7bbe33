import { dependentsOf, type Dag } from './dag.js';
import { compareIds } from './waves.js';
import { getOrThrow, itemAt } from '../lookup.js';

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

  /** Sifts `id` up from a new last slot, moving worse parents down into the hole. */
  private push(id: string): void {
    const heap = this.heap;
    let index = heap.length;
    heap.push(id);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = itemAt(heap, parent, 'heap entry');
      if (!this.before(id, above)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = id;
  }

  /** Takes the best id; the last one is sifted down from the root, better children moving up into the hole. */
  private pop(): string {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined) throw new Error('Internal error: pop from an empty ready queue');
    const top = heap[0];
    if (top === undefined) {
      this.started.add(last);
      return last;
    }
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      // A slot at or past the length reads undefined: no such child.
      const leftId = heap[left];
      if (leftId === undefined) break;
      const rightId = heap[left + 1];
      const isRight = rightId !== undefined && this.before(rightId, leftId);
      const child = isRight ? rightId : leftId;
      if (!this.before(child, last)) break;
      heap[index] = child;
      index = isRight ? left + 1 : left;
    }
    heap[index] = last;
    this.started.add(top);
    return top;
  }
}
