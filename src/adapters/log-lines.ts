import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** The lines of a log file, streamed (a plan log can be tens of megabytes); none when it was never written. */
export async function* logLines(file: string): AsyncGenerator<string> {
  try {
    await access(file);
  } catch {
    return;
  }
  yield* createInterface({ input: createReadStream(file), crlfDelay: Infinity });
}
