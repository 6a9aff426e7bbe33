import { describe, expect, it } from '@jest/globals';
import { heldRecordLockMessage, lockPathOf, replicatedFrom } from '../../../src/core/dr/record-lock.js';
import type { LockInfo } from '../../../src/terraform/lock-info.js';

const lock = (path: string, fields: Partial<LockInfo> = {}): LockInfo => ({
  id: '8b01bc45-e161-64fe-18d5-aef0b2231d1e',
  path,
  operation: 'OperationTypeApply',
  who: 'alice@ops',
  version: '1.12.6',
  createdText: '2026-05-04 03:00:00 +0000 UTC',
  createdAt: new Date('2026-05-04T03:00:00Z'),
  info: '',
  message: 'resource temporarily unavailable',
  ...fields,
});

describe('lockPathOf', () => {
  it.each([
    [
      { type: 's3', config: { bucket: 'tfstate-eu-west-1', key: 'strata/failover-record.tfstate' } },
      'tfstate-eu-west-1/strata/failover-record.tfstate',
    ],
    [{ type: 'local', config: { path: '../state/eu-west-1/r.tfstate' } }, '../state/eu-west-1/r.tfstate'],
    [{ type: 'local', config: {} }, 'terraform.tfstate'],
    [{ type: 's3', config: { bucket: 'b' } }, undefined],
    [{ type: 'gcs', config: { bucket: 'b', prefix: 'p' } }, undefined],
  ])('%j → %s', (backend, expected) => {
    expect(lockPathOf(backend)).toBe(expected);
  });
});

describe('replicatedFrom', () => {
  const paths = new Map([
    ['eu-west-2', 'tfstate-eu-west-2/strata/failover-record.tfstate'],
    ['eu-west-1', 'tfstate-eu-west-1/strata/failover-record.tfstate'],
    ['us-east-1', undefined],
  ]);

  it.each([
    [
      "another region's record: a replicated copy",
      'tfstate-eu-west-2/strata/failover-record.tfstate',
      'eu-west-2',
    ],
    [
      "the region's own record: someone may hold it",
      'tfstate-eu-west-1/strata/failover-record.tfstate',
      null,
    ],
    ['a path of no record Strata knows', 'tfstate-eu-west-1/other.tfstate', null],
    ['no path at all', '', null],
  ])('%s', (_, path, expected) => {
    expect(replicatedFrom(lock(path), 'eu-west-1', paths)).toBe(expected);
  });
});

describe('heldRecordLockMessage', () => {
  it('names the lock, its holder, and how to go on with the binary in use', () => {
    const text = heldRecordLockMessage(
      lock('tfstate-eu-west-1/strata/failover-record.tfstate'),
      'eu-west-1',
      'tofu',
    );
    expect(text).toBe(
      "the failover record in eu-west-1 is locked: lock 8b01bc45-e161-64fe-18d5-aef0b2231d1e on tfstate-eu-west-1/strata/failover-record.tfstate, held by alice@ops (OperationTypeApply) since 2026-05-04 03:00:00 +0000 UTC. Another Strata run (a failover, a failback, a deploy hold or its release) may be writing it: wait for that run to end, then run this command again. If no run holds it (its run was killed), release it with 'tofu force-unlock 8b01bc45-e161-64fe-18d5-aef0b2231d1e' in a directory configured with the record's backend, then run this command again.",
    );
  });

  it('says what it does not know of a lock whose record could not be read', () => {
    const text = heldRecordLockMessage(
      lock('', { id: '', who: '', operation: '', createdText: '' }),
      'eu-west-1',
      'terraform',
    );
    expect(text).toContain(
      'lock (no id) on an unknown path, held by an unknown holder (unknown operation) since an unknown time',
    );
    expect(text).toContain("'terraform force-unlock <ID>'");
  });
});
