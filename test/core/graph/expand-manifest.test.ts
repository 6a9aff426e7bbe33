import { describe, expect, it } from '@jest/globals';
import { ManifestError } from '../../../src/core/errors.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { recordBackend } from '../../../src/core/dr/record-key.js';
import { EXAMPLE_MANIFEST, manifestWithLayers } from '../../helpers/manifest-text.js';

const expand = (text: string) => expandManifest(parseManifest(text, 'layers.yml'));

function messagesOf(text: string): { line: number; message: string }[] {
  try {
    expand(text);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems.map(({ line, message }) => ({ line, message }));
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('expandManifest: the example', () => {
  const graph = expand(EXAMPLE_MANIFEST);

  it('creates one instance per cell of each scope, with ids from coarse to fine', () => {
    expect(graph.instances.map((instance) => instance.id)).toEqual([
      'dns',
      'dev/iam',
      'prod/iam',
      'dev/eu-west-2/network',
      'dev/eu-west-1/network',
      'prod/eu-west-2/network',
      'prod/eu-west-1/network',
      'dev/eu-west-2/dev/app',
      'dev/eu-west-1/dev/app',
      'prod/eu-west-2/staging/app',
      'prod/eu-west-2/production/app',
      'prod/eu-west-2/sandbox/app',
      'prod/eu-west-1/staging/app',
      'prod/eu-west-1/production/app',
    ]);
  });

  it('fills the coordinates that apply and null for the rest', () => {
    expect(graph.byId.get('dns')).toMatchObject({
      scope: 'global',
      account: null,
      accountId: null,
      region: null,
      environment: null,
      role: null,
    });
    expect(graph.byId.get('prod/eu-west-1/staging/app')).toMatchObject({
      layer: 'app',
      scope: 'environment',
      account: 'prod',
      accountId: '222222222222',
      region: 'eu-west-1',
      environment: 'staging',
      role: 'secondary',
      path: 'terraform/environment/app',
    });
    expect(graph.varsOf(graph.byId.get('prod/eu-west-1/staging/app')!)).toEqual({ instance_count: 2 });
  });

  it('binds a plain dependency to the instance in the same cell', () => {
    expect(graph.byId.get('prod/eu-west-1/network')!.dependsOn).toEqual(['prod/iam']);
    expect(graph.byId.get('prod/eu-west-1/staging/app')!.dependsOn).toEqual(['prod/eu-west-1/network']);
    expect(graph.dependents.get('prod/iam')).toEqual(['prod/eu-west-1/network', 'prod/eu-west-2/network']);
  });

  it('renders each instance its own backend; global and account state lives in global_region', () => {
    expect(graph.backendOf(graph.byId.get('dns')!)).toEqual({
      type: 's3',
      config: {
        bucket: 'acme-tfstate-global-eu-west-2',
        key: 'dns.tfstate',
        region: 'eu-west-2',
        use_lockfile: true,
      },
    });
    expect(graph.backendOf(graph.byId.get('prod/iam')!).config).toMatchObject({
      bucket: 'acme-tfstate-prod-eu-west-2',
      key: 'prod/iam.tfstate',
      region: 'eu-west-2',
    });
    expect(graph.backendOf(graph.byId.get('dev/eu-west-1/dev/app')!).config).toMatchObject({
      bucket: 'acme-tfstate-dev-eu-west-1',
      key: 'dev/eu-west-1/dev/app.tfstate',
      region: 'eu-west-1',
    });
  });
});

describe('expandManifest: dependency selectors', () => {
  it('renders tokens in vars', () => {
    const graph = expand(
      manifestWithLayers(
        '  - name: x\n    scope: environment\n    path: x\n    vars: { name: "{account}-{region}-{environment}", list: ["{layer}", 3], nested: { id: "{id}", role: "{role}" } }\n',
      ),
    );
    expect(graph.varsOf(graph.byId.get('a/r2/e1/x')!)).toEqual({
      name: 'a-r2-e1',
      list: ['x', 3],
      nested: { id: 'a/r2/e1/x', role: 'secondary' },
    });
  });

  it("'region: primary' reaches the primary region's instance; a self-reference is dropped", () => {
    const graph = expand(
      manifestWithLayers(
        '  - name: network\n    scope: region\n    path: n\n    depends_on: [{ layer: network, region: primary, as: primary_network }]\n',
      ),
    );
    expect(graph.byId.get('a/r2/network')!.dependsOn).toEqual(['a/r1/network']);
    expect(graph.inputsOf('a/r2/network')).toEqual([
      { variable: 'primary_network', isFanIn: false, sources: [{ id: 'a/r1/network', key: '' }] },
    ]);
    expect(graph.byId.get('a/r1/network')!.dependsOn).toEqual([]);
    expect(graph.inputsOf('a/r1/network')).toEqual([]);
  });

  it("'region: all' fans in every region of the account", () => {
    const graph = expand(
      manifestWithLayers(
        '  - { name: network, scope: region, path: n }\n  - name: iam\n    scope: account\n    path: i\n    depends_on: [{ layer: network, region: all }]\n',
      ),
    );
    expect(graph.byId.get('a/iam')!.dependsOn).toEqual(['a/r1/network', 'a/r2/network']);
    expect(graph.inputsOf('a/iam')).toEqual([
      {
        variable: 'network',
        isFanIn: true,
        sources: [
          { id: 'a/r1/network', key: 'r1' },
          { id: 'a/r2/network', key: 'r2' },
        ],
      },
    ]);
  });

  it('a global layer may fan in from every account, region and environment', () => {
    const graph = expand(
      manifestWithLayers(
        '  - { name: app, scope: environment, path: a }\n  - name: report\n    scope: global\n    path: r\n    depends_on: [{ layer: app, account: all, region: all, environment: all }]\n',
      ),
    );
    expect(graph.byId.get('report')!.dependsOn).toEqual([
      'a/r1/e1/app',
      'a/r1/e2/app',
      'a/r2/e1/app',
      'a/r2/e2/app',
    ]);
  });

  it('a named region or environment selects that one instance', () => {
    const graph = expand(
      manifestWithLayers(
        '  - { name: db, scope: environment, path: d }\n  - name: app\n    scope: environment\n    path: a\n    depends_on: [{ layer: db, region: r1, environment: e2 }]\n',
      ),
    );
    expect(graph.byId.get('a/r2/e1/app')!.dependsOn).toEqual(['a/r1/e2/db']);
  });

  it('refuses a plain dependency on a finer scope, saying how to choose', () => {
    const text = manifestWithLayers(
      '  - { name: network, scope: region, path: n }\n  - { name: iam, scope: account, path: i, depends_on: [network] }\n',
    );
    expect(messagesOf(text)).toEqual([
      {
        line: lineOf(text, 'name: iam'),
        message:
          "layer 'iam' (account scope) depends on 'network' (region scope), which has one instance per region; account-scoped instances have no region of their own, so say which: {layer: network, region: 'primary', 'all' or a region name}",
      },
    ]);
  });

  it('refuses a selector on a coordinate the dependency does not have', () => {
    const text = manifestWithLayers(
      '  - { name: iam, scope: account, path: i }\n  - name: app\n    scope: environment\n    path: a\n    depends_on: [{ layer: iam, region: primary }]\n',
    );
    expect(messagesOf(text)[0]!.message).toBe(
      "layer 'app' selects region 'primary' of 'iam', but 'iam' is account-scoped and has no region; remove 'region' from this dependency",
    );
  });

  it('refuses a selector that names an instance that does not exist, saying why', () => {
    const text = manifestWithLayers(
      '  - { name: db, scope: environment, path: d }\n  - name: app\n    scope: environment\n    path: a\n    depends_on: [{ layer: db, environment: e3 }]\n',
      '',
    ).replace('environments: [e1, e2]', 'environments: { e1: {}, e2: {}, e3: { regions: [r1] } }');
    const [problem] = messagesOf(text);
    expect(problem!.message).toBe(
      "'a/r2/e1/app' depends on 'db' in account a, region r2, environment e3, but there is no such instance ('a/r2/e3/db'): environment 'e3' does not run in region 'r2' (and 1 more instance)",
    );
    expect(problem!.line).toBe(lineOf(text, 'depends_on: [{ layer: db'));
  });

  it('reports a cycle with its path, at the dependency that closes it', () => {
    const text = manifestWithLayers(
      '  - { name: a, scope: global, path: a, depends_on: [c] }\n  - { name: b, scope: global, path: b, depends_on: [a] }\n  - { name: c, scope: global, path: c, depends_on: [b] }\n',
    );
    expect(messagesOf(text)).toEqual([
      {
        line: lineOf(text, 'name: a,'),
        message:
          'dependency cycle: a -> c -> b -> a (layers a -> c -> b -> a); remove one of these dependencies',
      },
    ]);
  });

  it('finds cycles that only exist between instances', () => {
    const text = manifestWithLayers(
      '  - name: n\n    scope: region\n    path: n\n    depends_on: [{ layer: n, region: r1 }]\n  - name: m\n    scope: region\n    path: m\n    depends_on: [n]\n',
    ).replace('depends_on: [{ layer: n, region: r1 }]', 'depends_on: [{ layer: m, region: r2 }]');
    const messages = messagesOf(text).map((p) => p.message);
    expect(messages[0]).toBe(
      'dependency cycle: a/r2/m -> a/r2/n -> a/r2/m (layers m -> n -> m); remove one of these dependencies',
    );
  });

  it('refuses two instances with one state location, naming both', () => {
    const text = manifestWithLayers('  - { name: x, scope: region, path: x }\n').replace(
      'path: "state/{region}/{id}.tfstate"',
      'path: "state/{account}/{layer}.tfstate"',
    );
    expect(messagesOf(text)).toEqual([
      {
        line: lineOf(text, 'config:'),
        message:
          "instances 'a/r1/x' and 'a/r2/x' would share one state location; every instance needs its own: put {id} (or every coordinate that tells them apart) into backend.config",
      },
    ]);
  });

  describe('the failover records', () => {
    // One global and one region layer; each region's store a bucket of its own.
    const withKey = (key: string, regions = 'r1: { role: primary }\n  r2: { role: secondary }') =>
      `version: 1
backend:
  type: s3
  config:
    bucket: "tfstate-{region}"
    key: "${key}"
  global_region: r1
regions:
  ${regions}
accounts:
  a: { id: "1", environments: [e1], regions: [${regions.includes('r2') ? 'r1, r2' : 'r1'}] }
layers:
  - { name: g, scope: global, path: g }
  - { name: n, scope: region, path: n }
`;

    it("refuses a key at which a region's record is a layer instance's state, or two regions' records share a key", () => {
      const text = withKey('{scope}/{account}/{environment}.tfstate');
      expect(messagesOf(text)).toEqual([
        {
          line: lineOf(text, 'key:'),
          message:
            "the failover record of region 'r1' and instance 'g' would share one state location: writing the record would overwrite that instance's state; put {layer} or {id} into backend.config.key",
        },
        {
          line: lineOf(text, 'key:'),
          message:
            "the failover records of regions 'r1' and 'r2' would be kept at one key: replication of one region's store into the other's would copy one record over the other; put {region}, {layer} or {id} into backend.config.key",
        },
      ]);
    });

    it("refuses two regions' records at one key in stores of their own, and accepts {region} in the key", () => {
      // No global layer: only the records have the global cell's coordinates, so only they can collide.
      const accountLayer = (key: string) =>
        withKey(key).replace('{ name: g, scope: global, path: g }', '{ name: g, scope: account, path: g }');
      const shared = accountLayer('{scope}/{account}.tfstate');
      expect(messagesOf(shared)).toEqual([
        {
          line: lineOf(shared, 'key:'),
          message:
            "the failover records of regions 'r1' and 'r2' would be kept at one key: replication of one region's store into the other's would copy one record over the other; put {region}, {layer} or {id} into backend.config.key",
        },
      ]);
      const parsed = parseManifest(accountLayer('{region}/{scope}/{account}.tfstate'), 'layers.yml');
      const accountGraph = expandManifest(parsed);
      expect(accountGraph.backendOf(accountGraph.byId.get('a/g')!).config).toEqual({
        bucket: 'tfstate-r1',
        key: 'r1/account/a.tfstate',
      });
      expect(recordBackend(parsed.manifest, 'r2').config).toEqual({
        bucket: 'tfstate-r2',
        key: 'r2/global/global.tfstate',
      });
    });

    it("refuses a record at an instance's location when ids alone tell instances apart, and only there", () => {
      const text = withKey('{id}.tfstate')
        .replace(
          '- { name: n, scope: region, path: n }',
          '- { name: failover-record, scope: region, path: n }',
        )
        .replace('a: { id: "1"', 'strata: { id: "1"');
      expect(messagesOf(text).map((problem) => problem.message)).toEqual([
        expect.stringContaining(
          "the failover record of region 'r1' and instance 'strata/r1/failover-record' would share one state location",
        ),
      ]);
      // The same id in another bucket is another location.
      const apart = expand(text.replace('tfstate-{region}', 'tfstate-{account}-{region}'));
      expect(apart.backendOf(apart.byId.get('strata/r1/failover-record')!).config.bucket).toBe(
        'tfstate-strata-r1',
      );
    });

    it('does not check records with one region, which no move writes', () => {
      const graph = expand(withKey('{scope}/{account}/{environment}.tfstate', 'r1: { role: primary }'));
      expect(graph.instances.map((instance) => instance.id)).toEqual(['g', 'a/r1/n']);
    });
  });

  it('refuses unknown tokens', () => {
    const text = manifestWithLayers('  - { name: x, scope: global, path: x, vars: { a: "{acount}" } }\n');
    expect(messagesOf(text)[0]!.message).toBe(
      "layers[0].vars.a: unknown token '{acount}'; tokens are {id} {layer} {scope} {account} {account_id} {region} {environment} {role}",
    );
  });
});

describe('expandManifest: the key of global and account state when the global region has a replica', () => {
  const withKey = (key: string) => EXAMPLE_MANIFEST.replace('key: "{id}.tfstate"', `key: "${key}"`);

  it('refuses a key that names the region: a promotion of the replica would look for another object', () => {
    const text = withKey('{region}/{id}.tfstate');
    expect(messagesOf(text)).toEqual([
      {
        line: lineOf(text, 'key:'),
        message:
          "backend.config.key of global and account state names their region: 'eu-west-2/dns.tfstate' for 'dns' would become 'eu-west-1/dns.tfstate' once a failover promotes the replica in eu-west-1, but replication keeps the key it copied the state to; keep {region} and {role} out of the key, and name the region in the bucket: each region its own store",
      },
    ]);
  });

  it('accepts such a key without a replica of the global region, and a key without the region with one', () => {
    const secondaryReplicated = withKey('{region}/{id}.tfstate').replace(
      '    eu-west-2: eu-west-1\n',
      '    eu-west-1: eu-west-2\n',
    );
    expect(() => expand(secondaryReplicated)).not.toThrow();
    expect(() => expand(withKey('{account}/{layer}/{id}.tfstate'))).not.toThrow();
  });
});

describe('expandManifest: a richer estate, checked edge by edge', () => {
  // Two accounts with different regions and environments, every kind of selector, and fan-ins.
  const text = `version: 1
backend:
  type: s3
  config: { bucket: "state-{account_id}-{region}", key: "{id}.tfstate", encrypt: true }
  global_region: r1
regions:
  r1: { role: primary }
  r2: { role: secondary }
  r3: { role: secondary }
accounts:
  a:
    id: "1"
    regions: [r1, r2, r3]
    environments: { e1: {}, e2: { regions: [r1, r2] }, e3: { regions: [r1, r3] } }
  b:
    id: "2"
    regions: [r2, r1]
    environments: [e1, e2]
layers:
  - { name: dns, scope: global, path: dns }
  - { name: iam, scope: account, path: iam, depends_on: [dns] }
  - { name: network, scope: region, path: network, depends_on: [iam] }
  - name: transit
    scope: region
    path: transit
    depends_on: [network, { layer: network, region: primary, as: primary_network }]
  - { name: backup, scope: region, path: backup, depends_on: [{ layer: network, region: all, as: networks }] }
  - { name: db, scope: environment, path: db, depends_on: [network, iam] }
  - name: app
    scope: environment
    path: app
    depends_on: [db, transit, dns, { layer: db, region: primary, as: primary_db }, { layer: db, environment: e1, as: e1_db }]
    vars: { name: "{environment}-{region}", tags: ["{account_id}", 3] }
  - { name: monitoring, scope: account, path: monitoring, depends_on: [{ layer: app, region: all, environment: all, as: apps }] }
  - { name: report, scope: global, path: report, depends_on: [{ layer: app, account: all, region: all, environment: all, as: apps }] }
`;
  const graph = expand(text);
  const ids = graph.instances.map((instance) => instance.id);

  it('has unique ids, each found by id', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(graph.byId.size).toBe(ids.length);
    for (const instance of graph.instances) expect(graph.byId.get(instance.id)).toBe(instance);
  });

  it('lists each dependency once, sorted, never the instance itself', () => {
    for (const instance of graph.instances) {
      expect(instance.dependsOn).toEqual([...new Set(instance.dependsOn)].sort());
      expect(instance.dependsOn).not.toContain(instance.id);
      for (const id of instance.dependsOn) expect(graph.byId.has(id)).toBe(true);
    }
  });

  it('keeps dependents as the exact reverse of dependsOn, sorted', () => {
    expect([...graph.dependents.keys()]).toEqual(ids);
    for (const instance of graph.instances) {
      const expected = graph.instances
        .filter((other) => other.dependsOn.includes(instance.id))
        .map((other) => other.id)
        .sort();
      expect(graph.dependents.get(instance.id)).toEqual(expected);
    }
  });

  it('passes, through inputsOf, exactly the instances each one depends on', () => {
    for (const instance of graph.instances) {
      const sources = graph
        .inputsOf(instance.id)
        .flatMap((input) => input.sources.map((source) => source.id));
      expect([...new Set(sources)].sort()).toEqual(instance.dependsOn);
    }
  });

  it('resolves every kind of selector', () => {
    expect(graph.byId.get('b/r2/transit')!.dependsOn).toEqual(['b/r1/network', 'b/r2/network']);
    expect(graph.byId.get('b/r1/backup')!.dependsOn).toEqual(['b/r1/network', 'b/r2/network']);
    expect(graph.byId.get('a/r3/e3/app')!.dependsOn).toEqual([
      'a/r1/e3/db',
      'a/r3/e1/db',
      'a/r3/e3/db',
      'a/r3/transit',
      'dns',
    ]);
    expect(graph.inputsOf('a/r3/e3/app').map((input) => input.variable)).toEqual([
      'db',
      'transit',
      'dns',
      'primary_db',
      'e1_db',
    ]);
    expect(graph.byId.get('b/monitoring')!.dependsOn).toEqual([
      'b/r1/e1/app',
      'b/r1/e2/app',
      'b/r2/e1/app',
      'b/r2/e2/app',
    ]);
    expect(graph.inputsOf('b/monitoring')).toEqual([
      {
        variable: 'apps',
        isFanIn: true,
        sources: [
          { id: 'b/r2/e1/app', key: 'r2/e1' },
          { id: 'b/r2/e2/app', key: 'r2/e2' },
          { id: 'b/r1/e1/app', key: 'r1/e1' },
          { id: 'b/r1/e2/app', key: 'r1/e2' },
        ],
      },
    ]);
    expect(graph.byId.get('report')!.dependsOn).toHaveLength(
      graph.instances.filter((instance) => instance.layer === 'app').length,
    );
  });

  it('renders backends and vars per instance, sharing nothing that differs', () => {
    expect(graph.backendOf(graph.byId.get('b/r2/e1/app')!)).toEqual({
      type: 's3',
      config: { bucket: 'state-2-r2', key: 'b/r2/e1/app.tfstate', encrypt: true },
    });
    expect(graph.backendOf(graph.byId.get('dns')!).config).toEqual({
      bucket: 'state-global-r1',
      key: 'dns.tfstate',
      encrypt: true,
    });
    expect(graph.backendOf(graph.byId.get('a/iam')!).config.bucket).toBe('state-1-r1');
    expect(graph.varsOf(graph.byId.get('a/r2/e2/app')!)).toEqual({ name: 'e2-r2', tags: ['1', 3] });
    expect(graph.varsOf(graph.byId.get('b/r1/e1/app')!)).toEqual({ name: 'e1-r1', tags: ['2', 3] });
    expect(graph.varsOf(graph.byId.get('b/r1/e1/app')!)).not.toBe(
      graph.varsOf(graph.byId.get('b/r1/e2/app')!),
    );
  });
});
