import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../../src/core/errors.js';
import {
  managedResources,
  parseStateDocument,
  receivingState,
  restoringState,
  trimmedState,
  type StateDocument,
  type StateResource,
} from '../../../src/core/migrate/state-document.js';
import { isCoveredBy, splitAddress, topLevelStep } from '../../../src/core/migrate/resource-address.js';

const resource = (fields: Partial<StateResource> & { name: string }): StateResource => ({
  mode: 'managed',
  type: 'terraform_data',
  provider: 'provider["terraform.io/builtin/terraform"]',
  instances: [{ schema_version: 0, attributes: { id: `id-${fields.name}` } }],
  ...fields,
});

const state = (fields: Partial<StateDocument>): StateDocument => ({
  version: 4,
  terraform_version: '1.12.6',
  serial: 7,
  lineage: 'old-lineage',
  outputs: { a: { value: 1 } },
  resources: [],
  ...fields,
});

const OLD = state({
  resources: [
    resource({ name: 'a' }),
    resource({
      name: 'b',
      instances: [{ attributes: { id: 'id-b' }, dependencies: ['terraform_data.a', 'terraform_data.c'] }],
    }),
    resource({ name: 'c' }),
    resource({ mode: 'data', type: 'terraform_remote_state', name: 'a' }),
  ],
});

describe('resource addresses', () => {
  it('splits the last two steps off, whatever an instance key holds', () => {
    expect(splitAddress('module.a["x.y"].module.b.aws_s3_bucket.logs')).toEqual({
      module: 'module.a["x.y"].module.b',
      type: 'aws_s3_bucket',
      name: 'logs',
    });
    expect(splitAddress('aws_s3_bucket.logs')).toEqual({ module: '', type: 'aws_s3_bucket', name: 'logs' });
    expect(topLevelStep('module.a["x"].t.n')).toBe('module.a');
    expect(isCoveredBy('module.a["x"].t.n', 'module.a')).toBe(true);
    expect(isCoveredBy('t.n', 't.n')).toBe(true);
    expect(isCoveredBy('t.name', 't.n')).toBe(false);
  });
});

describe('state documents', () => {
  it('reads a pulled state; nothing pulled is no state; anything else is refused', () => {
    expect(parseStateDocument('', 'root a')).toBeNull();
    expect(parseStateDocument(JSON.stringify(OLD), 'root a')?.serial).toBe(7);
    expect(() => parseStateDocument('{"version":3}', 'root a')).toThrow(UsageError);
    expect(() => parseStateDocument('nope', 'root a')).toThrow('the state of root a is not JSON');
    expect([...managedResources(OLD).keys()]).toEqual([
      'terraform_data.a',
      'terraform_data.b',
      'terraform_data.c',
    ]);
  });

  it('a new receiving state takes the given lineage and serial 1; moved resources are renamed, and so are their dependencies', () => {
    const { state: written, added } = receivingState({
      current: null,
      sources: new Map([['old', OLD]]),
      moves: [
        { root: 'old', from: 'terraform_data.a', to: 'module.m.terraform_data.renamed' },
        { root: 'old', from: 'terraform_data.b', to: 'terraform_data.b' },
      ],
      lineage: 'new-lineage',
      instanceId: 'prod/iam',
    });
    expect(added).toEqual(['module.m.terraform_data.renamed', 'terraform_data.b']);
    expect(written).toMatchObject({
      version: 4,
      lineage: 'new-lineage',
      serial: 1,
      outputs: {},
      terraform_version: '1.12.6',
    });
    expect(written?.resources[0]).toMatchObject({
      module: 'module.m',
      type: 'terraform_data',
      name: 'renamed',
    });
    expect(written?.resources[1]?.instances[0]?.dependencies).toEqual([
      'module.m.terraform_data.renamed',
      'terraform_data.c',
    ]);
  });

  it('an existing receiving state keeps its lineage and goes one serial up; what it holds as moved is left, anything else refused', () => {
    const current = state({ lineage: 'target', serial: 3, resources: [resource({ name: 'a' })] });
    const moves = [
      { root: 'old', from: 'terraform_data.a', to: 'terraform_data.a' },
      { root: 'old', from: 'terraform_data.c', to: 'terraform_data.c' },
    ];
    const result = receivingState({
      current,
      sources: new Map([['old', OLD]]),
      moves,
      lineage: 'unused',
      instanceId: 'x',
    });
    expect(result.alreadyThere).toEqual(['terraform_data.a']);
    expect(result.added).toEqual(['terraform_data.c']);
    expect(result.state).toMatchObject({ lineage: 'target', serial: 4 });
    expect(result.state?.resources.map((each) => each.name)).toEqual(['a', 'c']);

    const finished = receivingState({
      current: result.state,
      sources: new Map([['old', OLD]]),
      moves,
      lineage: 'unused',
      instanceId: 'x',
    });
    expect(finished).toEqual({
      state: null,
      added: [],
      alreadyThere: ['terraform_data.a', 'terraform_data.c'],
    });

    const other = state({
      resources: [resource({ name: 'a', instances: [{ attributes: { id: 'another' } }] })],
    });
    expect(() =>
      receivingState({
        current: other,
        sources: new Map([['old', OLD]]),
        moves,
        lineage: 'unused',
        instanceId: 'prod/iam',
      }),
    ).toThrow("prod/iam already holds terraform_data.a, and not as old's terraform_data.a");
  });

  it('trims moved resources (never data sources) one serial up, and restores a backup over what is there now', () => {
    const trimmed = trimmedState(OLD, new Set(['terraform_data.a', 'data.terraform_remote_state.a']));
    expect(trimmed.serial).toBe(8);
    expect(trimmed.resources.map((each) => `${each.mode} ${each.name}`)).toEqual([
      'managed b',
      'managed c',
      'data a',
    ]);
    expect(restoringState(OLD, trimmed)).toEqual({ ...OLD, serial: 9 });
    expect(restoringState(OLD, OLD)).toBeNull();
    expect(restoringState(null, null)).toBeNull();
    expect(restoringState(null, trimmed)).toEqual({ ...trimmed, serial: 9, outputs: {}, resources: [] });
  });
});
