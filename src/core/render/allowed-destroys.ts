import type { RunResult } from '../run-result.js';

/**
 * What the run's allow-destroy setting let stateful layers destroy or replace, one line per instance; empty
 * when it allowed nothing. Plain text, readable in the terminal and as Markdown.
 */
export function allowedDestroyLines(run: RunResult): string[] {
  const allowed = run.allowedDestroys ?? [];
  if (allowed.length === 0) return [];
  return [
    'Stateful resources destroyed or replaced as allowed by allow-destroy:',
    ...allowed.map(
      ({ id, resources }) =>
        `- ${id}: ${resources.map((change) => `${change.address} (${change.action})`).join(', ')}`,
    ),
  ];
}
