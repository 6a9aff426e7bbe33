import { randomUUID } from 'node:crypto';
import type { Instance } from '../../core/graph/types.js';
import { receivingState, type ResourceMove, type StateDocument } from '../../core/migrate/state-document.js';

/**
 * What `instance`'s state becomes once `moves` are written into it from the old roots' `rootStates`: the same
 * for the migration's preview and its apply; a new state takes a fresh lineage.
 */
export function receivingStateOf(
  instance: Instance,
  current: StateDocument | null,
  rootStates: ReadonlyMap<string, StateDocument>,
  moves: readonly ResourceMove[],
) {
  return receivingState({
    current,
    sources: rootStates,
    moves,
    lineage: randomUUID(),
    instanceId: instance.id,
  });
}
