import type { LeftOut } from '../dr/failed-regions.js';
import { suggest, type CommandName } from '../wording.js';

/**
 * What a run left out because a region is marked failed, one line each, so that no instance drops out of
 * management unnoticed; empty when nothing was left out. The commands it names are worded by `command`.
 */
export function renderLeftOut(leftOut: readonly LeftOut[], command: CommandName): string {
  if (leftOut.length === 0) return '';
  const lines = leftOut.map(({ id, reason }) => `  ${id}: ${reason}`);
  return `Left out of this run (${leftOut.length}), until a failback brings their region back (${command(suggest('failback'))}; '${command(suggest('stray', { setting: 'region', value: 'REGION' }))}' lists what is still there once it is up):\n${lines.join('\n')}\n`;
}
