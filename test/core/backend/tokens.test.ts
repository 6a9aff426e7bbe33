import { describe, expect, it } from '@jest/globals';
import {
  backendConfigIn,
  compileBackend,
  compileRegionalBackend,
  renderBackend,
  renderInstanceBackend,
} from '../../../src/core/backend/render-backend.js';
import { compileStateLocation } from '../../../src/core/backend/state-location.js';
import {
  compileValue,
  renderValue,
  tokenValues,
  type TokenValues,
} from '../../../src/core/backend/tokens.js';

const valuesOf = (id: string, account: string | null, region: string | null, environment: string | null) =>
  tokenValues(
    {
      id,
      layer: id.split('/').pop()!,
      scope: environment ? 'environment' : region ? 'region' : account ? 'account' : 'global',
      account,
      accountId: account ? `${account.length}00` : null,
      region,
      environment,
    },
    region ?? 'r1',
    region === 'r2' ? 'secondary' : 'primary',
  );

// Instances in the order expandManifest makes them: repeats of a cell's values, then new ones.
const instances: TokenValues[] = [
  valuesOf('dns', null, null, null),
  valuesOf('a/iam', 'a', null, null),
  valuesOf('a/r1/net', 'a', 'r1', null),
  valuesOf('a/r1/e1/app', 'a', 'r1', 'e1'),
  valuesOf('a/r1/e2/app', 'a', 'r1', 'e2'),
  valuesOf('a/r2/e1/app', 'a', 'r2', 'e1'),
  valuesOf('bb/r2/e1/app', 'bb', 'r2', 'e1'),
  valuesOf('a/r1/e1/app', 'a', 'r1', 'e1'),
];

describe('compiled renderers render what the plain ones do', () => {
  it('backends, token by token, for one instance after another', () => {
    const config = {
      bucket: 'state-{account_id}-{region}',
      key: '{id}.tfstate',
      region: '{region}',
      plain: 'no tokens',
      role: '{role}/{environment}/{scope}/{layer}/{account}',
      encrypt: true,
      retries: 3,
    };
    const render = compileBackend('s3', config);
    for (const values of instances) {
      const rendered = render(values);
      expect(rendered).toEqual(renderBackend('s3', config, values));
      expect(Object.keys(rendered.config)).toEqual(Object.keys(config));
    }
    expect(render(instances[3]!).config.bucket).toBe('state-100-r1');
    expect(render(instances[6]!).config.bucket).toBe('state-200-r2');
  });

  it('a backend config with a __proto__ key, as the plain renderer treats it', () => {
    const config = JSON.parse('{"__proto__": "{id}", "key": "{id}"}') as Record<string, string>;
    const rendered = compileBackend('local', config)(instances[2]!);
    expect(rendered).toEqual(renderBackend('local', config, instances[2]!));
    expect(Object.keys(rendered.config)).toEqual(
      Object.keys(renderBackend('local', config, instances[2]!).config),
    );
  });

  it('vars: nested maps and lists, other values as they are, a fresh copy per instance', () => {
    const vars = {
      name: '{environment}-{region}',
      list: ['{layer}', 3, null, true, ['{id}']],
      nested: { id: '{id}', deeper: { role: '{role}' } },
      count: 2,
    };
    const render = compileValue(vars);
    const seen = new Set<unknown>();
    for (const values of instances) {
      const rendered = render(values);
      expect(rendered).toEqual(renderValue(vars, values));
      expect(seen.has(rendered)).toBe(false);
      seen.add(rendered);
    }
  });

  it('vars with a __proto__ key, as the plain renderer treats it', () => {
    const vars = JSON.parse('{"a": {"__proto__": "{id}", "b": "{layer}"}}') as Record<string, unknown>;
    expect(compileValue(vars)(instances[4]!)).toEqual(renderValue(vars, instances[4]!));
  });
});

describe('compileStateLocation', () => {
  const backend = (config: Record<string, string | number | boolean>) => ({ type: 's3', config });
  const spec = (config: Record<string, string | number | boolean>, regionConfig = {}) => ({
    config,
    regionConfig,
  });

  it('needs no key when a value renders {id} with nothing but fixed text around it', () => {
    expect(compileStateLocation(spec({ key: '{id}.tfstate', bucket: 'b-{region}' })).isUnique).toBe(true);
    expect(compileStateLocation(spec({ key: 'state/{id}' })).isUnique).toBe(true);
  });

  it('keys by the rendered values when ids alone do not tell locations apart', () => {
    for (const config of [
      { key: '{account}/{layer}.tfstate' },
      { key: '{id}/{region}.tfstate' },
      { key: '{id}{id}' },
      { key: 'fixed' },
    ]) {
      expect(compileStateLocation(spec(config)).isUnique).toBe(false);
    }
  });

  it('gives equal keys exactly for equal templated values', () => {
    const { key } = compileStateLocation(spec({ a: '{account}', fixed: 'x', b: '{region}', n: 1 }));
    expect(key(backend({ a: 'ab', fixed: 'x', b: 'c', n: 1 }))).not.toBe(
      key(backend({ a: 'a', fixed: 'x', b: 'bc', n: 1 })),
    );
    expect(key(backend({ a: '1:a', fixed: 'x', b: 'b', n: 1 }))).not.toBe(
      key(backend({ a: '1', fixed: 'x', b: ':ab', n: 1 })),
    );
    expect(key(backend({ a: 'ab', fixed: 'x', b: 'c', n: 1 }))).toBe(
      key(backend({ a: 'ab', fixed: 'x', b: 'c', n: 1 })),
    );
  });

  it('is unique only while no region replaces the {id} key with one that is not', () => {
    expect(compileStateLocation(spec({ key: '{id}' }, { r2: { key: 'state/{id}' } })).isUnique).toBe(true);
    expect(compileStateLocation(spec({ key: '{id}' }, { r2: { key: '{layer}' } })).isUnique).toBe(false);
  });

  it('tells regions apart by the keys a region sets, even where config does not template them', () => {
    const { isUnique, key } = compileStateLocation(
      spec({ bucket: 'tfstate', key: '{layer}.tfstate' }, { 'eu-west-1': { endpoints: '{s3="http://b"}' } }),
    );
    expect(isUnique).toBe(false);
    expect(key(backend({ bucket: 'tfstate', key: 'dns.tfstate', endpoints: '{s3="http://b"}' }))).not.toBe(
      key(backend({ bucket: 'tfstate', key: 'dns.tfstate' })),
    );
  });
});

describe('backend.region_config', () => {
  const backend = {
    type: 's3',
    config: { bucket: 'tfstate-{region}', key: '{id}.tfstate', use_lockfile: true },
    regionConfig: {
      r2: { endpoints: '{s3="http://127.0.0.1:9001"}', kms_key_id: 'alias/state-{region}' },
      r1: { bucket: 'legacy-{account}' },
    },
    globalRegion: 'r1',
    replicas: {},
  };

  it('adds or replaces the keys a region sets, for state stored in that region only', () => {
    expect(backendConfigIn(backend, 'r2')).toEqual({
      bucket: 'tfstate-{region}',
      key: '{id}.tfstate',
      use_lockfile: true,
      endpoints: '{s3="http://127.0.0.1:9001"}',
      kms_key_id: 'alias/state-{region}',
    });
    expect(backendConfigIn(backend, 'r1').bucket).toBe('legacy-{account}');
    expect(backendConfigIn(backend, 'r3')).toBe(backend.config);
  });

  it('renders the same per instance whether compiled once or rendered on its own', () => {
    const compiled = compileRegionalBackend(backend);
    for (const values of instances) {
      expect(compiled(values)).toEqual(renderInstanceBackend(backend, values));
    }
    expect(compiled(valuesOf('a/r2/net', 'a', 'r2', null)).config).toEqual({
      bucket: 'tfstate-r2',
      key: 'a/r2/net.tfstate',
      use_lockfile: true,
      endpoints: '{s3="http://127.0.0.1:9001"}',
      kms_key_id: 'alias/state-r2',
    });
    // Global and account state lives in the global region (r1 here), so r1's keys apply to it.
    expect(compiled(valuesOf('a/iam', 'a', null, null)).config.bucket).toBe('legacy-a');
  });
});
