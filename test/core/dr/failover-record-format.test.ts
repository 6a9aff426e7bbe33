import { describe, expect, it } from '@jest/globals';
import {
  OWN_KEY_OUTPUT,
  asRecord,
  recordConfiguration,
  type FailoverRecord,
} from '../../../src/core/dr/failover-record-format.js';
import { RefusalError } from '../../../src/core/errors.js';

const MARKER = `output "${OWN_KEY_OUTPUT}" {\n  value = "per-region"\n}\n`;

describe('recordConfiguration', () => {
  it('writes a cleared record as the marker output alone', () => {
    expect(recordConfiguration(null)).toBe(MARKER);
  });

  it('writes every field as an HCL string, defaults filled, templates in free text escaped', () => {
    const record: FailoverRecord = {
      from: 'us-east-1',
      to: 'eu-west-1',
      at: '2026-12-03T10:00:00.000Z',
      restored: { 'prod/eu-west-1/data': 'snap ${var.x} %{if}' },
      scope: ['prod'],
    };
    const text = recordConfiguration(record);
    expect(text).toContain('    from     = "us-east-1"\n');
    expect(text).toContain('    status   = "in-effect"\n');
    expect(text).toContain('    mode     = "failover"\n');
    expect(text).toContain('    scope    = ["prod"]\n');
    // JSON text inside an HCL string: `${` and `%{` doubled, so Terraform keeps them as written.
    expect(text).toContain('    restored = "{\\"prod/eu-west-1/data\\":\\"snap $${var.x} %%{if}\\"}"');
    expect(text.endsWith(MARKER)).toBe(true);
  });

  it('leaves out restored and scope when the move has none', () => {
    const text = recordConfiguration({ from: 'a', to: 'b', at: 't', scope: [] });
    expect(text).not.toContain('restored');
    expect(text).not.toContain('scope');
  });
});

describe('asRecord', () => {
  it('reads back what a record output holds, the restored map parsed from its JSON text', () => {
    const output = {
      from: 'us-east-1',
      to: 'eu-west-1',
      at: 't',
      status: 'pending',
      restored: JSON.stringify({ 'prod/eu-west-1/data': 'snap-1', 'prod/eu-west-1/cache': null }),
    };
    expect(asRecord(output, 'eu-west-1')).toEqual({
      ...output,
      restored: { 'prod/eu-west-1/data': 'snap-1', 'prod/eu-west-1/cache': null },
    });
  });

  it.each([
    ['nothing', null],
    ['a record without its target', { from: 'a', at: 't' }],
    ['an empty source', { from: '', to: 'b', at: 't' }],
    ['a scope that is not a list of names', { from: 'a', to: 'b', at: 't', scope: 'prod' }],
    ['restored that is not JSON text', { from: 'a', to: 'b', at: 't', restored: '{' }],
    ['restored points that are not text', { from: 'a', to: 'b', at: 't', restored: '{"x":1}' }],
  ])('refuses %s, naming the region and what it found', (_, value) => {
    expect(() => asRecord(value, 'eu-west-1')).toThrow(RefusalError);
    expect(() => asRecord(value, 'eu-west-1')).toThrow(
      `the failover record in eu-west-1 is not one Strata wrote: ${JSON.stringify(value)}`,
    );
  });
});
