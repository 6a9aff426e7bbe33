import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile } from '../../src/core/result-file.js';
import { runCliInProcess } from '../helpers/in-process-cli.js';
import { scratchDir } from '../helpers/scratch.js';
import { STAND_IN } from '../helpers/terraform-binary.js';

/**
 * Every file flag, relative, in an in-process run whose `cwd` is not this process's working directory (as
 * the migrate suites and any embedding caller run the CLI): each names a file from that `cwd`. The binary
 * too: a relative `--terraform-binary` is found although Terraform starts in a layer's folder.
 */
const MANIFEST = `version: 1
terraform: { binary: terraform }
backend:
  type: local
  config: { path: '../../state/{region}/{id}.tfstate' }
  global_region: r1
regions: { r1: { role: primary }, r2: { role: secondary } }
dr: { strategy: backup_restore }
accounts:
  a: { id: '1', regions: [r1, r2], environments: [e1] }
layers:
  - { name: net, scope: region, path: layers/net }
`;
const LAYER = `terraform {
  backend "local" {}
}
resource "terraform_data" "vpc" {
  input = "vpc"
}
`;

/** Files each case names relatively; none may appear in this process's working directory. */
const RESULT_FILES = ['plan.json', 'apply.json', 'resumed.json', 'drill.json', 'stray.json'];

describe('relative file flags in an in-process run', () => {
  afterEach(() => {
    // Where the files went when the flags were resolved against the wrong folder: the repository's root.
    for (const file of RESULT_FILES) rmSync(file, { force: true });
  });

  const estateWithBinary = () => {
    const estate = scratchDir('strata-relative-paths-');
    mkdirSync(path.join(estate, 'infra/layers/net'), { recursive: true });
    writeFileSync(path.join(estate, 'infra/layers.yml'), MANIFEST);
    writeFileSync(path.join(estate, 'infra/layers/net/main.tf'), LAYER);
    mkdirSync(path.join(estate, 'bin'));
    symlinkSync(STAND_IN.path, path.join(estate, 'bin/terraform'));
    return estate;
  };
  // No STRATA_TERRAFORM: the binary is the relative flag's alone.
  const env = { ...process.env, STRATA_TERRAFORM: '' };
  const common = ['--manifest', 'infra/layers.yml', '--terraform-binary', 'bin/terraform'];
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResultFile;

  it('--manifest, --work-dir, --json-out, --terraform-binary, --plan-dir and --resume name files from cwd', async () => {
    const estate = estateWithBinary();
    expect(path.resolve(estate)).not.toBe(process.cwd());
    const strata = (args: string[]) => runCliInProcess([...args, ...common], { cwd: estate, env });

    const plan = await strata(['plan', '--work-dir', 'plans', '--json-out', 'plan.json']);
    expect(plan.err).not.toContain('strata plan:');
    expect(plan.status).toBe(0);
    expect(result(estate, 'plan.json').instances.map(({ id, status }) => `${id} ${status}`)).toEqual([
      'a/r1/net succeeded',
      'a/r2/net succeeded',
    ]);
    expect(existsSync(path.join(estate, 'plans/instances/a.r1.net'))).toBe(true);

    const apply = await strata([
      'apply',
      '--plan-dir',
      'plans',
      '--work-dir',
      'applied',
      '--json-out',
      'apply.json',
    ]);
    expect(apply.status).toBe(0);
    expect(result(estate, 'apply.json').status).toBe('succeeded');
    expect(existsSync(path.join(estate, 'infra/state/r1/a/r1/net.tfstate'))).toBe(true);

    const resumed = await strata(['plan', '--resume', 'plan.json', '--json-out', 'resumed.json']);
    expect(resumed.err).not.toContain('strata plan:');
    expect(resumed.status).toBe(0);
    expect(result(estate, 'resumed.json').status).toBe('succeeded');

    const drill = await strata(['failover', '--to', 'r2', '--dry-run', '--json-out', 'drill.json']);
    expect(drill.err).not.toContain('strata failover:');
    expect(result(estate, 'drill.json').instances.map((each) => each.id)).toContain('a/r2/net');

    const stray = await strata(['stray', '--region', 'r2', '--json-out', 'stray.json']);
    expect(stray.status).toBe(0);
    expect(existsSync(path.join(estate, 'stray.json'))).toBe(true);

    for (const file of RESULT_FILES) expect({ file, here: existsSync(file) }).toEqual({ file, here: false });
  });

  it('migrate refuses the run flags it has no use for, instead of ignoring them', async () => {
    const estate = estateWithBinary();
    for (const flag of ['--json-out', '--plan-dir', '--parallelism', '--allow-destroy']) {
      const refused = await runCliInProcess(['migrate', 'plan', flag, 'x', ...common], { cwd: estate, env });
      expect({ flag, status: refused.status }).toEqual({ flag, status: 2 });
      expect(refused.err).toContain(`Unknown option '${flag}'`);
    }
  });

  it('stray refuses the run flags it has no use for, instead of ignoring them', async () => {
    const estate = estateWithBinary();
    for (const flag of ['--plan-dir', '--parallelism', '--allow-destroy']) {
      const refused = await runCliInProcess(['stray', '--region', 'r2', flag, 'x', ...common], {
        cwd: estate,
        env,
      });
      expect({ flag, status: refused.status }).toEqual({ flag, status: 2 });
      expect(refused.err).toContain(`Unknown option '${flag}'`);
    }
  });

  it('stray names the flag of a region the manifest does not have', async () => {
    const estate = estateWithBinary();
    const refused = await runCliInProcess(['stray', '--region', 'r22', ...common], { cwd: estate, env });
    expect(refused.status).toBe(2);
    expect(refused.err).toBe(
      "strata stray: --region: unknown region 'r22' (did you mean 'r2'?); the manifest has r1, r2\n",
    );
  });
});
