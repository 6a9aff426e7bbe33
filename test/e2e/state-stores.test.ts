import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { needSucceeded } from '../helpers/estates.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';
import { StateStores, bucketOf } from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';

/**
 * The per-region state stores the real-binary suites use, driven by OpenTofu itself: S3 state with
 * `use_lockfile` locks that only one writer can take, replication into the replica region, and outages that
 * are real (a stopped store refuses connections; a hung one never answers). Each case has its own stores and
 * its own Terraform folder: a case that stops a store, or fails holding a lock, leaves nothing to the next.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(
  `per-region S3 state stores (${terraform?.name ?? 'no real binary: run npm run tools'})`,
  () => {
    let stores: StateStores;
    let directory: string;
    const env = () => ({ ...process.env, ...terraform!.env, ...StateStores.credentials() });
    const backendArgs = (region: string) => [
      `-backend-config=bucket=${bucketOf(region)}`,
      '-backend-config=key=dns.tfstate',
      `-backend-config=region=${region}`,
      `-backend-config=endpoints={ s3 = "${stores.endpoint(region)}" }`,
      '-backend-config=use_lockfile=true',
      '-backend-config=use_path_style=true',
      '-backend-config=skip_credentials_validation=true',
      '-backend-config=skip_requesting_account_id=true',
      '-backend-config=skip_metadata_api_check=true',
      '-backend-config=skip_region_validation=true',
    ];
    const tofu = (args: string[], timeout = 60_000) =>
      spawnSync(terraform!.path, args, { cwd: directory, env: env(), encoding: 'utf8', timeout });
    const init = (region: string, timeout?: number) =>
      tofu(['init', '-input=false', '-no-color', '-reconfigure', ...backendArgs(region)], timeout);

    /** The folder initialised on eu-west-2's store and applied: the zone's state is there, and replicated. */
    const applied = async () => {
      needSucceeded('init', init('eu-west-2'));
      needSucceeded('apply', tofu(['apply', '-input=false', '-no-color', '-auto-approve']));
      await stores.settle();
    };

    beforeEach(async () => {
      stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
      directory = scratchDir('strata-store-');
      writeFileSync(
        path.join(directory, 'main.tf'),
        [
          'terraform {\n  backend "s3" {}\n}',
          'variable "wait" {\n  type    = number\n  default = 0\n}',
          'resource "terraform_data" "zone" {\n  input = "example.internal"',
          '  provisioner "local-exec" {\n    command = "sleep ${var.wait}"\n  }\n}',
          'output "zone_name" {\n  value = terraform_data.zone.output\n}',
        ].join('\n'),
      );
    });
    afterEach(() => stores.close());

    it('keeps the state in its region and replicates it, lock taken and released', async () => {
      expect(init('eu-west-2').status).toBe(0);
      const apply = tofu(['apply', '-input=false', '-no-color', '-auto-approve']);
      expect(apply.stderr).toBe('');
      expect(apply.status).toBe(0);
      await stores.settle();
      const state = stores.readObject('eu-west-2', 'dns.tfstate');
      expect(JSON.parse(state!)).toMatchObject({ outputs: { zone_name: { value: 'example.internal' } } });
      expect(stores.readObject('eu-west-1', 'dns.tfstate')).toBe(state);
      expect(stores.readObject('eu-west-2', 'dns.tfstate.tflock')).toBeUndefined();
      // S3 replication copies no deletions: the lock object the apply took stays in the replica.
      expect(JSON.parse(stores.readObject('eu-west-1', 'dns.tfstate.tflock')!)).toMatchObject({
        Operation: 'OperationTypeApply',
      });
    });

    it('lets one writer hold the lock: a second one is refused with the holder named', async () => {
      await applied();
      const holder = startProcess(
        terraform!.path,
        [
          'apply',
          '-input=false',
          '-no-color',
          '-auto-approve',
          '-replace=terraform_data.zone',
          '-var=wait=20',
        ],
        { cwd: directory, env: env() },
      );
      const deadline = Date.now() + 20_000;
      while (!stores.readObject('eu-west-2', 'dns.tfstate.tflock')) {
        if (Date.now() > deadline) throw new Error('the first apply never took the lock');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const second = tofu(['plan', '-input=false', '-no-color', '-lock-timeout=0s']);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('Error acquiring the state lock');
      expect(second.stderr).toContain('OperationTypeApply');
      expect(second.stderr).toMatch(/Path: +tfstate-eu-west-2\/dns\.tfstate/);
      holder.kill('SIGINT');
      await new Promise((resolve) => holder.once('close', resolve));
      expect(stores.readObject('eu-west-2', 'dns.tfstate.tflock')).toBeUndefined();
    });

    it('a stopped store refuses connections; a hung one never answers', async () => {
      await applied();
      await stores.stop('eu-west-1');
      const refused = init('eu-west-1');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/connection refused/);

      await stores.hang('eu-west-1');
      const hung = init('eu-west-1', 5_000);
      expect(hung.error).toMatchObject({ code: 'ETIMEDOUT' });
      expect(await stores.connections('eu-west-1')).toBeGreaterThan(0);

      await stores.restart('eu-west-1');
      const back = init('eu-west-1');
      expect(back.stderr).toBe('');
      expect(back.status).toBe(0);
      expect(tofu(['output', '-json']).stdout).toContain('example.internal');
    });
  },
);
