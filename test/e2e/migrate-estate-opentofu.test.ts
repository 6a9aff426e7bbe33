import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile } from '../../src/core/result-file.js';
import { runCliInProcess } from '../helpers/in-process-cli.js';
import type { StateFile } from '../helpers/legacy-estate.js';
import { StateStores, backendConfigFlags, exampleEstateOn } from '../helpers/state-stores.js';
import { mustRunBinary, realTerraform, runBinary, terraformEnv } from '../helpers/terraform-binary.js';

jest.setTimeout(600_000);

/**
 * A legacy estate moved onto Strata, against real OpenTofu and the per-region S3 state stores: an account
 * root and two environment roots, all in eu-west-2 and all in that region's store, with their resources in
 * modules and one under another name, migrated layer by layer into examples/multi-region (four scopes: dns
 * global, iam account, network region, app environment). After each layer every migrated instance plans no
 * change, each old root plans no change for what it still holds, and no resource id changes; then the whole
 * estate is applied (what the legacy estate never had: dev, eu-west-1, sandbox) and fails over to eu-west-1.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

const EXAMPLE = 'examples/multi-region/terraform';
/** A layer's code as a module of the legacy roots: the same resources, without the backend. */
const asModule = (layer: string) =>
  readFileSync(path.join(EXAMPLE, layer, 'main.tf'), 'utf8').replace(/^terraform \{[\s\S]*?\n\}\n/m, '');

/**
 * The legacy roots' code once the layers in `moved` have left them, as their owners edit it along the way: a
 * moved block goes, and what read it reads the value the new instance now holds (here written in).
 */
function legacyCode(moved: ReadonlySet<string>, vpcId: string): Record<string, string> {
  const arn = moved.has('iam')
    ? '"arn:aws:iam::222222222222:role/strata-deploy"'
    : 'module.iam.deploy_role_arn';
  const account = [
    'terraform {\n  backend "s3" {}\n}\n',
    moved.has('iam')
      ? ''
      : 'module "iam" {\n  source     = "./iam"\n  account    = "prod"\n  account_id = "222222222222"\n}\n',
    moved.has('network')
      ? `output "vpc_id" {\n  value = "${vpcId}"\n}\n`
      : `module "network" {\n  source = "./network"\n  region = "eu-west-2"\n  role   = "primary"\n  iam    = { deploy_role_arn = ${arn} }\n}\noutput "vpc_id" {\n  value = module.network.vpc_id\n}\n`,
    // Renamed in the new layout: terraform_data.zone of the dns layer.
    moved.has('dns')
      ? ''
      : 'resource "terraform_data" "private_zone" {\n  input = {\n    name    = "example.internal"\n    comment = "Private zone shared by the whole estate (layer dns)"\n  }\n}\n',
  ].join('');
  const environment = (name: string) =>
    moved.has('app')
      ? 'terraform {\n  backend "s3" {}\n}\nvariable "vpc_id" {\n  type = string\n}\n'
      : `terraform {
  backend "s3" {}
}
variable "vpc_id" {
  type = string
}
module "app" {
  source         = "../environment/app"
  environment    = "${name}"
  region         = "eu-west-2"
  role           = "primary"
  instance_count = 2
  network = {
    vpc_id          = var.vpc_id
    cidr_block      = "10.20.0.0/16"
    snapshot_bucket = "example-snapshots-eu-west-2"
  }
  dns = { zone_name = "example.internal" }
}
`;
  return {
    'legacy/account/main.tf': account,
    'legacy/account/iam/main.tf': asModule('account/iam'),
    'legacy/account/network/main.tf': asModule('region/network'),
    'legacy/environment/app/main.tf': asModule('environment/app'),
    'legacy/staging/main.tf': environment('staging'),
    'legacy/production/main.tf': environment('production'),
  };
}

const ROOTS = ['account', 'staging', 'production'];
const LAYERS = ['dns', 'iam', 'network', 'app'];
const MIGRATED: Record<string, string[]> = {
  dns: ['dns'],
  iam: ['prod/iam'],
  network: ['prod/eu-west-2/network'],
  app: ['prod/eu-west-2/staging/app', 'prod/eu-west-2/production/app'],
};

withRealBinary(`a legacy estate migrated onto Strata against ${terraform?.name ?? 'no real binary'}`, () => {
  let stores: StateStores;
  let estate: string;
  beforeAll(async () => {
    stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
  });
  afterAll(() => stores.close());
  const env = () => ({ ...process.env, ...terraformEnv(terraform!), ...StateStores.credentials() });

  /** Where each legacy root keeps its state: eu-west-2's store, beside what Strata will write there. */
  const legacyBackend = (root: string) => stores.backendOf('eu-west-2', `legacy/${root}.tfstate`);
  const inRoot = (root: string) => ({ cwd: path.join(estate, 'legacy', root), env: env() });
  const tofu = (root: string, args: string[]) => runBinary(terraform!.path, args, inRoot(root));
  const mustTofu = (root: string, args: string[]) => mustRunBinary(terraform!.path, args, inRoot(root));
  const strata = (args: string[]) => runCliInProcess(args, { cwd: estate, env: env() });
  const stateIn = (key: string): Pick<StateFile, 'resources'> =>
    JSON.parse(stores.readObject('eu-west-2', key) ?? '{"resources":[]}') as Pick<StateFile, 'resources'>;
  const managed = (key: string) =>
    new Map(
      stateIn(key)
        .resources.filter((resource) => resource.mode === 'managed')
        .map((resource) => [
          `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`,
          resource.instances[0]?.attributes.id,
        ]),
    );
  const result = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResultFile;
  const changed = (run: RunResultFile, ids: string[]) =>
    run.instances
      .filter((instance) => ids.includes(instance.id))
      .filter((instance) => {
        const changes = instance.changes;
        return (
          instance.status !== 'succeeded' ||
          !changes ||
          changes.add + changes.change + changes.destroy + changes.replace > 0
        );
      })
      .map((instance) => instance.id);

  it('moves it layer by layer with zero-change plans and unchanged ids, then fails it over', async () => {
    estate = exampleEstateOn(stores);
    const manifest = path.join(estate, 'layers.yml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8')
        .replace('binary: terraform', 'binary: tofu')
        .replace('lock_timeout: 30s', 'lock_timeout: 30s\n  command_timeout: 60s'),
    );
    const writeLegacy = (moved: ReadonlySet<string>, vpcId = '') => {
      for (const [file, text] of Object.entries(legacyCode(moved, vpcId))) {
        mkdirSync(path.dirname(path.join(estate, file)), { recursive: true });
        writeFileSync(path.join(estate, file), text);
      }
    };
    writeLegacy(new Set());
    // JSON is YAML: the backend settings as one flow mapping.
    const backendYaml = (root: string) =>
      [
        `    path: legacy/${root}`,
        `    backend: ${JSON.stringify(legacyBackend(root))}`,
        '    account: prod',
        '    region: eu-west-2',
      ].join('\n');
    writeFileSync(
      path.join(estate, 'migrate.yml'),
      `version: 1
roots:
  account:
${backendYaml('account')}
  staging:
${backendYaml('staging')}
    environment: staging
  production:
${backendYaml('production')}
    environment: production
rules:
  - { root: account, from: terraform_data.private_zone, to: terraform_data.zone, layer: dns }
  - { root: account, from: module.iam.terraform_data.deploy_role, to: terraform_data.deploy_role, layer: iam }
  - { root: account, from: module.network.terraform_data.vpc, to: terraform_data.vpc, layer: network }
  - { root: account, from: module.network.terraform_data.snapshot_bucket, to: terraform_data.snapshot_bucket, layer: network }
  - { from: module.app.terraform_data.database, to: terraform_data.database, layer: app }
  - { from: module.app.terraform_data.app, to: terraform_data.app, layer: app }
`,
    );

    // The legacy estate, live: applied root by root as its own pipeline did.
    await mustTofu('account', ['init', '-input=false', ...backendConfigFlags(legacyBackend('account'))]);
    await mustTofu('account', ['apply', '-input=false', '-auto-approve']);
    const vpcId = JSON.parse(await mustTofu('account', ['output', '-json', 'vpc_id'])) as string;
    const vars: Record<string, string[]> = {
      account: [],
      staging: [`-var=vpc_id=${vpcId}`],
      production: [`-var=vpc_id=${vpcId}`],
    };
    for (const root of ['staging', 'production']) {
      await mustTofu(root, ['init', '-input=false', ...backendConfigFlags(legacyBackend(root))]);
      await mustTofu(root, ['apply', '-input=false', '-auto-approve', ...vars[root]!]);
    }
    const legacyIds = new Map(ROOTS.map((root) => [root, managed(`legacy/${root}.tfstate`)]));
    expect([...legacyIds.values()].map((ids) => ids.size)).toEqual([4, 2, 2]);

    const plan = await strata(['migrate', 'plan']);
    expect(plan.err).not.toContain('strata migrate:');
    expect(plan.status).toBe(0);
    expect(plan.out).toContain(
      'dns receives 1 resource:\n  terraform_data.zone  ← account terraform_data.private_zone\n  after the move it plans: no changes',
    );
    expect(plan.out).toContain('prod/eu-west-2/network receives 2 resources:');
    expect(plan.out).toContain('8 to move into 5 instance(s), 0 staying');

    // The legacy address each new one came from, for the ids.
    const origin = new Map<string, { root: string; address: string }>([
      ['dns terraform_data.zone', { root: 'account', address: 'terraform_data.private_zone' }],
      [
        'prod/iam terraform_data.deploy_role',
        { root: 'account', address: 'module.iam.terraform_data.deploy_role' },
      ],
      [
        'prod/eu-west-2/network terraform_data.vpc',
        { root: 'account', address: 'module.network.terraform_data.vpc' },
      ],
      [
        'prod/eu-west-2/network terraform_data.snapshot_bucket',
        { root: 'account', address: 'module.network.terraform_data.snapshot_bucket' },
      ],
      ...['staging', 'production'].flatMap((environment) =>
        ['database', 'app'].map(
          (name) =>
            [
              `prod/eu-west-2/${environment}/app terraform_data.${name}`,
              { root: environment, address: `module.app.terraform_data.${name}` },
            ] as const,
        ),
      ),
    ]);
    const moved: string[] = [];
    for (const layer of LAYERS) {
      const applied = await strata(['migrate', 'apply', '--layer', layer]);
      expect(applied.err).not.toContain('strata migrate:');
      expect(applied.status).toBe(0);
      for (const id of MIGRATED[layer]!) expect(applied.out).toContain(`${id}: moved`);
      moved.push(...MIGRATED[layer]!);

      // Every instance migrated so far plans no change under a normal run.
      const normal = await strata([
        'plan',
        ...moved.flatMap((id) => ['--instance', id]),
        '--json-out',
        path.join(estate, `plan-${layer}.json`),
      ]);
      expect(normal.status).toBe(0);
      expect(changed(result(`plan-${layer}.json`), moved)).toEqual([]);

      // Each old root, its code without what moved, plans no change for what it still holds.
      writeLegacy(new Set(LAYERS.slice(0, LAYERS.indexOf(layer) + 1)), vpcId);
      for (const root of ROOTS) {
        const oldPlan = await tofu(root, ['plan', '-input=false', '-detailed-exitcode', ...vars[root]!]);
        expect({ layer, root, code: oldPlan.code, text: oldPlan.code === 0 ? '' : oldPlan.text }).toEqual({
          layer,
          root,
          code: 0,
          text: '',
        });
      }
    }
    expect(ROOTS.map((root) => managed(`legacy/${root}.tfstate`).size)).toEqual([0, 0, 0]);

    // No resource id changed.
    for (const [key, from] of origin) {
      const [id, address] = key.split(' ') as [string, string];
      expect({ key, id: managed(`${id}.tfstate`).get(address) }).toEqual({
        key,
        id: legacyIds.get(from.root)?.get(from.address),
      });
    }

    // Migrated: the migration file goes, and the estate grows to all of the manifest in a normal apply.
    rmSync(path.join(estate, 'migrate.yml'));
    const apply = await strata(['apply', '--json-out', path.join(estate, 'apply.json')]);
    expect(apply.status).toBe(0);
    expect(changed(result('apply.json'), moved)).toEqual([]);
    await stores.settle();

    // Then eu-west-2 goes down (its store hangs), and the migrated estate fails over to eu-west-1.
    await stores.hang('eu-west-2');
    const failover = await strata([
      'failover',
      '--to',
      'eu-west-1',
      '--json-out',
      path.join(estate, 'failover.json'),
    ]);
    expect(failover.err).not.toContain('strata failover:');
    expect(failover.status).toBe(0);
    const failedOver = result('failover.json');
    expect(failedOver.instances.filter((instance) => instance.status !== 'succeeded')).toEqual([]);
    expect(failedOver.instances.map((instance) => instance.id)).toContain('prod/eu-west-1/production/app');
  });
});
