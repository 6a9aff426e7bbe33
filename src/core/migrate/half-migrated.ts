import { suggest, type CommandName, type SettingName } from '../wording.js';
import type { ResourceMove } from './state-document.js';

/** An instance that already holds resources its old roots still hold: a move stopped before the trim. */
export interface HalfMigratedInstance {
  id: string;
  /** The moves the instance holds already while their root still holds the resource too. */
  moves: ResourceMove[];
}

/**
 * The instances, of those given, whose state holds (at its new address) a resource that the mapping still
 * has to move out of an old root. A move that has not started is not half done: the instance holds none.
 */
export function halfMigratedInstances(
  receiving: ReadonlyMap<string, readonly ResourceMove[]>,
  held: ReadonlyMap<string, ReadonlySet<string>>,
): HalfMigratedInstance[] {
  const found: HalfMigratedInstance[] = [];
  for (const [id, addresses] of held) {
    const moves = (receiving.get(id) ?? []).filter((move) => addresses.has(move.to));
    if (moves.length > 0) found.push({ id, moves });
  }
  return found;
}

/** Why a run refuses half-migrated instances, and the command that finishes each, as each entry words it. */
export function halfMigratedMessage(
  migrationFile: string,
  instances: readonly HalfMigratedInstance[],
): (name: SettingName, command: CommandName) => string {
  return (_name, command) => {
    const lines = instances.map(({ id, moves }) => {
      const roots = [...new Set(moves.map((move) => move.root))].join(', ');
      const [first] = moves;
      const shown = first
        ? `${first.to}${moves.length > 1 ? ` and ${String(moves.length - 1)} more` : ''}`
        : '';
      return `  ${id}: its state holds ${shown}, which root ${roots} of ${migrationFile} still holds too (a migrate apply stopped before removing them from the old state); finish it with: ${command(suggest('migrate apply', { setting: 'instance', value: id }))}`;
    });
    return `refusing to run: ${String(instances.length)} instance${instances.length === 1 ? ' is' : 's are'} half migrated, and a run now would manage the same resources from two states:\n${lines.join('\n')}`;
  };
}
