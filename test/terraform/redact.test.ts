import { describe, expect, it } from '@jest/globals';
import { MIN_SECRET_LENGTH, createRedactor } from '../../src/terraform/redact.js';

describe('createRedactor', () => {
  it.each([
    { case: 'every occurrence', secrets: ['hunter22'], text: 'a hunter22 b hunter22', want: 'a *** b ***' },
    {
      case: 'the longest secret first',
      secrets: ['abcd', 'abcdef'],
      text: 'xabcdefx abcdx',
      want: 'x***x ***x',
    },
    {
      case: 'regex characters literally',
      secrets: ['a.b*c(d)'],
      text: 'a.b*c(d) aXbbc(d)',
      want: '*** aXbbc(d)',
    },
    {
      case: 'each line of a multi-line secret',
      secrets: ['line-one\nline-two'],
      text: 'line-two\r\nline-one',
      want: '***\r\n***',
    },
    {
      case: 'the JSON-escaped form',
      secrets: ['pa"ss\\word'],
      text: '{"p":"pa\\"ss\\\\word"}',
      want: '{"p":"***"}',
    },
    {
      case: `nothing shorter than ${MIN_SECRET_LENGTH}`,
      secrets: ['abc', 'on', ''],
      text: 'abc on',
      want: 'abc on',
    },
    { case: 'nothing with no secrets', secrets: [], text: 'plain text', want: 'plain text' },
  ])('masks $case', ({ secrets, text, want }) => {
    expect(createRedactor(secrets).redact(text)).toBe(want);
  });

  it('masks values added later, with the ones given first', () => {
    const redactor = createRedactor(['first-secret']);
    expect(redactor.redact('first-secret second-secret')).toBe('*** second-secret');
    redactor.add(['second-secret']);
    expect(redactor.redact('first-secret second-secret')).toBe('*** ***');
  });

  it('masks tens of megabytes against hundreds of secrets in one pass', () => {
    const secrets = Array.from({ length: 300 }, (_, i) => `k${i.toString(36)}-${(i * 7919).toString(16)}-zz`);
    const line = 'module.app.aws_instance.web[0]: Still creating... [10s elapsed] ';
    const lines = Array.from(
      { length: 200_000 },
      (_, i) => line + (i % 1000 === 0 ? secrets[i % 300]! : 'ok'),
    );
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(12_000_000);
    const started = Date.now();
    const redacted = createRedactor(secrets).redact(text);
    expect(Date.now() - started).toBeLessThan(5000); // Linear; about 0.1 s here. The bound only catches a blow-up.
    expect(redacted.match(/\*\*\*/g)).toHaveLength(200);
    for (const used of secrets.filter((_, i) => i % 100 === 0)) expect(redacted.includes(used)).toBe(false);
  });
});
