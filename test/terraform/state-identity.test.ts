import { describe, expect, it } from '@jest/globals';
import { parseStateIdentity } from '../../src/terraform/state-identity.js';

describe('parseStateIdentity', () => {
  it('reads the lineage and serial of a pulled state', () => {
    const text = JSON.stringify({ version: 4, serial: 7, lineage: 'c0ffee', resources: [] });
    expect(parseStateIdentity(text)).toEqual({ lineage: 'c0ffee', serial: 7 });
  });

  it('no state yet: state pull prints nothing', () => {
    expect(parseStateIdentity('')).toBeNull();
    expect(parseStateIdentity('\n')).toBeNull();
  });

  it('refuses what is not a state', () => {
    expect(() => parseStateIdentity('oops')).toThrow(
      "terraform state pull: expected a state in JSON, got 'oops'",
    );
    expect(() => parseStateIdentity('{"version":4}')).toThrow('expected a state with a lineage and a serial');
  });
});
