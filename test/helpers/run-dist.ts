import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { node24 } from './node24.js';
import { scratchDir, startProcess } from './scratch.js';

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const CLI_TIMEOUT_MS = 5 * 60_000;

/** Runs `dist/cli.js` on Node 24 as a user would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ProcessResult {
  const result = spawnSync(node24(), [path.resolve('dist/cli.js'), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    // A hung run must fail its test, not hold the whole suite: spawnSync blocks jest's own timers.
    timeout: CLI_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` with stdout and stderr redirected into files (`> out 2> err`) rather than pipes. */
export function runCliIntoFiles(args: string[]): ProcessResult {
  const directory = scratchDir('strata-cli-files-');
  const files = [path.join(directory, 'stdout'), path.join(directory, 'stderr')] as const;
  const descriptors = files.map((file) => openSync(file, 'w'));
  let status: number | null;
  try {
    status = spawnSync(node24(), [path.resolve('dist/cli.js'), ...args], {
      stdio: ['ignore', ...descriptors],
      timeout: CLI_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    }).status;
  } finally {
    descriptors.forEach((descriptor) => closeSync(descriptor));
  }
  return { status, stdout: readFileSync(files[0], 'utf8'), stderr: readFileSync(files[1], 'utf8') };
}

/**
 * `strata COMMAND --manifest layers.yml` in `estate`, with `--json-out` to a new file, and the result it wrote
 * (undefined when it wrote none).
 */
export function runCliWithResult(
  estate: string,
  command: string,
  extra: string[],
  env: NodeJS.ProcessEnv,
): ProcessResult & { json: RunResult | undefined } {
  const resultFile = path.join(estate, `${command}-${Date.now()}.json`);
  const result = runCli([command, '--manifest', 'layers.yml', '--json-out', resultFile, ...extra], {
    cwd: estate,
    env,
  });
  const json = existsSync(resultFile)
    ? (JSON.parse(readFileSync(resultFile, 'utf8')) as RunResult)
    : undefined;
  return { ...result, json };
}

/** The variables file Strata wrote for an instance in a work folder of `estate`. */
export function instanceVariables(estate: string, id: string, workDir = '.strata'): Record<string, unknown> {
  const file = path.join(estate, workDir, 'instances', id.replaceAll('/', '.'), 'variables.tfvars.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export interface ActionResult extends ProcessResult {
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs `dist/index.js` on Node 24 the way the runner does: inputs as INPUT_* variables, outputs and the step
 * summary through the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name. Asynchronous, so a test can serve the
 * GitHub API from the same process meanwhile.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ActionResult> {
  const dir = scratchDir('strata-action-');
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = startProcess(node24(), [path.resolve('dist/index.js')], {
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER`, the value's lines, then `DELIMITER`. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, index + 1);
    outputs[match[1]!] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}
