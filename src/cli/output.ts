/** Where the CLI writes: the terminal in real use, buffers in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The process's stdout and stderr. A stream whose reader went away (`strata graph | head -1`) takes no more
 * writes instead of crashing the CLI with a stack trace; the command goes on to its end (a run never abandons
 * Terraform in the middle of an apply) and exits with its own code.
 */
export function processOutput(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): CliOutput {
  const writer = (stream: NodeJS.WriteStream) => {
    let isClosed = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: the reader went away (each write already under way reports it once).
      if (error.code !== 'EPIPE') throw error;
      isClosed = true;
    });
    return (text: string) => {
      if (!isClosed) stream.write(text);
    };
  };
  return { out: writer(stdout), err: writer(stderr) };
}
