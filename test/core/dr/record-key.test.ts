import { describe, expect, it } from '@jest/globals';
import type { GuardRecord } from '../../../src/core/dr/failover-guard.js';
import { LEGACY_RECORD, legacyRecordIn, recordInstanceOf } from '../../../src/core/dr/record-key.js';

const record = (fields: Partial<GuardRecord>): GuardRecord => ({
  from: 'eu-west-2',
  to: 'eu-west-1',
  at: '2026-05-04T03:00:00Z',
  ...fields,
});

describe('recordInstanceOf', () => {
  it('names the region in the id and the layer, so any key template renders one key per region', () => {
    expect(recordInstanceOf('eu-west-1')).toEqual({
      id: 'strata/eu-west-1/failover-record',
      layer: 'strata-failover-record-eu-west-1',
    });
    expect(recordInstanceOf('eu-west-2').id).not.toBe(recordInstanceOf('eu-west-1').id);
    expect(recordInstanceOf('eu-west-2').layer).not.toBe(LEGACY_RECORD.layer);
  });
});

describe('legacyRecordIn', () => {
  it.each([
    ['a failover in effect to the region', record({})],
    ['a pending hold of a failback to the region', record({ mode: 'failback', status: 'pending' })],
    ['a failback done to the region', record({ mode: 'failback', restored: { a: null } })],
  ])("honours %s: the region's own record", (_, given) => {
    expect(legacyRecordIn(given, 'eu-west-1')).toEqual({ record: given });
  });

  it('ignores a record of a move to another region, with a note: a copy replicated from its store', () => {
    const hold = record({ mode: 'failback', from: 'eu-west-1', to: 'eu-west-2', status: 'pending' });
    expect(legacyRecordIn(hold, 'eu-west-1')).toEqual({
      record: null,
      note: "The failover record at the legacy key (strata/failover-record) in eu-west-1 is a failback from eu-west-1 to eu-west-2 (pending, recorded 2026-05-04T03:00:00Z): a copy replicated from eu-west-2's store, ignored; eu-west-1 holds no record of its own.",
    });
  });
});
