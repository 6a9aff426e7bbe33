import { describe, expect, it } from '@jest/globals';
import { currentPrimaryOf, isInScope, movePrimary, scopeOf } from '../../../src/core/dr/failover-scope.js';
import { planFailover } from '../../../src/core/dr/plan-failover.js';
import { steadyStateIds } from '../../../src/core/dr/steady-state.js';
import { UsageError } from '../../../src/core/errors.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { primaryRegionFor } from '../../../src/core/manifest/primary-region.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

const parsed = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');
const { manifest } = parsed;
const rolesOf = (ids: readonly string[], text = EXAMPLE_MANIFEST) => {
  const graph = expandManifest(parseManifest(text, 'layers.yml'));
  return Object.fromEntries(ids.map((id) => [id, graph.byId.get(id)!.role]));
};

describe('scopeOf', () => {
  it.each([
    [{}, []],
    [{ accounts: ['dev'] }, ['dev']],
    [{ environments: ['staging'] }, ['prod/staging']],
    [{ accounts: ['prod'], environments: ['staging', 'production'] }, ['prod/staging', 'prod/production']],
    [{ accounts: ['dev'], environments: ['dev'] }, ['dev/dev']],
  ])('%j moves %j', (filter, scope) => {
    expect(scopeOf(manifest, filter)).toEqual(scope);
  });

  it('refuses environments no selected account has', () => {
    expect(() => scopeOf(manifest, { accounts: ['dev'], environments: ['staging'] })).toThrow(UsageError);
  });
});

describe('isInScope', () => {
  it.each([
    [[], { account: null, environment: null }, true],
    [['dev'], { account: null, environment: null }, false],
    [['dev'], { account: 'dev', environment: null }, true],
    [['dev'], { account: 'prod', environment: 'staging' }, false],
    [['prod/staging'], { account: 'prod', environment: 'staging' }, true],
    [['prod/staging'], { account: 'prod', environment: null }, false],
    [['prod/staging'], { account: 'prod', environment: 'production' }, false],
  ])('%j holds %j: %s', (scope, instance, inside) => {
    expect(isInScope(scope, instance)).toBe(inside);
  });
});

describe('primary_region: the primary of an account or environment', () => {
  const text = EXAMPLE_MANIFEST.replace(
    '    ephemeral: true\n',
    '    ephemeral: true\n    primary_region: eu-west-1\n',
  ).replace('staging: {}', 'staging: { primary_region: eu-west-1 }');
  const withOverrides = parseManifest(text, 'layers.yml').manifest;

  it('an environment takes its own, else its account’s, else the region roles’', () => {
    expect(primaryRegionFor(withOverrides, 'dev', 'dev')).toBe('eu-west-1');
    expect(primaryRegionFor(withOverrides, 'dev', null)).toBe('eu-west-1');
    expect(primaryRegionFor(withOverrides, 'prod', 'staging')).toBe('eu-west-1');
    expect(primaryRegionFor(withOverrides, 'prod', 'production')).toBe('eu-west-2');
    expect(primaryRegionFor(withOverrides, null, null)).toBe('eu-west-2');
  });

  it('sets the role of its instances, and steady state follows it', () => {
    const ids = [
      'dev/eu-west-1/network',
      'dev/eu-west-2/network',
      'dev/eu-west-1/dev/app',
      'prod/eu-west-1/network',
      'prod/eu-west-1/staging/app',
      'prod/eu-west-2/staging/app',
      'prod/eu-west-2/production/app',
    ];
    expect(rolesOf(ids, text)).toEqual({
      'dev/eu-west-1/network': 'primary',
      'dev/eu-west-2/network': 'secondary',
      'dev/eu-west-1/dev/app': 'primary',
      'prod/eu-west-1/network': 'secondary',
      'prod/eu-west-1/staging/app': 'primary',
      'prod/eu-west-2/staging/app': 'secondary',
      'prod/eu-west-2/production/app': 'primary',
    });
    const graph = expandManifest(parseManifest(text, 'layers.yml'));
    const steady = steadyStateIds(graph, withOverrides);
    expect(steady.has('prod/eu-west-1/staging/app')).toBe(true);
    expect(steady.has('prod/eu-west-2/staging/app')).toBe(false);
    expect(steady.has('prod/eu-west-1/production/app')).toBe(false);
  });

  it('without it, every role is as the region roles say', () => {
    expect(rolesOf(['dev/eu-west-1/network', 'prod/eu-west-2/staging/app'])).toEqual({
      'dev/eu-west-1/network': 'secondary',
      'prod/eu-west-2/staging/app': 'primary',
    });
  });
});

describe('movePrimary', () => {
  it('an account: its primary_region, the region roles untouched; an environment: its own', () => {
    const account = movePrimary(manifest, 'eu-west-1', ['dev']);
    expect(account.regions).toEqual(manifest.regions);
    expect(primaryRegionFor(account, 'dev', 'dev')).toBe('eu-west-1');
    expect(primaryRegionFor(account, 'prod', 'staging')).toBe('eu-west-2');
    const environment = movePrimary(manifest, 'eu-west-1', ['prod/staging']);
    expect(primaryRegionFor(environment, 'prod', 'staging')).toBe('eu-west-1');
    expect(primaryRegionFor(environment, 'prod', 'production')).toBe('eu-west-2');
    expect(primaryRegionFor(environment, 'prod', null)).toBe('eu-west-2');
  });

  it('the estate: the region roles swap', () => {
    const estate = movePrimary(manifest, 'eu-west-1', []);
    expect(estate.regions.find((region) => region.role === 'primary')!.name).toBe('eu-west-1');
  });

  it("an environment that named its account's primary moves with the account; one elsewhere stays", () => {
    const text = EXAMPLE_MANIFEST.replace('staging: {}', 'staging: { primary_region: eu-west-2 }').replace(
      'production: {}',
      'production: { primary_region: eu-west-1 }',
    );
    const moved = movePrimary(parseManifest(text, 'layers.yml').manifest, 'eu-west-1', ['prod']);
    expect(primaryRegionFor(moved, 'prod', 'staging')).toBe('eu-west-1');
    const back = movePrimary(moved, 'eu-west-2', ['prod']);
    expect(primaryRegionFor(back, 'prod', 'production')).toBe('eu-west-2');
    expect(primaryRegionFor(back, 'prod', 'sandbox')).toBe('eu-west-2');
  });
});

describe('currentPrimaryOf', () => {
  const apart = movePrimary(manifest, 'eu-west-1', ['prod/staging']);
  it('is the one primary of the scope, or the one given', () => {
    expect(currentPrimaryOf(apart, ['prod/staging'], undefined)).toBe('eu-west-1');
    expect(currentPrimaryOf(apart, [], undefined)).toBe('eu-west-2');
    expect(currentPrimaryOf(apart, ['prod/staging', 'prod/production'], 'eu-west-2')).toBe('eu-west-2');
  });
  it('refuses members with different primaries unless one is given', () => {
    expect(() => currentPrimaryOf(apart, ['prod/staging', 'prod/production'], undefined)).toThrow(
      'prod/staging, prod/production have different primary regions (eu-west-1, eu-west-2)',
    );
  });
});

describe('planFailover of one account or environment', () => {
  it('moves the scope only: the rest of the estate keeps its roles and its selectors', () => {
    const plan = planFailover(parsed, { to: 'eu-west-1', force: false, accounts: ['dev'] });
    expect(plan.scope).toEqual(['dev']);
    expect(plan.graph.byId.get('dev/eu-west-1/network')!.role).toBe('primary');
    expect(plan.graph.byId.get('prod/eu-west-1/network')!.role).toBe('secondary');
    expect(plan.graph.byId.get('prod/eu-west-2/staging/app')!.role).toBe('primary');
    expect(plan.manifest.regions).toEqual(manifest.regions);
    const estate = planFailover(parsed, { to: 'eu-west-1', force: false });
    expect(estate.scope).toEqual([]);
    expect(estate.graph.byId.get('prod/eu-west-1/network')!.role).toBe('primary');
  });

  it('a scope already in the target refuses, naming it; from defaults to the scope’s primary', () => {
    const moved = EXAMPLE_MANIFEST.replace(
      '    ephemeral: true\n',
      '    ephemeral: true\n    primary_region: eu-west-1\n',
    );
    const movedParsed = parseManifest(moved, 'layers.yml');
    expect(() => planFailover(movedParsed, { to: 'eu-west-1', force: false, accounts: ['dev'] })).toThrow(
      'eu-west-1 is the region being failed over from',
    );
    expect(() =>
      planFailover(movedParsed, { to: 'eu-west-1', from: 'eu-west-2', force: false, accounts: ['dev'] }),
    ).toThrow('already names eu-west-1 as the primary region of dev');
    const back = planFailover(movedParsed, { to: 'eu-west-2', force: false, accounts: ['dev'] });
    expect(back.from).toBe('eu-west-1');
    expect([...back.dag.ids].sort()).toEqual(['dev/eu-west-2/dev/app', 'dev/eu-west-2/network']);
  });
});
