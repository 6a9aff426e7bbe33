import { expect } from '@jest/globals';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from './scratch.js';

/**
 * Estates for end-to-end cases, each case its own: a failure in one case cannot leave another an estate half
 * changed, and any case runs alone with `-t`.
 *
 * A story (apply, then plan again, then destroy) is told in stages. A stage that later cases start from is
 * built once per test file, on first use, by `stage()`; it is never changed after that: every case that runs
 * something on it runs on its own `copyOfEstate`. A case about how a stage is made asserts on the stage's
 * recorded run, so the suite runs each command once, as it did when the cases shared one estate.
 */

/** What a run leaves in an estate that a copy must not take: Terraform's data folders (absolute paths). */
const WORK_FOLDER = /[\\/]\.strata$/;
/** The state a run leaves in the example estates (`state/<region>/...`, the local backend). */
const STATE_FOLDER = /[\\/]state$/;

/** `source` (examples/multi-region by default) in a new scratch folder, without state or work folder. */
export function freshEstate(source = 'examples/multi-region', prefix = 'strata-estate-'): string {
  const estate = scratchDir(prefix);
  cpSync(source, estate, {
    recursive: true,
    filter: (file) => !WORK_FOLDER.test(file) && !STATE_FOLDER.test(file),
  });
  return estate;
}

/**
 * Replaces `from` by `to` in the estate's `layers.yml`; throws when `from` is not there, so that a manifest that
 * changed under a test cannot leave the test running on the unchanged estate.
 */
export function editManifest(estate: string, from: string, to: string): void {
  const manifest = path.join(estate, 'layers.yml');
  const text = readFileSync(manifest, 'utf8');
  if (!text.includes(from)) throw new Error(`${manifest} has no ${JSON.stringify(from)} to replace`);
  writeFileSync(manifest, text.replace(from, to));
}

/** An estate a stage built, in a new scratch folder for one case to change: its manifest and state, no work folder. */
export function copyOfEstate(estate: string, prefix = 'strata-estate-'): string {
  const copy = scratchDir(prefix);
  cpSync(estate, copy, { recursive: true, filter: (file) => !WORK_FOLDER.test(file) });
  return copy;
}

/**
 * A stage of a story, built on first use and kept for the rest of the file (a failed build is kept too, so
 * every case that needs it says why, without building it again).
 */
export function stage<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** A command a stage needs to have succeeded; throws (failing the case that needs the stage) when it did not. */
/**
 * Asserts that a command exited 0. The assertion is on one string of exit code and stderr, so a failure
 * prints what the command said (a matcher on `{ status, stderr }` shows only the status).
 */
export function expectSucceeded(result: { status: number | null; stderr: string }): void {
  expect(`exit ${String(result.status)}\n${result.stderr.slice(-4000)}`).toMatch(/^exit 0\n/);
}

export function needSucceeded<R extends { status: number | null; stderr: string }>(
  what: string,
  result: R,
): R {
  if (result.status !== 0) {
    throw new Error(
      `setting up: ${what} exited ${String(result.status)}; the case that runs it says why\n${result.stderr.slice(-2000)}`,
    );
  }
  return result;
}
