import { terminalWording } from '../../../src/cli/terminal-wording.js';
import { describe, expect, it } from '@jest/globals';
import { planFailover } from '../../../src/core/dr/plan-failover.js';
import { replicaBackend } from '../../../src/core/dr/replica-backend.js';
import { steadyStateIds } from '../../../src/core/dr/steady-state.js';
import { UsageError } from '../../../src/core/errors.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

const parsed = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');
const { manifest } = parsed;

describe('planFailover', () => {
  it('selects the region and environment layers of the target region, with the failover context', () => {
    const plan = planFailover(parsed, { to: 'eu-west-1', force: false });
    expect(plan.from).toBe('eu-west-2');
    expect([...plan.dag.ids].sort()).toEqual([
      'dev/eu-west-1/dev/app',
      'dev/eu-west-1/network',
      'prod/eu-west-1/network',
      'prod/eu-west-1/production/app',
      'prod/eu-west-1/staging/app',
    ]);
    expect(plan.context).toEqual({ role: 'primary', failover: true, failedRegion: 'eu-west-2' });
    expect(plan.graph.byId.get('prod/eu-west-1/network')!.role).toBe('primary');
    expect(plan.notes).toEqual([
      'prod/sandbox runs only in eu-west-2: it has no DR target in eu-west-1 and is not failed over',
    ]);
    // iam's state lives in the failed region (global_region): read from its replica, eu-west-1.
    expect(plan.replicaBackends.get('prod/iam')).toEqual({
      type: 's3',
      config: {
        bucket: 'acme-tfstate-prod-eu-west-1',
        key: 'prod/iam.tfstate',
        region: 'eu-west-1',
        use_lockfile: true,
      },
    });
  });

  it('reads a replica at the object key its state has in the failed region: replication keeps keys', () => {
    // eu-west-1's state replicated into eu-west-2, with the region in the key as well as in the bucket.
    const text = EXAMPLE_MANIFEST.replace(
      'key: "{id}.tfstate"',
      'key: "{account}/{region}/{environment}/{layer}.tfstate"',
    ).replace('    eu-west-2: eu-west-1\n', '    eu-west-1: eu-west-2\n');
    const parsed = parseManifest(text, 'layers.yml');
    const graph = expandManifest(parsed);
    const network = graph.byId.get('prod/eu-west-1/network')!;
    expect(replicaBackend(parsed.manifest, graph, network, 'eu-west-2').config).toEqual({
      bucket: 'acme-tfstate-prod-eu-west-2',
      key: 'prod/eu-west-1/global/network.tfstate',
      region: 'eu-west-2',
      use_lockfile: true,
    });
  });

  it('fails over one account or one environment only', () => {
    const account = planFailover(parsed, { to: 'eu-west-1', force: false, accounts: ['dev'] });
    expect([...account.dag.ids].sort()).toEqual(['dev/eu-west-1/dev/app', 'dev/eu-west-1/network']);
    const environment = planFailover(parsed, { to: 'eu-west-1', force: false, environments: ['staging'] });
    expect([...environment.dag.ids]).toEqual(['prod/eu-west-1/staging/app']);
    expect(environment.replicaBackends.has('prod/eu-west-1/network')).toBe(false);
  });

  it('skips layers marked failover: skip', () => {
    const text = EXAMPLE_MANIFEST.replace(
      '    depends_on: [iam]\n',
      '    depends_on: [iam]\n    failover: skip\n',
    );
    const plan = planFailover(parseManifest(text, 'layers.yml'), { to: 'eu-west-1', force: false });
    expect(plan.dag.ids.every((id) => id.endsWith('/app'))).toBe(true);
  });

  it.each([
    [{ to: 'eu-west-9' }, "--to: unknown region 'eu-west-9'"],
    [{ to: 'eu-west-2' }, '--to eu-west-2 is the region being failed over from'],
    [{ to: 'eu-west-2', from: 'eu-west-1' }, 'already names eu-west-2 as the primary region'],
    [{ to: 'eu-west-1', environments: ['sandbox'] }, 'Nothing to fail over to eu-west-1 with this selection'],
  ])('refuses %j', (request, message) => {
    expect(() => planFailover(parsed, { force: false, ...request })).toThrow(UsageError);
    // Worded as the terminal words settings: flags.
    const wordedForCli = () => {
      try {
        planFailover(parsed, { force: false, ...request });
      } catch (error) {
        return (error as UsageError).wordedFor(terminalWording);
      }
      return 'no error';
    };
    expect(wordedForCli()).toContain(message);
  });

  it('names settings neutrally in core, each entry words them for its users', () => {
    expect(() => planFailover(parsed, { to: 'eu-west-9', force: false })).toThrow(
      "the 'to' setting: unknown region 'eu-west-9'",
    );
  });

  it('refuses a backend keyed by {role}, which a failover would move', () => {
    const text = EXAMPLE_MANIFEST.replace('key: "{id}.tfstate"', 'key: "{role}/{id}.tfstate"');
    expect(() => planFailover(parseManifest(text, 'layers.yml'), { to: 'eu-west-1', force: false })).toThrow(
      'backend.config uses {role}',
    );
  });

  it('needs a replica for state kept in the failed region', () => {
    const text = EXAMPLE_MANIFEST.replace('  replicas:\n    eu-west-2: eu-west-1\n', '');
    expect(() => planFailover(parseManifest(text, 'layers.yml'), { to: 'eu-west-1', force: false })).toThrow(
      'backend.replicas names no replica of eu-west-2',
    );
  });
});

describe('steadyStateIds', () => {
  const graph = expandManifest(parsed);

  it('backup_restore keeps environment layers out of secondary regions', () => {
    const ids = steadyStateIds(graph, manifest);
    expect(graph.instances.filter((i) => !ids.has(i.id)).map((i) => i.id)).toEqual([
      'dev/eu-west-1/dev/app',
      'prod/eu-west-1/staging/app',
      'prod/eu-west-1/production/app',
    ]);
  });

  it('pilot_light and warm_standby keep them, and standby: false keeps a region layer out', () => {
    const text = EXAMPLE_MANIFEST.replace('staging: {}', 'staging: { strategy: pilot_light }').replace(
      '    depends_on: [iam]\n',
      '    depends_on: [iam]\n    standby: false\n',
    );
    const other = parseManifest(text, 'layers.yml');
    const ids = steadyStateIds(expandManifest(other), other.manifest);
    expect(ids.has('prod/eu-west-1/staging/app')).toBe(true);
    expect(ids.has('prod/eu-west-1/production/app')).toBe(false);
    expect(ids.has('prod/eu-west-1/network')).toBe(false);
  });
});
