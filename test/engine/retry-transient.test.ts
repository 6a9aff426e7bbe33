import { describe, expect, it } from '@jest/globals';
import type { ProcessResult } from '../../src/engine/process-runner.js';
import { retryTransient } from '../../src/engine/retry-transient.js';

const result = (exitCode: number, extra: Partial<ProcessResult> = {}): ProcessResult => ({
  exitCode,
  stdout: '',
  tail: exitCode === 0 ? '' : 'transient',
  endSignal: null,
  cancelled: false,
  timedOut: false,
  killed: false,
  durationMs: 1,
  ...extra,
});

/** Hands out the given results in order and records the waits between them. */
function attempts(...results: ProcessResult[]) {
  const waits: number[] = [];
  let calls = 0;
  return {
    attempt: () => Promise.resolve(results[Math.min(calls++, results.length - 1)]!),
    calls: () => calls,
    waits,
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

const isTransient = (r: ProcessResult) => r.exitCode !== 0 && r.tail === 'transient';
const policy = { attempts: 3, firstDelayMs: 100 };

describe('retryTransient', () => {
  it('tries again after a transient failure, waiting longer each time, and returns the first success', async () => {
    const run = attempts(result(1), result(1), result(0));
    const last = await retryTransient(run.attempt, isTransient, { policy, sleep: run.sleep });
    expect(last.exitCode).toBe(0);
    expect(run.calls()).toBe(3);
    expect(run.waits).toEqual([100, 200]);
  });

  it('gives up after the policy’s attempts and returns the last failure', async () => {
    const run = attempts(result(1));
    const last = await retryTransient(run.attempt, isTransient, { policy, sleep: run.sleep });
    expect(last.exitCode).toBe(1);
    expect(run.calls()).toBe(3);
  });

  it.each([
    ['a failure that is not transient', result(1, { tail: 'Error: Unsupported argument' })],
    ['a cancelled command', result(1, { cancelled: true })],
    ['a command that timed out', result(1, { timedOut: true })],
  ])('never retries %s', async (_name, first) => {
    const run = attempts(first, result(0));
    await retryTransient(run.attempt, isTransient, { policy, sleep: run.sleep });
    expect(run.calls()).toBe(1);
  });

  it('stops once the signal is aborted, also during the wait', async () => {
    const controller = new AbortController();
    const run = attempts(result(1), result(0));
    const last = await retryTransient(run.attempt, isTransient, {
      policy,
      signal: controller.signal,
      sleep: (ms) => {
        controller.abort();
        return run.sleep(ms);
      },
    });
    expect(last.exitCode).toBe(1);
    expect(run.calls()).toBe(1);
  });
});
