import { describe, expect, it } from '@jest/globals';
import { TerraformOutputError } from '../../src/terraform/errors.js';
import { outputValues, parseOutputsJson, sensitiveValues } from '../../src/terraform/outputs.js';
import { readFixture } from '../helpers/fixtures.js';

/**
 * There is no real `terraform output -json` capture (see the fixtures' SOURCES.md). The nearest real data has
 * the same shape: `values.outputs` of a state from `terraform show -json`, and the outputs of a UI apply
 * stream. The tests below take those objects out and print them as `terraform output -json` would.
 */
const stateOutputs = (
  JSON.parse(readFixture('terraform', 'eqtest-outputs-only.state.json')) as {
    values: { outputs: Record<string, unknown> };
  }
).values.outputs;
const applyStreamLines = readFixture('terraform', 'ui-apply-with-outputs.tf1.3.7.jsonl').trim().split('\n');
const applyOutputs = (JSON.parse(applyStreamLines.at(-1) ?? '') as { outputs: Record<string, unknown> })
  .outputs;

describe('parseOutputsJson', () => {
  it('reads the outputs of a real state (equivalence test), nested values intact', () => {
    const outputs = parseOutputsJson(JSON.stringify(stateOutputs, null, 2));
    expect(Object.keys(outputs)).toEqual([
      'list_empty_default',
      'list_no_default',
      'nested_optional_object',
      'nested_optional_object_with_default',
      'nested_optional_object_with_embedded_default',
    ]);
    expect(outputs.list_no_default?.sensitive).toBe(false);
    expect(outputs.list_no_default?.type).toEqual([
      'list',
      [
        'object',
        {
          optional_attribute: 'string',
          optional_attribute_with_default: 'string',
          required_attribute: 'string',
        },
      ],
    ]);
    expect(outputValues(outputs).nested_optional_object_with_default).toEqual({
      nested_object: { flag: false },
    });
    expect(sensitiveValues(outputs)).toEqual([]);
  });

  it('reads the outputs of a real apply stream, with the sensitive one in clear text', () => {
    const outputs = parseOutputsJson(JSON.stringify(applyOutputs));
    expect(outputValues(outputs)).toEqual({
      complex: { keyA: { someList: [1, 2, 3] }, keyB: { someBool: true, someStr: 'hello' } },
      secret: 'my-secret',
      simple: ['some', 'list'],
    });
    expect(sensitiveValues(outputs)).toEqual(['my-secret']);
  });

  it('reads no outputs as an empty object', () => {
    expect(parseOutputsJson('{}\n')).toEqual({});
  });

  it('skips lines a wrapper prints around the JSON, a JSON log line included', () => {
    const text = [
      '{"Version":1,"ClientId":"","Type":"ApiCallAttempt","Service":"S3","Api":"ListObjectsV2"}',
      '\u001b[33mWarning: something to say\u001b[0m',
      JSON.stringify(applyOutputs, null, 2),
      '',
      'Warning: Deprecated Parameter',
      '  The parameter "dynamodb_table" is deprecated.',
    ].join('\n');
    expect(Object.keys(parseOutputsJson(text))).toEqual(['complex', 'secret', 'simple']);
  });

  it.each([
    [
      'not JSON',
      'Error: No outputs found',
      /expected an object of .*got no JSON object in "Error: No outputs found"/,
    ],
    ['no sensitive flag', '{"a":{"value":1}}', /'a' has no boolean sensitive/],
    ['no value', '{"a":{"sensitive":false,"type":"string"}}', /'a' has no value/],
    ['a bare value', '{"a":"b"}', /'a' is not an object/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseOutputsJson(text)).toThrow(TerraformOutputError);
    expect(() => parseOutputsJson(text)).toThrow(message);
  });
});

describe('sensitiveValues', () => {
  it('gives every string and number leaf of sensitive outputs as strings, and nothing of the others', () => {
    const outputs = parseOutputsJson(
      JSON.stringify({
        db: {
          sensitive: true,
          type: ['object', {}],
          value: { user: 'admin', port: 5432, hosts: ['a.example', 'b.example'], tls: true, spare: null },
        },
        token: { sensitive: true, type: 'string', value: 's3cr3t-token' },
        region: { sensitive: false, type: 'string', value: 'eu-west-2' },
      }),
    );
    expect(sensitiveValues(outputs)).toEqual(['admin', '5432', 'a.example', 'b.example', 's3cr3t-token']);
    expect(outputValues(outputs).region).toBe('eu-west-2');
  });
});
