import type { ProcessResult } from './process-runner.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt; it doubles before each later one. */
  firstDelayMs: number;
}

/** Three attempts, 2 s and then 4 s apart: enough for a registry or proxy blip, short next to a plan. */
export const TRANSIENT_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 2000 };

/**
 * Runs a command again while its result is a failure known to be transient (`isTransient`), up to
 * the policy's attempts. Never retries a command that was cancelled or timed out, nor once `signal` is aborted:
 * a stop asked for is not a failure to recover from. Returns the last result, which the caller judges.
 */
export async function retryTransient(
  attempt: () => Promise<ProcessResult>,
  isTransient: (result: ProcessResult) => boolean,
  options: {
    policy?: RetryPolicy | undefined;
    signal?: AbortSignal | undefined;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  },
): Promise<ProcessResult> {
  const policy = options.policy ?? TRANSIENT_RETRY;
  const sleep = options.sleep ?? abortableSleep;
  let result = await attempt();
  for (let done = 1; done < policy.attempts; done++) {
    if (result.cancelled || result.timedOut || options.signal?.aborted || !isTransient(result)) break;
    await sleep(policy.firstDelayMs * 2 ** (done - 1), options.signal);
    if (options.signal?.aborted) break;
    result = await attempt();
  }
  return result;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
