import { StringDecoder } from 'node:string_decoder';
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProcessRequest, ProcessResult, ProcessRunner } from '../engine/process-runner.js';
import { definedOrThrow } from '../core/lookup.js';
import { OutputCollector } from './output-collector.js';
import { hasLiveMembers } from './process-group.js';

/** The default time between SIGINT and SIGKILL. */
export const DEFAULT_GRACE_MS = 20_000;

/** How often to look for live members of the process group while it winds down. */
const GROUP_POLL_MS = 25;
/** How long to wait for the group to vanish after SIGKILL before giving up (a process stuck in the kernel). */
const AFTER_KILL_MS = 2_000;

/** The process could not be started: the executable, the working directory or the log file is the problem. */
export class ProcessStartError extends Error {
  readonly executable: string;
  /** The system error code (`ENOENT`, `EACCES`, …) when there is one. */
  readonly code: string | undefined;

  constructor(executable: string, reason: string, code?: string) {
    super(`Cannot run '${executable}': ${reason}`);
    this.name = 'ProcessStartError';
    this.executable = executable;
    this.code = code;
  }
}

/**
 * Runs processes with node:child_process, argument arrays only (never a shell).
 *
 * - The child gets its own session and process group (`detached`), so a Ctrl-C in the terminal reaches only
 *   Strata, which forwards exactly one SIGINT (Terraform takes a second one as "exit now" and may leave its state
 *   lock). Signals go to the whole group, so the children of wrapper scripts get them too. The entry must therefore
 *   turn its own SIGINT/SIGTERM into an abort of `signal`, or the children outlive it.
 * - stdin is at its end at once (commands must not prompt: pass `-input=false`), unless `request.stdin` gives
 *   what to write and when to end it.
 * - The executable is looked up on the PATH of `request.env`, not Strata's own.
 * - Output goes to `logFile` (appended, parent folders created) in the order it arrives, through one stream with
 *   back-pressure: when the disk is slower than the child, the child waits, and memory stays bounded.
 * - A `signal` that is already aborted at call time means the process is not started and the log not touched:
 *   the result has `cancelled: true`, `exitCode: null`, `durationMs: 0`.
 * - Cancellation and `timeoutMs`: one SIGINT to the group, then SIGKILL to the group if any member is still alive
 *   after `graceMs`. Members of the group still alive when the child exits (orphans: a background job of a
 *   wrapper, a provider left behind by a crash) get the same sequence, so nothing outlives the run.
 * - Resolves only after the child has closed, the group is gone and the log is flushed. Rejects with
 *   ProcessStartError when the process cannot start; never for an exit code, a signal or a timeout.
 */
export function createChildProcessRunner(): ProcessRunner {
  return { run: runProcess };
}

async function runProcess(request: ProcessRequest): Promise<ProcessResult> {
  if (request.signal?.aborted) return notStarted();
  const log = await openLog(request);
  if (request.signal?.aborted) {
    await closeStream(log);
    return notStarted();
  }

  const startedAt = performance.now();
  let child: ChildProcessByStdio<Writable, Readable, Readable>;
  try {
    child = spawn(request.executable, [...request.args], {
      cwd: request.cwd,
      env: { ...request.env },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    await closeStream(log);
    throw await startError(request, error);
  }
  // Registered before anything can fail, so an 'error' never goes unhandled and no event is missed.
  const started = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once('close', (code, endSignal) => {
      resolve([code, endSignal]);
    });
  });
  try {
    await started;
  } catch (error) {
    child.stdin.destroy();
    child.stdout.destroy();
    child.stderr.destroy();
    await closeStream(log);
    throw await startError(request, error);
  }
  // After a successful start, 'error' only reports a failed kill(); the group signalling below has its fallbacks.
  child.on('error', () => undefined);
  // Defined once the process has spawned, which the 'spawn' wait above ensures.
  const pid = definedOrThrow(child.pid, 'the process id');
  const { stdin } = child;
  // A child that exits before reading it all makes the pipe fail: its exit is the result that counts.
  stdin.on('error', () => undefined);
  if (request.stdin) {
    stdin.write(request.stdin.text);
    void request.stdin.endWhen.finally(() => stdin.end());
  } else stdin.end();

  const output = new OutputCollector(log, [child.stdout, child.stderr], request.captureStdout === true);
  const decoder = new StringDecoder('utf8');
  child.stdout.on('data', (chunk: Buffer) => {
    if (request.onStdout) request.onStdout(decoder.write(chunk));
    else output.add(chunk, true);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.add(chunk, false);
  });

  const graceMs = request.graceMs ?? DEFAULT_GRACE_MS;
  let cancelled = false;
  let timedOut = false;
  let killed = false;
  let interrupted = false;
  let killedAt: number | undefined;
  let graceTimer: NodeJS.Timeout | undefined;

  const sendToGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone or cannot be signalled (or the platform has no groups): the child alone, if still there.
      child.kill(signal);
    }
  };
  /** SIGINT once, whatever asks for it and however often; SIGKILL after the grace period if anyone is left. */
  const interrupt = () => {
    if (interrupted) return;
    interrupted = true;
    sendToGroup('SIGINT');
    graceTimer = setTimeout(() => {
      void (async () => {
        const isChildRunning = child.exitCode === null && child.signalCode === null;
        if (!isChildRunning && !(await hasLiveMembers(pid))) return;
        killed = true;
        killedAt = performance.now();
        sendToGroup('SIGKILL');
      })();
    }, graceMs);
  };

  const onAbort = () => {
    cancelled = true;
    interrupt();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const timeoutTimer =
    request.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          interrupt();
        }, request.timeoutMs);

  // Once the child itself has exited, cancellation and timeout no longer apply to it; whatever is left of its
  // group (holding the pipes open or not) is ended with the same sequence.
  const orphansHandled = exited.then(async () => {
    clearTimeout(timeoutTimer);
    request.signal?.removeEventListener('abort', onAbort);
    if (!interrupted && (await hasLiveMembers(pid))) interrupt();
  });

  const [exitCode, endSignal] = await closed;
  const durationMs = performance.now() - startedAt;
  await orphansHandled;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the abort and timeout callbacks, which TypeScript does not follow
  if (interrupted) {
    while (await hasLiveMembers(pid)) {
      if (killedAt !== undefined && performance.now() - killedAt > AFTER_KILL_MS) break;
      await delay(GROUP_POLL_MS);
    }
  }
  clearTimeout(graceTimer);

  await closeStream(log);
  if (output.logError !== undefined) {
    throw new Error(
      `Cannot write the log '${request.logFile}' of '${request.executable}': ${output.logError.message}`,
    );
  }
  return {
    exitCode,
    stdout: output.stdout(),
    tail: output.tail(),
    endSignal,
    cancelled,
    timedOut,
    killed,
    durationMs,
  };
}

function notStarted(): ProcessResult {
  return {
    exitCode: null,
    stdout: '',
    tail: '',
    endSignal: null,
    cancelled: true,
    timedOut: false,
    killed: false,
    durationMs: 0,
  };
}

async function openLog(request: ProcessRequest): Promise<Writable> {
  try {
    await mkdir(path.dirname(request.logFile), { recursive: true });
    const handle = await open(request.logFile, 'a');
    return handle.createWriteStream();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ProcessStartError(
      request.executable,
      `cannot open its log '${request.logFile}': ${message}`,
      code,
    );
  }
}

/** Ends the stream and waits until everything is on disk and the file is closed. Never rejects. */
function closeStream(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.closed) {
      resolve();
      return;
    }
    stream.once('close', () => {
      resolve();
    });
    if (stream.destroyed) return;
    stream.end();
  });
}

async function startError(request: ProcessRequest, error: unknown): Promise<ProcessStartError> {
  const { code, message } = error as NodeJS.ErrnoException;
  const isPath = request.executable.includes('/') || request.executable.includes(path.sep);
  switch (code) {
    case 'ENOENT':
      if (!(await isDirectory(request.cwd))) {
        return new ProcessStartError(
          request.executable,
          `its working directory '${request.cwd}' does not exist (ENOENT)`,
          code,
        );
      }
      return new ProcessStartError(
        request.executable,
        isPath
          ? 'no such file (ENOENT); check the path'
          : 'not found on PATH (ENOENT); install it or give its full path',
        code,
      );
    case 'EACCES':
      return new ProcessStartError(
        request.executable,
        'permission denied (EACCES); the file must be executable and its folders searchable',
        code,
      );
    default:
      return new ProcessStartError(
        request.executable,
        code === undefined ? message : `${message} (${code})`,
        code,
      );
  }
}

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch {
    return false;
  }
}
