import type { GuardRecord } from './failover-guard.js';
import { RefusalError } from '../errors.js';

/**
 * The failover record: a small Terraform state, written through the manifest's own backend into the
 * surviving region, that says a failover is in effect. A normal apply reads it and refuses to run while the
 * manifest still names the failed region as primary, so a push to main cannot undo a failover or reach for
 * the failed region. Failback clears it. Each region's record is an instance of its own
 * (`strata/<region>/failover-record`, core/dr/record-key.ts), so replication of a region's store into another
 * never copies it over the other region's.
 */
export type FailoverRecord = GuardRecord;

/**
 * An output every record Strata writes at a region's own key carries, cleared or not: with it, no record there
 * means none; without it the key was never written, and the legacy key may still hold the region's record.
 */
export const OWN_KEY_OUTPUT = 'record_key';

/** The record's configuration at the region's own key; with null, a record cleared (its marker output only). */
export function recordConfiguration(record: FailoverRecord | null): string {
  const marker = `output "${OWN_KEY_OUTPUT}" {\n  value = "per-region"\n}\n`;
  if (record === null) return marker;
  const fields = {
    from: record.from,
    to: record.to,
    at: record.at,
    status: record.status ?? 'in-effect',
    mode: record.mode ?? 'failover',
    // As JSON text: one string however many instances, read back as it was written.
    ...(record.restored ? { restored: JSON.stringify(record.restored) } : {}),
    // Only a move of some accounts or environments has one: the estate's record stays as it always was.
    ...(record.scope?.length ? { scope: record.scope } : {}),
  };
  const input = Object.entries(fields)
    .map(([name, value]) => `    ${name.padEnd(8)} = ${hclString(value)}`)
    .join('\n');
  return `resource "terraform_data" "failover" {\n  input = {\n${input}\n  }\n}\n\noutput "failover" {\n  value = terraform_data.failover.output\n}\n\n${marker}`;
}

/** A string (or list of them) as an HCL literal: JSON's escapes, and no `${` or `%{` template (a recovery point is free text). */
function hclString(value: string | readonly string[]): string {
  return JSON.stringify(value).replace(/([$%])\{/g, '$1$1{');
}

export function asRecord(value: unknown, region: string): FailoverRecord {
  const record = value as Partial<Record<keyof FailoverRecord, unknown>> | null;
  const isText = (field: unknown) => typeof field === 'string' && field !== '';
  const isScope = (field: unknown) =>
    field === undefined || field === null || (Array.isArray(field) && field.every(isText));
  const notOurs = () =>
    new RefusalError(`the failover record in ${region} is not one Strata wrote: ${JSON.stringify(value)}`);
  if (!record || !isText(record.from) || !isText(record.to) || !isText(record.at) || !isScope(record.scope)) {
    throw notOurs();
  }
  if (record.restored === undefined) return record as FailoverRecord;
  if (typeof record.restored !== 'string') throw notOurs();
  let restored: unknown;
  try {
    restored = JSON.parse(record.restored);
  } catch {
    throw notOurs();
  }
  const isRestoredMap =
    typeof restored === 'object' &&
    restored !== null &&
    Object.values(restored).every((point) => point === null || typeof point === 'string');
  if (!isRestoredMap) throw notOurs();
  return { ...record, restored } as FailoverRecord;
}
