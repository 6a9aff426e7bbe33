import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  mapResources,
  type LayerAddresses,
  type TargetInstance,
} from '../../../src/core/migrate/map-resources.js';
import type { LegacyRoot, Migration, MigrationRule } from '../../../src/core/migrate/types.js';

const ROOTS: LegacyRoot[] = [
  { name: 'account', path: 'a', backend: {}, account: 'prod', region: null, environment: null },
  { name: 'staging', path: 'e', backend: {}, account: 'prod', region: 'eu-west-2', environment: 'staging' },
];
const LAYERS: LayerAddresses[] = [
  { name: 'iam', scope: 'account', declares: new Set(['terraform_data.role', 'module.policy']) },
  { name: 'network', scope: 'region', declares: new Set(['terraform_data.vpc']) },
  { name: 'app', scope: 'environment', declares: new Set(['terraform_data.web', 'module.app']) },
];
const INSTANCES: TargetInstance[] = [
  { id: 'prod/iam', layer: 'iam', account: 'prod', region: null, environment: null },
  { id: 'prod/eu-west-2/network', layer: 'network', account: 'prod', region: 'eu-west-2', environment: null },
  {
    id: 'prod/eu-west-2/staging/app',
    layer: 'app',
    account: 'prod',
    region: 'eu-west-2',
    environment: 'staging',
  },
];

function rule(index: number, fields: Partial<MigrationRule> & { from: string }): MigrationRule {
  return { index, root: null, to: fields.from, target: 'stay', ...fields };
}

function map(resources: Record<string, string[]>, rules: MigrationRule[] = [], roots = ROOTS) {
  const migration: Migration = { roots, rules };
  return mapResources({
    migration,
    resources: new Map(Object.entries(resources)),
    layers: LAYERS,
    instances: INSTANCES,
  });
}

describe('mapResources', () => {
  it('sends each resource to the layer declaring its first step, in the root cell, as far as the scope goes', () => {
    const { mapping, problems } = map({
      account: ['terraform_data.role', 'module.policy.terraform_data.document'],
      staging: [
        'terraform_data.vpc',
        'terraform_data.web',
        'module.app.module.inner["a.b"].terraform_data.x',
      ],
    });
    expect(problems).toEqual([]);
    expect([...mapping.receiving]).toEqual([
      [
        'prod/iam',
        [
          { root: 'account', from: 'terraform_data.role', to: 'terraform_data.role' },
          {
            root: 'account',
            from: 'module.policy.terraform_data.document',
            to: 'module.policy.terraform_data.document',
          },
        ],
      ],
      ['prod/eu-west-2/network', [{ root: 'staging', from: 'terraform_data.vpc', to: 'terraform_data.vpc' }]],
      [
        'prod/eu-west-2/staging/app',
        [
          { root: 'staging', from: 'terraform_data.web', to: 'terraform_data.web' },
          {
            root: 'staging',
            from: 'module.app.module.inner["a.b"].terraform_data.x',
            to: 'module.app.module.inner["a.b"].terraform_data.x',
          },
        ],
      ],
    ]);
  });

  it('follows rules first: renames, moves into modules, resources that stay; reports rules that matched nothing', () => {
    const { mapping, problems } = map(
      {
        account: ['terraform_data.old', 'module.legacy["x"].terraform_data.a', 'terraform_data.keep'],
        staging: [],
      },
      [
        rule(0, { from: 'terraform_data.old', to: 'terraform_data.role', target: { layer: 'iam' } }),
        rule(1, { from: 'module.legacy', to: 'module.policy.module.legacy', target: { layer: 'iam' } }),
        rule(2, { from: 'terraform_data.keep' }),
        rule(3, { from: 'terraform_data.gone', target: { layer: 'iam' } }),
      ],
    );
    expect(problems).toEqual([]);
    expect(mapping.receiving.get('prod/iam')).toEqual([
      { root: 'account', from: 'terraform_data.old', to: 'terraform_data.role' },
      {
        root: 'account',
        from: 'module.legacy["x"].terraform_data.a',
        to: 'module.policy.module.legacy["x"].terraform_data.a',
      },
    ]);
    expect(mapping.staying).toEqual([{ root: 'account', address: 'terraform_data.keep', rule: 2 }]);
    expect(mapping.unusedRules).toEqual([3]);
  });

  it('a module rule does not cover a module whose name only starts the same', () => {
    const { mapping } = map({ account: ['module.policy2.terraform_data.a'], staging: [] }, [
      rule(0, { from: 'module.policy2', target: { layer: 'iam' } }),
      rule(1, { from: 'module.policy' }),
    ]);
    expect(mapping.receiving.get('prod/iam')).toHaveLength(1);
    expect(mapping.staying).toEqual([]);
  });

  it('names the resource no layer and no rule claims, the one two rules claim, and two landing on one address', () => {
    const { problems } = map(
      { account: ['terraform_data.stray', 'terraform_data.both', 'terraform_data.role'], staging: [] },
      [
        rule(0, { from: 'terraform_data.both' }),
        rule(1, { root: 'account', from: 'terraform_data.both', target: { layer: 'iam' } }),
        rule(2, { from: 'terraform_data.stray', to: 'terraform_data.role', target: { layer: 'iam' } }),
      ],
    );
    expect(problems).toEqual([
      {
        at: ['rules', 1],
        message:
          "account's terraform_data.both is claimed by rules[0] and rules[1]; narrow one of them ('root', or a longer 'from')",
      },
      {
        at: ['roots', 'account'],
        message:
          "account's terraform_data.role and account's terraform_data.stray would both become terraform_data.role in prod/iam; rename one with a rule ('from', 'to')",
      },
    ]);
    const stray = map({ account: ['terraform_data.stray'], staging: [] }).problems;
    expect(stray).toEqual([
      {
        at: ['roots', 'account'],
        message:
          "account's terraform_data.stray: no layer's code declares terraform_data.stray and no rule covers it; add a rule with 'layer' (and 'to' if it is renamed) or 'stay: true'",
      },
    ]);
  });

  it('refuses a root that lacks the coordinates of the layer it feeds, and a rule naming an unknown layer', () => {
    const { problems } = map({ account: ['terraform_data.web'], staging: [] }, [
      rule(0, { from: 'terraform_data.x', target: { layer: 'nope' } }),
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "rules[0]: layer 'nope' is not in the manifest (layers: iam, network, app)",
      "account's terraform_data.web: layer 'app' is environment-scoped, but root 'account' names no region; set roots.account.region",
    ]);
  });

  it('property: every resource lands exactly once (one instance, or staying) or a problem names it', () => {
    const step = fc.constantFrom(
      'terraform_data.role',
      'terraform_data.vpc',
      'terraform_data.web',
      'terraform_data.other',
      'terraform_data.old',
    );
    const address = fc.oneof(
      step,
      fc
        .tuple(fc.constantFrom('module.policy', 'module.app', 'module.legacy'), step)
        .map(([module, tail]) => `${module}.${tail}`),
    );
    const arbitraryRule = fc.record({
      root: fc.constantFrom(null, 'account', 'staging'),
      from: fc.constantFrom(
        'terraform_data.old',
        'module.legacy',
        'terraform_data.other',
        'terraform_data.web',
      ),
      target: fc.constantFrom<MigrationRule['target']>('stay', { layer: 'iam' }, { layer: 'app' }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(address, { maxLength: 8 }),
        fc.uniqueArray(address, { maxLength: 8 }),
        fc.array(arbitraryRule, { maxLength: 4 }),
        (accountResources, stagingResources, rawRules) => {
          const rules = rawRules.map((raw, index) => rule(index, { ...raw, to: raw.from }));
          const { mapping, problems } = map({ account: accountResources, staging: stagingResources }, rules);
          const placed = [
            ...[...mapping.receiving.values()].flat().map((move) => `${move.root} ${move.from}`),
            ...mapping.staying.map((stay) => `${stay.root} ${stay.address}`),
          ];
          const named = (root: string, resource: string) =>
            problems.some((problem) => problem.message.includes(`${root}'s ${resource}`));
          // Nothing placed twice.
          expect(new Set(placed).size).toBe(placed.length);
          for (const [root, resources] of [
            ['account', accountResources],
            ['staging', stagingResources],
          ] as const) {
            for (const resource of resources) {
              const count = placed.filter((entry) => entry === `${root} ${resource}`).length;
              expect(count === 1 || named(root, resource)).toBe(true);
            }
          }
          // Nothing placed that was not there.
          expect(placed.length).toBeLessThanOrEqual(accountResources.length + stagingResources.length);
          // No two moves land on one address of one instance.
          for (const moves of mapping.receiving.values()) {
            expect(new Set(moves.map((move) => move.to)).size).toBe(moves.length);
          }
        },
      ),
    );
  });
});
