import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile } from '../../src/core/result-file.js';
import { runCliInProcess } from '../helpers/in-process-cli.js';
import { scratchDir } from '../helpers/scratch.js';
import { realTerraform, terraformEnv } from '../helpers/terraform-binary.js';

/**
 * Stateful layers against real OpenTofu, in-process through the CLI: a change of `engine_version` forces the
 * replacement of a terraform_data in two layers, one marked stateful. The stateful one is refused (its state
 * keeps the old object) until the run names the instance in --allow-destroy; the other is replaced freely.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

const LAYER = `terraform {
  backend "local" {}
}
variable "engine_version" {
  type = string
}
resource "terraform_data" "db" {
  triggers_replace = var.engine_version
}
output "db_id" {
  value = terraform_data.db.id
}
`;

const manifest = (version: string) => `version: 1
terraform: { binary: tofu, lock_timeout: 5s }
backend:
  type: local
  config: { path: '../../state/{id}.tfstate' }
  global_region: r1
regions: { r1: { role: primary } }
accounts:
  a: { id: '1', regions: [r1], environments: [e1] }
layers:
  - { name: data, scope: region, path: layers/data, stateful: true, vars: { engine_version: '${version}' } }
  - { name: cache, scope: region, path: layers/cache, vars: { engine_version: '${version}' } }
`;

withRealBinary(`stateful layers against ${terraform?.name ?? 'no real binary'}`, () => {
  const estateWith = (version: string) => {
    const estate = scratchDir('strata-stateful-');
    for (const layer of ['data', 'cache']) {
      mkdirSync(path.join(estate, 'layers', layer), { recursive: true });
      writeFileSync(path.join(estate, 'layers', layer, 'main.tf'), LAYER);
    }
    writeFileSync(path.join(estate, 'layers.yml'), manifest(version));
    return estate;
  };
  const cli = (estate: string, args: string[]) =>
    runCliInProcess(args, { cwd: estate, env: { ...process.env, ...terraformEnv(terraform!) } });
  const dbId = (estate: string, layer: string) =>
    (
      JSON.parse(readFileSync(path.join(estate, 'state', `a/r1/${layer}.tfstate`), 'utf8')) as {
        outputs: { db_id: { value: string } };
      }
    ).outputs.db_id.value;
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResultFile;

  it('refuses to replace a resource of a stateful layer until --allow-destroy names the instance, and records it', async () => {
    const estate = estateWith('15');
    expect((await cli(estate, ['apply'])).status).toBe(0);
    const [dataBefore, cacheBefore] = [dbId(estate, 'data'), dbId(estate, 'cache')];

    writeFileSync(path.join(estate, 'layers.yml'), manifest('16'));
    const refused = await cli(estate, ['apply', '--json-out', path.join(estate, 'refused.json')]);
    expect(refused.status).toBe(1);
    const data = result(estate, 'refused.json').instances.find((i) => i.id === 'a/r1/data');
    expect(data?.status).toBe('failed');
    expect(data?.error).toContain("layer 'data' is stateful");
    expect(data?.error).toContain('terraform_data.db (replace)');
    expect(data?.error).toContain('--allow-destroy a/r1/data');
    // Nothing was applied to the stateful layer; the other one was replaced.
    expect(dbId(estate, 'data')).toBe(dataBefore);
    expect(dbId(estate, 'cache')).not.toBe(cacheBefore);
    expect(result(estate, 'refused.json').allowedDestroys).toBeUndefined();

    // A plan is refused the same way: the pull request shows it before anyone applies.
    expect((await cli(estate, ['plan'])).status).toBe(1);

    const allowed = await cli(estate, [
      'apply',
      '--allow-destroy',
      'a/r1/data',
      '--json-out',
      path.join(estate, 'allowed.json'),
    ]);
    expect(allowed.status).toBe(0);
    expect(dbId(estate, 'data')).not.toBe(dataBefore);
    expect(result(estate, 'allowed.json').allowedDestroys).toEqual([
      { id: 'a/r1/data', resources: [{ address: 'terraform_data.db', action: 'replace' }] },
    ]);
    expect(allowed.out).toContain('- a/r1/data: terraform_data.db (replace)');
  });

  it('refuses to destroy a stateful instance without the flag, and takes the flag only for stateful instances', async () => {
    const estate = estateWith('15');
    expect((await cli(estate, ['apply'])).status).toBe(0);
    const refused = await cli(estate, ['destroy', '--json-out', path.join(estate, 'destroy.json')]);
    expect(refused.status).toBe(1);
    const statuses = Object.fromEntries(
      result(estate, 'destroy.json').instances.map((i) => [i.id, i.status]),
    );
    expect(statuses).toEqual({ 'a/r1/data': 'failed', 'a/r1/cache': 'succeeded' });

    const wrong = await cli(estate, ['destroy', '--allow-destroy', 'a/r1/cache']);
    expect(wrong.status).toBe(2);
    expect(wrong.err).toContain(
      "--allow-destroy: 'a/r1/cache' is an instance of layer 'cache', which is not stateful",
    );
  });
});
