import { fstatSync, writeSync } from 'node:fs';

/** Where the CLI writes: the terminal in real use, buffers in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The process's stdout and stderr. A stream whose reader went away (`strata graph | head -1`) takes no more
 * writes instead of crashing the CLI with a stack trace; the command goes on to its end (a run never abandons
 * Terraform in the middle of an apply) and exits with its own code.
 *
 * Into a file (or /dev/null) the text goes straight to the descriptor, as the stream would write it anyway
 * (Node.js writes files synchronously): the stream first copies every string into a Buffer, which on
 * Node.js 20 cost `strata graph --format json` on 100,000 instances (57 MB) about 70 ms and the garbage.
 * Pipes and terminals keep the stream, which waits for a full pipe instead of failing with EAGAIN.
 */
export function processOutput(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): CliOutput {
  const writer = (stream: NodeJS.WriteStream) => {
    const fd = fileDescriptorOf(stream);
    if (fd !== undefined) return (text: string) => void writeSync(fd, text);
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

/** The descriptor of a stream that writes to a file or a character device other than a terminal. */
function fileDescriptorOf(stream: NodeJS.WriteStream): number | undefined {
  // Node.js streams for stdout and stderr have `fd`; its types leave it out.
  const { fd } = stream as { fd?: unknown };
  if (stream.isTTY || typeof fd !== 'number') return undefined;
  try {
    const stats = fstatSync(fd);
    return stats.isFile() || stats.isCharacterDevice() ? fd : undefined;
  } catch {
    return undefined;
  }
}
