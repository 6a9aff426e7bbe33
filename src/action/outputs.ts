/** The action's outputs, named once: action.yml declares the same names (a test checks both ways). */
export const OUTPUTS = {
  graph: 'graph',
  matrix: 'matrix',
  legsFile: 'legs-file',
  hasChanges: 'has-changes',
  summary: 'summary',
  failed: 'failed',
  resultFile: 'result-file',
  recoverySeconds: 'recovery-seconds',
  ready: 'ready',
  reportDir: 'report-dir',
} as const;

/**
 * The most characters an id-list output (`failed`) carries. GitHub caps a job's outputs at 1 MB in all, counted
 * in UTF-16 (2 bytes a character), and a workflow that passes `failed` on as a job output must stay under it
 * whatever else the job outputs: when the first instance of 100k fails, the rest are skipped, 4 MB of ids.
 */
export const MAX_ID_LIST_CHARS = 100_000;

/** Ids comma-separated; past MAX_ID_LIST_CHARS, those that fit and then `+N more` (the result file lists all). */
export function idListOutput(ids: readonly string[]): string {
  const all = ids.join(',');
  if (all.length <= MAX_ID_LIST_CHARS) return all;
  const kept: string[] = [];
  let length = 0;
  for (const id of ids) {
    const more = `,+${ids.length - kept.length - 1} more`;
    if (length + id.length + 1 + more.length > MAX_ID_LIST_CHARS) break;
    kept.push(id);
    length += id.length + 1;
  }
  return `${kept.join(',')},+${ids.length - kept.length} more`;
}
