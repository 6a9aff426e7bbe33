/** The action's outputs, named once: action.yml declares the same names (a test checks both ways). */
export const OUTPUTS = {
  graph: 'graph',
  matrix: 'matrix',
  hasChanges: 'has-changes',
  summary: 'summary',
  failed: 'failed',
  resultFile: 'result-file',
  recoverySeconds: 'recovery-seconds',
  ready: 'ready',
  reportDir: 'report-dir',
} as const;
