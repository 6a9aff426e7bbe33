import type { Instance } from './types.js';

/**
 * A dependency cycle as a path of ids that starts and ends at the same instance (`a -> b -> a`), or
 * undefined. Iterative depth-first search, so a deep graph cannot overflow the stack.
 */
export function findCycle(
  instances: readonly Instance[],
  byId: ReadonlyMap<string, Instance>,
): string[] | undefined {
  if (isAcyclic(instances, byId)) return undefined;
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

/** Kahn's algorithm: cheaper than the search below, which only runs to name the cycle when there is one. */
function isAcyclic(instances: readonly Instance[], byId: ReadonlyMap<string, Instance>): boolean {
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const instance of instances) {
    waiting.set(instance.id, instance.dependsOn.length);
    for (const dependency of instance.dependsOn) {
      const list = dependents.get(dependency);
      if (list) list.push(instance.id);
      else dependents.set(dependency, [instance.id]);
    }
  }
  const ready = instances
    .filter((instance) => instance.dependsOn.length === 0)
    .map((instance) => instance.id);
  let done = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    done++;
    for (const dependent of dependents.get(id) ?? []) {
      const left = waiting.get(dependent)! - 1;
      waiting.set(dependent, left);
      if (left === 0 && byId.has(dependent)) ready.push(dependent);
    }
  }
  return done === instances.length;
}
