import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createChildProcessRunner, ProcessStartError } from '../../src/adapters/child-process-runner.js';
import { TAIL_BYTES } from '../../src/adapters/output-collector.js';
import type { ProcessRequest } from '../../src/engine/process-runner.js';
import { scratchDir } from '../helpers/scratch.js';

const FIXTURES = path.resolve('test/adapters/fixtures');
const runner = createChildProcessRunner();
let directory: string;
let logCount = 0;

beforeAll(() => {
  directory = scratchDir('strata-runner-');
});

function newLogFile(): string {
  logCount += 1;
  return path.join(directory, `run-${logCount}.log`);
}

/** A request running one of the fixture scripts with Node. */
function script(name: string, args: string[] = [], options: Partial<ProcessRequest> = {}): ProcessRequest {
  return {
    executable: process.execPath,
    args: [path.join(FIXTURES, name), ...args],
    cwd: directory,
    env: { PATH: process.env.PATH ?? '' },
    logFile: newLogFile(),
    ...options,
  };
}

function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Waits until the log contains every text (the fixtures print `ready` once their signal handlers are set). */
async function waitForLog(file: string, ...texts: string[]): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const log = readLog(file);
    if (texts.every((text) => log.includes(text))) return log;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${texts.join(', ')} in:\n${log}`);
    await delay(10);
  }
}

/**
 * Whether a process still runs. A zombie does not: where PID 1 never reaps orphans (this sandbox, containers
 * without an init) a killed grandchild stays a zombie, and `kill(pid, 0)` still succeeds on it.
 */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  if (process.platform !== 'linux') return true;
  try {
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function pidIn(log: string, label: string): number {
  const match = new RegExp(`^${label} (\\d+)$`, 'm').exec(log);
  if (match === null) throw new Error(`No '${label} <pid>' line in:\n${log}`);
  return Number(match[1]);
}

describe('createChildProcessRunner', () => {
  it.each([0, 3, 255])('passes exit code %i through without throwing', async (code) => {
    const request = script('exit-with.mjs', [String(code)]);
    const result = await runner.run(request);
    expect(result).toMatchObject({
      exitCode: code,
      endSignal: null,
      stdout: '',
      tail: `exiting with ${code}\n`,
      cancelled: false,
      timedOut: false,
      killed: false,
    });
    expect(result.durationMs).toBeGreaterThan(0);
    expect(readLog(request.logFile)).toBe(`exiting with ${code}\n`);
  });

  it('writes stdout and stderr to the log in the order they arrive', async () => {
    const request = script('interleave.mjs', ['6']);
    const result = await runner.run(request);
    const lines = [1, 2, 3, 4, 5, 6].flatMap((index) => [`out ${index}\n`, `err ${index}\n`]);
    expect(readLog(request.logFile)).toBe(lines.join(''));
    expect(result.tail).toBe(lines.join(''));
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('streams stdout to onStdout instead of keeping it, and keeps it out of the log', async () => {
    const received: string[] = [];
    const request = script('interleave.mjs', ['6'], { onStdout: (text: string) => received.push(text) });
    const result = await runner.run(request);
    const lines = [1, 2, 3, 4, 5, 6].flatMap((index) => [`out ${index}\n`, `err ${index}\n`]);
    expect(received.join('')).toBe(lines.filter((line) => line.startsWith('out')).join(''));
    expect(result.stdout).toBe('');
    expect(readLog(request.logFile)).toBe(lines.filter((line) => line.startsWith('err')).join(''));
  });

  it('returns captured stdout whole and keeps it out of the log and the tail (it may hold secrets)', async () => {
    const request = script('interleave.mjs', ['6'], { captureStdout: true });
    const result = await runner.run(request);
    const lines = [1, 2, 3, 4, 5, 6].flatMap((index) => [`out ${index}\n`, `err ${index}\n`]);
    expect(result.stdout).toBe(lines.filter((line) => line.startsWith('out')).join(''));
    expect(readLog(request.logFile)).toBe(lines.filter((line) => line.startsWith('err')).join(''));
    expect(result.tail).toBe(lines.filter((line) => line.startsWith('err')).join(''));
  });

  it('appends to an existing log and creates missing folders', async () => {
    const logFile = path.join(directory, 'nested', 'deeper', 'app.log');
    const first = await runner.run(script('exit-with.mjs', ['0'], { logFile }));
    const second = await runner.run(script('exit-with.mjs', ['2'], { logFile }));
    expect([first.exitCode, second.exitCode]).toEqual([0, 2]);
    expect(readLog(logFile)).toBe('exiting with 0\nexiting with 2\n');
  });

  it('gives the child exactly the environment of the request', async () => {
    process.env.STRATA_RUNNER_TEST_LEAK = 'leaked';
    try {
      const result = await runner.run(
        script('print-env.mjs', ['STRATA_ONLY', 'STRATA_RUNNER_TEST_LEAK'], {
          env: { STRATA_ONLY: 'from the request' },
          captureStdout: true,
        }),
      );
      expect(JSON.parse(result.stdout)).toEqual({
        STRATA_ONLY: 'from the request',
        STRATA_RUNNER_TEST_LEAK: null,
      });
    } finally {
      delete process.env.STRATA_RUNNER_TEST_LEAK;
    }
  });

  it('on abort sends one SIGINT, lets the child release its lock and waits for it', async () => {
    const controller = new AbortController();
    const request = script('graceful.mjs', ['150'], { signal: controller.signal, graceMs: 5_000 });
    const running = runner.run(request);
    await waitForLog(request.logFile, 'ready');
    controller.abort();
    const result = await running;
    expect(readLog(request.logFile)).toBe('ready\ngot SIGINT 1\nreleased lock\n');
    expect(result).toMatchObject({
      exitCode: 1,
      endSignal: null,
      cancelled: true,
      timedOut: false,
      killed: false,
    });
  });

  it('does not send a second SIGINT when the timeout elapses during the grace period', async () => {
    const controller = new AbortController();
    const request = script('graceful.mjs', ['2000'], {
      signal: controller.signal,
      timeoutMs: 1_000,
      graceMs: 5_000,
    });
    const running = runner.run(request);
    await waitForLog(request.logFile, 'ready');
    controller.abort();
    const result = await running;
    // Whichever came first (the abort, unless Node started very slowly), the child saw one SIGINT only.
    expect(readLog(request.logFile)).toBe('ready\ngot SIGINT 1\nreleased lock\n');
    expect(result).toMatchObject({ exitCode: 1, cancelled: true, timedOut: true, killed: false });
  });

  it('sends SIGKILL when the child ignores SIGINT for longer than graceMs', async () => {
    const controller = new AbortController();
    const request = script('ignore-sigint.mjs', ['child'], { signal: controller.signal, graceMs: 300 });
    const running = runner.run(request);
    await waitForLog(request.logFile, 'child ready');
    controller.abort();
    const result = await running;
    expect(readLog(request.logFile)).toBe('child ready\nchild ignoring SIGINT\n');
    expect(result).toMatchObject({ exitCode: null, endSignal: 'SIGKILL', cancelled: true, killed: true });
    expect(result.durationMs).toBeGreaterThanOrEqual(300);
  });

  it('leaves no process of the group behind: grandchildren get the signals too', async () => {
    const controller = new AbortController();
    const request = script('family.mjs', [], { signal: controller.signal, graceMs: 300 });
    const running = runner.run(request);
    const log = await waitForLog(request.logFile, 'family ready');
    const pids = { child: pidIn(log, 'child'), holding: pidIn(log, 'holding'), loose: pidIn(log, 'loose') };
    expect(Object.values(pids).every(isRunning)).toBe(true);
    controller.abort();
    const result = await running;

    expect(result).toMatchObject({ exitCode: 1, cancelled: true, killed: true });
    // The grandchild on our pipes received the group's SIGINT (so did 'loose', which has no way to tell us).
    expect(readLog(request.logFile)).toContain('holding ignoring SIGINT\n');
    expect(readLog(request.logFile)).toContain('child got SIGINT\n');
    expect(pids).toEqual({
      child: expect.any(Number),
      holding: expect.any(Number),
      loose: expect.any(Number),
    });
    expect(Object.entries(pids).filter(([, pid]) => isRunning(pid))).toEqual([]);
  });

  it('does not count zombies as members left to kill', async () => {
    // The grandchild dies of the SIGINT after its parent has exited, so PID 1 inherits it; where PID 1 reaps late
    // (this sandbox: every ~2 s) or never (a container without an init), it stays a zombie that kill(-pgid, 0)
    // still finds. Counting it would wait out the grace period and report a SIGKILL. On a host whose PID 1 reaps
    // at once this test passes either way.
    const controller = new AbortController();
    const request = script('wrapper.mjs', [], { signal: controller.signal, graceMs: 500 });
    const running = runner.run(request);
    const log = await waitForLog(request.logFile, 'ready', 'grandchild ');
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ exitCode: 1, cancelled: true, killed: false });
    expect(isRunning(pidIn(log, 'grandchild'))).toBe(false);
  });

  it('ends what is left of the group after a normal exit', async () => {
    // 'holding' keeps Strata's pipes open, 'loose' holds none: only a look at the process group finds it.
    const request = script('family.mjs', ['exit'], { graceMs: 300 });
    const result = await runner.run(request);
    const log = readLog(request.logFile);
    expect(result).toMatchObject({ exitCode: 0, cancelled: false, timedOut: false, killed: true });
    expect(log).toContain('holding ignoring SIGINT\n');
    expect([pidIn(log, 'holding'), pidIn(log, 'loose')].filter(isRunning)).toEqual([]);
  });

  it('ends a hanging child after timeoutMs', async () => {
    const request = script('hang.mjs', [], { timeoutMs: 500, graceMs: 5_000 });
    const result = await runner.run(request);
    // hang.mjs has no SIGINT handler, so the SIGINT itself ends it: no SIGKILL needed.
    expect(result).toMatchObject({
      exitCode: null,
      endSignal: 'SIGINT',
      timedOut: true,
      cancelled: false,
      killed: false,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(500);
    expect(result.durationMs).toBeLessThan(4_000);
  });

  it('does not start the process when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const request = script('exit-with.mjs', ['0'], { signal: controller.signal });
    const result = await runner.run(request);
    expect(result).toEqual({
      exitCode: null,
      stdout: '',
      tail: '',
      endSignal: null,
      cancelled: true,
      timedOut: false,
      killed: false,
      durationMs: 0,
    });
    expect(existsSync(request.logFile)).toBe(false);
  });

  it('rejects with ProcessStartError naming the executable when it is not on PATH', async () => {
    const request = script('exit-with.mjs', [], { executable: 'strata-no-such-terraform' });
    const error = await runner.run(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProcessStartError);
    expect((error as ProcessStartError).message).toBe(
      "Cannot run 'strata-no-such-terraform': not found on PATH (ENOENT); install it or give its full path",
    );
    expect((error as ProcessStartError).code).toBe('ENOENT');
  });

  it('rejects with ProcessStartError for a file that is not executable', async () => {
    const executable = path.join(directory, 'not-executable');
    writeFileSync(executable, '#!/bin/sh\necho never\n', { mode: 0o644 });
    const error = await runner
      .run(script('exit-with.mjs', [], { executable }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProcessStartError);
    expect((error as ProcessStartError).message).toBe(
      `Cannot run '${executable}': permission denied (EACCES); the file must be executable and its folders searchable`,
    );
  });

  it('rejects with ProcessStartError naming a missing working directory', async () => {
    const cwd = path.join(directory, 'no-such-folder');
    const error = await runner.run(script('exit-with.mjs', [], { cwd })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProcessStartError);
    expect((error as ProcessStartError).message).toBe(
      `Cannot run '${process.execPath}': its working directory '${cwd}' does not exist (ENOENT)`,
    );
  });

  it('keeps at most 64 KiB as the tail and never starts it inside a UTF-8 character', async () => {
    // 3 bytes a character: 65536 is not a multiple of 3, so a cut by bytes alone would split one.
    const request: ProcessRequest = {
      executable: process.execPath,
      args: ['-e', "process.stdout.write('start' + '€'.repeat(70_000) + 'end')"],
      cwd: directory,
      env: {},
      logFile: newLogFile(),
    };
    const result = await runner.run(request);
    expect(result.tail).toBe(`${'€'.repeat(Math.floor(TAIL_BYTES / 3) - 1)}end`);
    expect(Buffer.byteLength(result.tail)).toBeLessThanOrEqual(TAIL_BYTES);
  });

  it('streams 50 MB of output to the log with bounded memory and keeps the last 64 KiB as the tail', async () => {
    // In a fresh process: the peak memory of this one says more about the tests before than about the runner.
    // Expected growth is about 20 MB (chunks not yet collected); keeping the output whole would cost 100 MB or more.
    const bytes = 50 * 1024 * 1024;
    const logFile = newLogFile();
    const hashFile = path.join(directory, 'flood.sha256');
    const driver = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(FIXTURES, 'flood-driver.ts'), String(bytes), logFile, hashFile],
      { encoding: 'utf8' },
    );
    expect(driver.stderr).toBe('');
    const result = JSON.parse(driver.stdout) as {
      growthBytes: number;
      logBytes: number;
      exitCode: number | null;
      tail: string;
    };

    expect(result.exitCode).toBe(0);
    expect(result.growthBytes).toBeLessThan(50 * 1024 * 1024);
    expect(result.logBytes).toBe(bytes);
    const logHash = createHash('sha256');
    for await (const chunk of createReadStream(logFile)) logHash.update(chunk as Buffer);
    expect(logHash.digest('hex')).toBe(readFileSync(hashFile, 'utf8'));

    const end = Buffer.alloc(TAIL_BYTES);
    const handle = await open(logFile, 'r');
    try {
      await handle.read(end, 0, TAIL_BYTES, bytes - TAIL_BYTES);
    } finally {
      await handle.close();
    }
    expect(result.tail).toBe(end.toString('utf8'));
  });
});

describe('stdin', () => {
  const echo = ['-e', 'process.stdin.pipe(process.stdout)'];
  const request = (options: Partial<ProcessRequest>): ProcessRequest => ({
    executable: process.execPath,
    args: echo,
    cwd: directory,
    env: { PATH: process.env.PATH ?? '' },
    logFile: newLogFile(),
    captureStdout: true,
    ...options,
  });

  it('is at its end at once when the request gives none', async () => {
    const result = await runner.run(request({}));
    expect(result).toMatchObject({ exitCode: 0, stdout: '' });
  });

  it('gets the text, and stays open (the child keeps running) until endWhen settles', async () => {
    const enders: (() => void)[] = [];
    const endWhen = new Promise<void>((resolve) => enders.push(resolve));
    const end = () => enders.forEach((resolve) => resolve());
    let finished = false;
    const running = runner
      .run(request({ stdin: { text: 'held\n', endWhen } }))
      .finally(() => (finished = true));
    await delay(300);
    expect(finished).toBe(false);
    end();
    const result = await running;
    expect(result).toMatchObject({ exitCode: 0, stdout: 'held\n' });
  });
});
