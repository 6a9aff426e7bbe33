/** The end of a process's output, where its error is. */
export function lastLines(tail: string, count = 30): string {
  return tail.trimEnd().split('\n').slice(-count).join('\n');
}
