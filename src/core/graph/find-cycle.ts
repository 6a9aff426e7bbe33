import type { Instance } from './types.js';

/**
 * A dependency cycle as a path of ids that starts and ends at the same instance (`a -> b -> a`), or
 * undefined. Iterative depth-first search, so a deep graph cannot overflow the stack.
 */
export function findCycle(
  instances: readonly Instance[],
  byId: ReadonlyMap<string, Instance>,
): string[] | undefined {
  const state = new Map<string, 'active' | 'done'>();
  for (const root of instances) {
    if (state.has(root.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'active');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const dependencies = byId.get(frame.id)!.dependsOn;
      if (frame.next >= dependencies.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const dependency = dependencies[frame.next++]!;
      const seen = state.get(dependency);
      if (seen === 'active') {
        const start = stack.findIndex((entry) => entry.id === dependency);
        return [...stack.slice(start).map((entry) => entry.id), dependency];
      }
      if (seen === undefined) {
        state.set(dependency, 'active');
        stack.push({ id: dependency, next: 0 });
      }
    }
  }
  return undefined;
}
