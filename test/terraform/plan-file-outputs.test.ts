import { describe, expect, it } from '@jest/globals';
import { zipSync } from 'fflate';
import { storedOutputsOfPlanFile } from '../../src/terraform/plan-file-outputs.js';

const text = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const planWith = (entries: Record<string, unknown>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, text(value)])));

describe('storedOutputsOfPlanFile', () => {
  it('reads the outputs of the stored state (tfstate-prev), not of the refreshed one (tfstate)', () => {
    const plan = planWith({
      tfplan: 'binary',
      tfstate: { version: 4, outputs: { id: { value: 'refreshed', type: 'string' } } },
      'tfstate-prev': {
        version: 4,
        outputs: {
          id: { value: 'stored', type: 'string' },
          password: { value: 'hunter2', type: 'string', sensitive: true },
          shape: { value: { size: 2 }, type: ['object', { size: 'number' }] },
        },
      },
    });
    expect(storedOutputsOfPlanFile(plan)).toEqual({
      id: { sensitive: false, type: 'string', value: 'stored' },
      password: { sensitive: true, type: 'string', value: 'hunter2' },
      shape: { sensitive: false, type: ['object', { size: 'number' }], value: { size: 2 } },
    });
  });

  it('gives no outputs for a state that has none', () => {
    expect(storedOutputsOfPlanFile(planWith({ 'tfstate-prev': { version: 4, outputs: {} } }))).toEqual({});
    expect(storedOutputsOfPlanFile(planWith({ 'tfstate-prev': { version: 4 } }))).toEqual({});
  });

  it.each([
    ['a file that is no zip (an encrypted plan)', Buffer.from('{"format":"other"}')],
    ['an empty file', new Uint8Array()],
    ['a zip without the stored state', planWith({ tfplan: 'x', tfstate: { version: 4, outputs: {} } })],
    ['a stored state that is no JSON', planWith({ 'tfstate-prev': 'not json' })],
    ['another state format version', planWith({ 'tfstate-prev': { version: 3, outputs: {} } })],
    ['outputs that are no object', planWith({ 'tfstate-prev': { version: 4, outputs: [] } })],
    [
      'an output without a value',
      planWith({ 'tfstate-prev': { version: 4, outputs: { id: { type: 'string' } } } }),
    ],
  ])('gives undefined, so that Strata runs output instead, for %s', (_, file) => {
    expect(storedOutputsOfPlanFile(file)).toBeUndefined();
  });
});
