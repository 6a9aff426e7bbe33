import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FailoverPreview } from '../../src/core/dr/failover-preview.js';
import type {
  InstanceResultFile as InstanceResult,
  RunResultFile as RunResult,
} from '../../src/core/result-file.js';
import { scratchDir } from '../helpers/scratch.js';
import { cliOnStores, StateStores } from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';

/**
 * The reviewed failover (preview, approval, then `--plan-dir`) against real OpenTofu and per-region state
 * stores, the primary's store hung throughout. The estate is backup_restore with an environment-layer chain
 * (web on api on db, none of them in the DR region before the failover) and a region layer, net, whose outputs say whether
 * its region is primary: applying the failover changes them, so every saved plan downstream of net is stale
 * by the time it would be applied.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

const TARGETS = [
  'prod/eu-west-1/cache',
  'prod/eu-west-1/net',
  'prod/eu-west-1/production/api',
  'prod/eu-west-1/production/db',
  'prod/eu-west-1/production/web',
  'prod/eu-west-1/production/worker',
  'prod/eu-west-1/staging/api',
  'prod/eu-west-1/staging/db',
  'prod/eu-west-1/staging/web',
  'prod/eu-west-1/staging/worker',
];

const VARIABLES: Record<string, string> = {
  region: 'string',
  role: 'string',
  net: 'object({ name = string, is_primary = bool })',
  db: 'object({ endpoint = string })',
  cache: 'object({ name = string })',
  api: 'object({ url = string })',
};

function layerCode(variables: string[], body: string): string {
  return [
    'terraform {\n  backend "s3" {}\n}',
    ...variables.map((name) => `variable "${name}" {\n  type = ${VARIABLES[name]}\n}`),
    body,
  ].join('\n\n');
}

/**
 * The estate, on `stores`. With `mocks`, db declares mock outputs (api's preview is then planned on them);
 * with `replaceCache`, the existing cache in the DR region is replaced when net's primary flag changes,
 * which the preview cannot show (net's state still says secondary when the preview is made).
 */
function writeEstate(stores: StateStores, options: { mocks: boolean; replaceCache: boolean }): string {
  const estate = scratchDir('strata-reviewed-failover-');
  const layers: Record<string, string> = {
    net: layerCode(
      ['region', 'role'],
      `resource "terraform_data" "net" {\n  input = { region = var.region, role = var.role }\n}\n\noutput "name" {\n  value = "net-\${var.region}"\n}\n\noutput "is_primary" {\n  value = var.role == "primary"\n}`,
    ),
    cache: layerCode(
      ['net'],
      options.replaceCache
        ? `resource "terraform_data" "cache" {\n  input            = var.net.name\n  triggers_replace = var.net.is_primary\n}\n\noutput "name" {\n  value = "cache-\${var.net.name}"\n}`
        : `resource "terraform_data" "cache" {\n  input = var.net.name\n}\n\noutput "name" {\n  value = "cache-\${var.net.name}"\n}`,
    ),
    db: layerCode(
      ['net'],
      `resource "terraform_data" "db" {\n  input = { net = var.net.name, writable = var.net.is_primary }\n}\n\noutput "endpoint" {\n  value = "db-\${terraform_data.db.id}"\n}`,
    ),
    api: layerCode(
      ['db'],
      `resource "terraform_data" "api" {\n  input = var.db.endpoint\n}\n\noutput "url" {\n  value = "https://api/\${terraform_data.api.id}"\n}`,
    ),
    web: layerCode(['api'], `resource "terraform_data" "web" {\n  input = var.api.url\n}`),
    worker: layerCode(['cache'], `resource "terraform_data" "worker" {\n  input = var.cache.name\n}`),
  };
  for (const [name, code] of Object.entries(layers)) {
    mkdirSync(path.join(estate, 'terraform', name), { recursive: true });
    writeFileSync(path.join(estate, 'terraform', name, 'main.tf'), `${code}\n`);
  }
  const manifest = [
    'version: 1',
    'terraform:',
    '  lock_timeout: 30s',
    '  command_timeout: 60s',
    stores.backendYaml('eu-west-2').trimEnd(),
    'regions:',
    '  eu-west-2: { role: primary }',
    '  eu-west-1: { role: secondary }',
    'dr:',
    '  strategy: backup_restore',
    'accounts:',
    '  prod:',
    "    id: '222222222222'",
    '    regions: [eu-west-2, eu-west-1]',
    '    environments: [staging, production]',
    'layers:',
    '  - { name: net, scope: region, path: terraform/net }',
    '  - { name: cache, scope: region, path: terraform/cache, depends_on: [net] }',
    '  - name: db',
    '    scope: environment',
    '    path: terraform/db',
    '    depends_on: [net]',
    ...(options.mocks ? ["    mock_outputs: { endpoint: 'db-mock' }"] : []),
    '  - { name: api, scope: environment, path: terraform/api, depends_on: [db] }',
    '  - { name: web, scope: environment, path: terraform/web, depends_on: [api] }',
    '  - { name: worker, scope: environment, path: terraform/worker, depends_on: [cache] }',
    '',
  ].join('\n');
  writeFileSync(path.join(estate, 'layers.yml'), manifest);
  return estate;
}

/** One estate in its own stores: steady state applied, then the primary's store hung. */
async function estateInOutage(options: { mocks: boolean; replaceCache: boolean }) {
  const stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
  const estate = writeEstate(stores, options);
  const onStores = cliOnStores(terraform);
  const cli = (args: string[]) => onStores(estate, args);
  const steady = cli(['apply']);
  if (steady.status !== 0) throw new Error(`the steady state did not apply:\n${steady.stderr}`);
  await stores.settle();
  await stores.hang('eu-west-2');
  const result = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const preview = () =>
    JSON.parse(
      readFileSync(path.join(estate, 'preview', 'failover-preview.json'), 'utf8'),
    ) as FailoverPreview;
  const stateOf = (id: string) => {
    const text = stores.readObject('eu-west-1', `${id}.tfstate`);
    return text === undefined ? [] : (JSON.parse(text) as { resources: unknown[] }).resources;
  };
  const log = (id: string, file: string) => {
    const where = path.join(estate, '.strata', 'instances', id.replaceAll('/', '.'), file);
    return existsSync(where) ? readFileSync(where, 'utf8') : '';
  };
  /** The failover's preview (a dry run into `preview/`), then the apply of what it previewed. */
  const dryRun = (...extra: string[]) =>
    cli(['failover', '--to', 'eu-west-1', '--dry-run', '--work-dir', 'preview', ...extra]);
  const applyPreview = () =>
    cli(['failover', '--to', 'eu-west-1', '--plan-dir', 'preview', '--json-out', 'failover.json']);
  return { stores, estate, cli, dryRun, applyPreview, result, preview, stateOf, log };
}

const byId = (run: RunResult) => new Map(run.instances.map((instance) => [instance.id, instance]));
const statuses = (run: RunResult) =>
  Object.fromEntries(run.instances.map((instance: InstanceResult) => [instance.id, instance.status]));

withRealBinary(`the reviewed failover against ${terraform?.name ?? 'no real binary'}`, () => {
  describe('an environment chain without mock outputs, upstream outputs that depend on the role', () => {
    let estate: Awaited<ReturnType<typeof estateInOutage>>;
    beforeAll(async () => {
      estate = await estateInOutage({ mocks: false, replaceCache: false });
    });
    afterAll(() => estate.stores.close());

    it('previews every instance: api is deferred until db, which the failover creates, is applied', () => {
      const dryRun = estate.dryRun('--json-out', 'preview.json');
      expect(dryRun.stderr).not.toContain(' failed');
      expect(dryRun.status).toBe(0);
      const preview = estate.preview();
      expect(preview).toMatchObject({ mode: 'failover', from: 'eu-west-2', to: 'eu-west-1' });
      expect(preview.instances.map((entry) => entry.id).sort()).toEqual(TARGETS);
      const entries = new Map(preview.instances.map((entry) => [entry.id, entry]));
      expect(entries.get('prod/eu-west-1/staging/db')).toMatchObject({
        state: 'planned',
        changes: [{ address: 'terraform_data.db', action: 'create' }],
      });
      expect(entries.get('prod/eu-west-1/net')!.changes).toEqual([
        { address: 'terraform_data.net', action: 'update' },
      ]);
      expect(entries.get('prod/eu-west-1/staging/api')).toMatchObject({
        state: 'deferred',
        waitsOn: ['prod/eu-west-1/staging/db'],
      });
      // Deeper in the chain: web waits on api, which waits on db.
      expect(entries.get('prod/eu-west-1/staging/web')).toMatchObject({
        state: 'deferred',
        waitsOn: ['prod/eu-west-1/staging/api'],
      });
      expect(dryRun.stdout).toContain(
        'prod/eu-west-1/staging/api: planned during the failover, once prod/eu-west-1/staging/db (which it creates) is applied',
      );
      expect(estate.stateOf('prod/eu-west-1/staging/db')).toEqual([]);
    });

    it('applies the preview fully: stale and deferred plans are planned afresh and checked, never refused', async () => {
      const failover = estate.applyPreview();
      expect(failover.stderr).not.toContain(' failed');
      expect(failover.stderr + failover.stdout).not.toContain('strata plan');
      expect(failover.status).toBe(0);
      const run = estate.result('failover.json');
      expect(statuses(run)).toEqual(Object.fromEntries(TARGETS.map((id) => [id, 'succeeded'])));
      expect(await estate.stores.connections('eu-west-2')).toBe(0);
      for (const id of ['prod/eu-west-1/staging/api', 'prod/eu-west-1/production/web']) {
        expect(estate.stateOf(id)).toHaveLength(1);
      }
      // net's saved plan was applied as saved; db's was stale (net now says primary), api had none.
      expect(estate.log('prod/eu-west-1/net', 'preview-check.log')).toBe('');
      expect(estate.log('prod/eu-west-1/staging/db', 'preview-check.log')).toContain(
        'the saved plan for prod/eu-west-1/staging/db is stale: the outputs of its upstream instances changed since it was planned: planned afresh, its plan does the same changes as the preview',
      );
      expect(estate.log('prod/eu-west-1/staging/api', 'preview-check.log')).toMatch(
        /^no saved plan for prod\/eu-west-1\/staging\/api in .*; the preview deferred it until prod\/eu-west-1\/staging\/db was applied: planned afresh, its plan does only changes that destroy nothing:\n {2}terraform_data\.api: create \(not previewed\)\n$/,
      );
      expect(byId(run).get('prod/eu-west-1/staging/db')!.resourceChanges).toEqual([
        { address: 'terraform_data.db', action: 'create' },
      ]);
    });
  });

  describe('an environment chain with mock outputs', () => {
    let estate: Awaited<ReturnType<typeof estateInOutage>>;
    beforeAll(async () => {
      estate = await estateInOutage({ mocks: true, replaceCache: false });
    });
    afterAll(() => estate.stores.close());

    it('previews api on the mocks and applies the whole failover, api planned afresh on real outputs', async () => {
      const dryRun = estate.dryRun();
      expect(dryRun.status).toBe(0);
      const api = estate.preview().instances.find((entry) => entry.id === 'prod/eu-west-1/staging/api')!;
      expect(api).toMatchObject({
        state: 'planned',
        mockedUpstreams: ['prod/eu-west-1/staging/db'],
        changes: [{ address: 'terraform_data.api', action: 'create' }],
      });
      const failover = estate.applyPreview();
      expect(failover.stderr).not.toContain(' failed');
      expect(failover.status).toBe(0);
      expect(statuses(estate.result('failover.json'))).toEqual(
        Object.fromEntries(TARGETS.map((id) => [id, 'succeeded'])),
      );
      expect(estate.log('prod/eu-west-1/staging/api', 'preview-check.log')).toContain(
        'was made with mock outputs of prod/eu-west-1/staging/db',
      );
      const variables = JSON.parse(estate.log('prod/eu-west-1/staging/api', 'variables.tfvars.json')) as {
        db: { endpoint: string };
      };
      expect(variables.db.endpoint).not.toBe('db-mock');
      expect(await estate.stores.connections('eu-west-2')).toBe(0);
    });
  });

  describe('a fresh plan that replaces what the preview did not show', () => {
    let estate: Awaited<ReturnType<typeof estateInOutage>>;
    beforeAll(async () => {
      estate = await estateInOutage({ mocks: false, replaceCache: true });
    });
    afterAll(() => estate.stores.close());

    it('stops that branch and names the failover command; every other branch completes', () => {
      const dryRun = estate.dryRun();
      expect(dryRun.status).toBe(0);
      const cache = estate.preview().instances.find((entry) => entry.id === 'prod/eu-west-1/cache')!;
      expect(cache.changes).toEqual([]);
      const failover = estate.applyPreview();
      expect(failover.status).toBe(1);
      const run = byId(estate.result('failover.json'));
      expect(run.get('prod/eu-west-1/cache')).toMatchObject({
        status: 'failed',
        resourceChanges: [{ address: 'terraform_data.cache', action: 'replace' }],
      });
      const error = run.get('prod/eu-west-1/cache')!.error!;
      expect(error).toContain('terraform_data.cache: replace (the preview showed no change)');
      expect(error).toContain("'strata failover --to eu-west-1 --from eu-west-2 --dry-run'");
      expect(error).not.toContain('strata plan');
      expect(run.get('prod/eu-west-1/staging/worker')).toMatchObject({ status: 'skipped' });
      for (const id of TARGETS.filter((id) => !/cache|worker/.test(id))) {
        expect([id, run.get(id)!.status]).toEqual([id, 'succeeded']);
      }
      // Nothing of the cache was applied: its state still holds the secondary's object.
      expect(estate.stateOf('prod/eu-west-1/cache')).toHaveLength(1);
      expect(estate.stateOf('prod/eu-west-1/production/api')).toHaveLength(1);
    });
  });
});
