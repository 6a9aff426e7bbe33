import {
  spawn,
  type ChildProcess,
  type ChildProcessWithoutNullStreams,
  type SpawnOptionsWithoutStdio,
} from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What a test leaves behind, ended by the hooks in test/helpers/jest-cleanup.ts whatever the test's outcome:
 * every process started through `startProcess` after each test, every scratch folder after each file. A test
 * that throws before it stops its own process can then never hang the suite.
 */
const folders = new Set<string>();
const children = new Set<ChildProcess>();

/** A new, empty folder under the system's temporary folder, removed when the test file ends. */
export function scratchDir(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.add(folder);
  return folder;
}

export function removeScratchDirs(): void {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
}

/** `spawn`, with the child ended after the current test if it is still running then. */
export function startProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithoutStdio,
): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, options);
  children.add(child);
  child.on('close', () => children.delete(child));
  return child;
}

/** Ends every process still running: SIGKILL, so a hung or signal-ignoring child cannot hold the suite. */
export async function endProcesses(): Promise<void> {
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  children.clear();
}
