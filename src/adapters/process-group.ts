import { readdir, readFile } from 'node:fs/promises';

/**
 * Whether any process of the group `pgid` is still running. `kill(-pgid, 0)` also counts zombies, which are
 * harmless and linger where PID 1 does not reap orphans (containers without an init), so on Linux the members are
 * looked up in /proc and zombies are left out.
 */
export async function hasLiveMembers(pgid: number): Promise<boolean> {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return true;
  }
  const states = await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map((entry) =>
        readFile(`/proc/${entry}/stat`, 'utf8').then(
          (text) => parseStat(text),
          () => undefined,
        ),
      ),
  );
  return states.some(
    (state) => state !== undefined && state.pgrp === pgid && state.state !== 'Z' && state.state !== 'X',
  );
}

/** `/proc/<pid>/stat`: "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses. */
function parseStat(text: string): { state: string; pgrp: number } | undefined {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const pgrp = Number(fields[2]);
  if (state === undefined || !Number.isInteger(pgrp)) return undefined;
  return { state, pgrp };
}
