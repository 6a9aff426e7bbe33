import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startProcess } from './scratch.js';

/** A Terraform the end-to-end tests drive: the stand-in, or a real OpenTofu or Terraform binary. */
export interface TerraformUnderTest {
  /** For test titles: `stand-in`, `OpenTofu 1.12.6`. */
  name: string;
  path: string;
  isStandIn: boolean;
  /** What to add to the environment of a run that uses it. */
  env: Record<string, string>;
}

export const STAND_IN: TerraformUnderTest = {
  name: 'stand-in',
  path: path.resolve('test/stand-in/terraform'),
  isStandIn: true,
  env: {},
};

/** Where `npm run tools` builds the pinned OpenTofu. */
export const BUILT_TOFU = path.resolve('.tools/bin/tofu');

let real: TerraformUnderTest | null | undefined;

/**
 * The real binary, when there is one: STRATA_TERRAFORM (any `tofu` or `terraform`), else the OpenTofu that
 * `npm run tools` built. Undefined when neither exists; the real-binary suites are then skipped.
 */
export function realTerraform(): TerraformUnderTest | undefined {
  if (real !== undefined) return real ?? undefined;
  const binary = process.env.STRATA_TERRAFORM || (existsSync(BUILT_TOFU) ? BUILT_TOFU : undefined);
  real = binary ? describeBinary(binary) : null;
  return real ?? undefined;
}

function describeBinary(binary: string): TerraformUnderTest {
  // The machine's CLI configuration is not the tests' business: an empty value means none.
  const env = { TF_CLI_CONFIG_FILE: '', TF_IN_AUTOMATION: '1' };
  const text = execFileSync(binary, ['version', '-json'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const version = (JSON.parse(text) as { terraform_version: string }).terraform_version;
  const product = path.basename(binary).startsWith('tofu') ? 'OpenTofu' : 'Terraform';
  return { name: `${product} ${version}`, path: binary, isStandIn: false, env };
}

/** The stand-in, then the real binary when there is one: a suite that runs on either runs on each. */
export function terraformsUnderTest(): TerraformUnderTest[] {
  const binary = realTerraform();
  return binary ? [STAND_IN, binary] : [STAND_IN];
}

/** The environment of a CLI or action run against `terraform`. */
export function terraformEnv(terraform: TerraformUnderTest): Record<string, string> {
  return { STRATA_TERRAFORM: terraform.path, ...terraform.env };
}

/** What a binary printed (stdout and stderr, interleaved as they came) and its exit code. */
export interface BinaryRun {
  code: number | null;
  text: string;
}

/** Runs `binary ARGS` in `cwd` as an operator would by hand (ended after the test if it is still running). */
export function runBinary(
  binary: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<BinaryRun> {
  return new Promise((resolve) => {
    const child = startProcess(binary, args, options);
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (code) => resolve({ code, text }));
  });
}

/** `runBinary`, failing with what the binary printed unless it exits 0; resolves with that text. */
export async function mustRunBinary(
  binary: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  const result = await runBinary(binary, args, options);
  if (result.code !== 0) {
    throw new Error(`${path.basename(binary)} ${args.join(' ')} in ${options.cwd}: ${result.text}`);
  }
  return result.text;
}
