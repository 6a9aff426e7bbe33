import type { Readable, Writable } from 'node:stream';

/** How much of the end of the combined output `tail` keeps. */
export const TAIL_BYTES = 64 * 1024;

/** Writes output to the log in arrival order, pausing the pipes while the log catches up; keeps the tail. */
export class OutputCollector {
  logError: Error | undefined;
  private readonly tailChunks: Buffer[] = [];
  private tailSize = 0;
  private hasDroppedTail = false;
  private readonly stdoutChunks: Buffer[] = [];
  private isPaused = false;

  constructor(
    private readonly log: Writable,
    private readonly sources: readonly Readable[],
    private readonly isCapturingStdout: boolean,
  ) {
    log.on('error', (error) => {
      // Keep reading (and dropping) the output so the child is never blocked on a full pipe.
      this.logError ??= error;
      this.resume();
    });
  }

  add(chunk: Buffer, isStdout: boolean): void {
    if (isStdout && this.isCapturingStdout) {
      // Machine-readable output (show -json, output -json) carries sensitive values in clear text: it is
      // returned to the caller, never written to the log or kept in the tail that error messages quote.
      this.stdoutChunks.push(chunk);
      return;
    }
    this.tailChunks.push(chunk);
    this.tailSize += chunk.length;
    for (
      let oldest = this.tailChunks[0];
      oldest !== undefined && this.tailChunks.length > 1 && this.tailSize - oldest.length >= TAIL_BYTES;
      oldest = this.tailChunks[0]
    ) {
      this.tailChunks.shift();
      this.tailSize -= oldest.length;
      this.hasDroppedTail = true;
    }
    if (this.logError !== undefined || this.log.destroyed) return;
    if (!this.log.write(chunk) && !this.isPaused) {
      this.isPaused = true;
      for (const source of this.sources) source.pause();
      this.log.once('drain', () => {
        this.resume();
      });
    }
  }

  stdout(): string {
    return this.isCapturingStdout ? Buffer.concat(this.stdoutChunks).toString('utf8') : '';
  }

  tail(): string {
    const all = Buffer.concat(this.tailChunks);
    let start = Math.max(0, all.length - TAIL_BYTES);
    if (start > 0 || this.hasDroppedTail) {
      // Do not begin in the middle of a UTF-8 character.
      while (start < all.length && (all.readUInt8(start) & 0xc0) === 0x80) start += 1;
    }
    return all.subarray(start).toString('utf8');
  }

  private resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    for (const source of this.sources) source.resume();
  }
}
