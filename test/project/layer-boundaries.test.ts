import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

/**
 * The import rules of docs/architecture.md, as eslint.config.js enforces them: each probe is linted as if it were
 * a file of the layer named, with only the boundary rules on. Nothing in the tree breaks them, so without these
 * probes a weakened rule would pass `npm run lint` unnoticed. The boundary rules need no type information, and
 * a probe is no file of the TypeScript project: it is parsed without one.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId.startsWith('no-restricted-'),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function boundaryRulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const CORE_AND_TERRAFORM = ['src/core/boundary-probe.ts', 'src/terraform/boundary-probe.ts'];

/** What the pure layers refuse: a probe, and the rule that refuses it. */
const CORE_PROBES: readonly (readonly [code: string, rule: string])[] = [
  ["import { env } from 'node:process';", 'no-restricted-imports'],
  ["import { readFile } from 'fs/promises';", 'no-restricted-imports'],
  ["import { createRequire } from 'node:module';", 'no-restricted-imports'],
  ["import * as core from '@actions/core';", 'no-restricted-imports'],
  ["import type { ProcessRunner } from '../engine/process-runner.js';", 'no-restricted-imports'],
  ["import { loadManifest } from '../adapters/load-manifest.js';", 'no-restricted-imports'],
  ["import { executeRun } from '../app/execute-run.js';", 'no-restricted-imports'],
  ["import { run } from '../action/main.js';", 'no-restricted-imports'],
  ["import '../cli.js';", 'no-restricted-imports'],
  ['const environment = process.env;', 'no-restricted-globals'],
  ["const page = fetch('https://example.com');", 'no-restricted-globals'],
  ['const environment = globalThis.process.env;', 'no-restricted-properties'],
  ["const fs = await import('node:fs');", 'no-restricted-syntax'],
];

describe('the layer boundaries (eslint.config.js)', () => {
  it.each(
    CORE_AND_TERRAFORM.flatMap((file) => CORE_PROBES.map(([code, rule]) => [file, code, rule] as const)),
  )('%s refuses %s (%s)', async (file, code, rule) => {
    expect(await boundaryRulesBroken(file, code)).toEqual([rule]);
  });

  it.each([
    ...['src/engine/boundary-probe.ts', 'src/adapters/boundary-probe.ts'].flatMap((file) => [
      [file, "import { executeRun } from '../app/execute-run.js';"],
      [file, "import { runCli } from '../cli/run-cli.js';"],
      [file, "import { run } from '../action/main.js';"],
      [file, "import '../index.js';"],
    ]),
    ['src/app/boundary-probe.ts', "import { runCli } from '../cli/run-cli.js';"],
    ['src/app/boundary-probe.ts', "import { run } from '../action/main.js';"],
    ['src/app/boundary-probe.ts', "import '../cli.js';"],
    ['scripts/boundary-probe.ts', "import { scratchDir } from '../test/helpers/scratch.js';"],
    ['bench/boundary-probe.ts', "import { scratchDir } from '../test/helpers/scratch.js';"],
  ])('%s refuses an import that climbs or reaches test code: %s', async (file, code) => {
    expect(await boundaryRulesBroken(file, code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['src/core/boundary-probe.ts', "import { parseLockError } from '../terraform/lock-info.js';"],
    ['src/terraform/boundary-probe.ts', "import { UsageError } from '../core/errors.js';"],
    ['src/core/boundary-probe.ts', "import { parse } from 'yaml';"],
    ['src/engine/boundary-probe.ts', "import { loadManifest } from '../adapters/load-manifest.js';"],
    ['src/engine/boundary-probe.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/adapters/boundary-probe.ts', "import { RunEngine } from '../engine/run-engine.js';"],
    ['src/app/boundary-probe.ts', "import { RunEngine } from '../engine/run-engine.js';"],
    ['src/cli/boundary-probe.ts', "import { executeRun } from '../app/execute-run.js';"],
    ['src/action/boundary-probe.ts', "import { executeRun } from '../app/execute-run.js';"],
    ['scripts/boundary-probe.ts', "import { parseManifest } from '../src/core/manifest/parse-manifest.js';"],
  ])('%s may import downward: %s', async (file, code) => {
    expect(await boundaryRulesBroken(file, code)).toEqual([]);
  });
});
