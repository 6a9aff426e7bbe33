import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { MIN_SECRET_LENGTH, createRedactor } from '../../src/terraform/redact.js';
import { SENSITIVE_VALUE, redactPlanJson } from '../../src/terraform/redact-plan-json.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';

type Json = Record<string, unknown>;
const readPlan = (name: string) => JSON.parse(readFixture('terraform', name)) as Json;

/** Every string value in a JSON tree: keys excluded, and the values of the `skip` keys too. */
function stringLeaves(value: unknown, skip: ReadonlySet<string> = new Set(), into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringLeaves(item, skip, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) if (!skip.has(key)) stringLeaves(item, skip, into);
  }
  return into;
}

/** Follows a path of keys and indexes. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

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

describe('redactPlanJson', () => {
  it.each([
    // A sensitive variable feeding a resource attribute and a sensitive output; also in the variable's default.
    { name: 'plan-sensitive-values.tfv1.5.7-testfixture.json', secrets: ['boop'] },
    // Sensitive attributes of random_bytes, in before, prior state and planned values.
    { name: 'plan-replace-sensitive-attrs.tf1.7.5.json', secrets: ['hxk5iA==', '87193988'] },
  ])('leaves no sensitive value of $name anywhere', ({ name, secrets }) => {
    const original = readPlan(name);
    const text = JSON.stringify(redactPlanJson(original));
    for (const secret of secrets) {
      expect(JSON.stringify(original)).toContain(secret); // The fixture does hold it…
      expect(text).not.toContain(secret); // …and the redacted copy does not.
    }
    expect(text).toContain(SENSITIVE_VALUE);
  });

  it('leaves no sensitive value of plan-create-with-outputs-sensitive, though `bar` is also a key, a name and a substring', () => {
    // The sensitive output `foo` is the constant "bar"; "bar" is also a module argument's name, a resource's
    // name and part of "foobar", so the check is on string values, not on the JSON text.
    const original = readPlan('plan-create-with-outputs-sensitive.tf1.2.0rc1.json');
    expect(stringLeaves(original)).toContain('bar');
    const redacted = redactPlanJson(original);
    // The resource `null_resource.bar` is named bar: a name, not a value, and kept (see NAME_FIELDS).
    expect(stringLeaves(redacted, new Set(['name']))).not.toContain('bar');
    expect(at(redacted, 'resource_changes', 2, 'name')).toBe('bar');
    expect(at(redacted, 'output_changes', 'foo', 'after')).toBe(SENSITIVE_VALUE);
    expect(at(redacted, 'planned_values', 'outputs', 'foo', 'value')).toBe(SENSITIVE_VALUE);
    expect(
      at(redacted, 'configuration', 'root_module', 'outputs', 'foo', 'expression', 'constant_value'),
    ).toBe(SENSITIVE_VALUE);
    // Not sensitive, and not equal to the secret: kept.
    expect(at(redacted, 'output_changes', 'string', 'after')).toBe('foo');
    expect(at(redacted, 'configuration', 'root_module', 'variables', 'foo', 'description')).toBe('foobar');
  });

  it('masks by the marks, keeps the rest, and does not touch its input', () => {
    const original = readPlan('plan-sensitive-values.tfv1.5.7-testfixture.json');
    const redacted = redactPlanJson(original);
    expect(at(redacted, 'resource_changes', 0, 'change', 'after')).toEqual({ ami: SENSITIVE_VALUE });
    expect(at(redacted, 'resource_changes', 0, 'change', 'before')).toBeNull();
    // Marked sensitive but null (the output did not exist): null, so a renderer still sees a creation.
    expect(at(redacted, 'output_changes', 'test', 'before')).toBeNull();
    expect(at(redacted, 'output_changes', 'test', 'after')).toBe(SENSITIVE_VALUE);
    expect(at(redacted, 'resource_changes', 0, 'address')).toBe('test_instance.test');
    expect(at(redacted, 'variables', 'test_var', 'value')).toBe(SENSITIVE_VALUE);
    expect(at(redacted, 'configuration', 'root_module', 'variables', 'test_var', 'default')).toBe(
      SENSITIVE_VALUE,
    );
    expect(at(original, 'variables', 'test_var', 'value')).toBe('boop');
  });

  it('masks the sensitive content of local_file but not its file name', () => {
    const redacted = redactPlanJson(readPlan('plan-create-3-resources.tf1.13.5.json'));
    expect(at(redacted, 'resource_changes', 0, 'change', 'after', 'content')).toBe(SENSITIVE_VALUE);
    expect(at(redacted, 'resource_changes', 0, 'change', 'after', 'filename')).toBe('../test.txt');
  });

  const unmarked = readdirSync(fixturePath('terraform')).filter((name) =>
    [
      'plan-update-in-place.tf1.7.5.json',
      'plan-modules.tfv1.5.7-testfixture.json',
      'eqtest-complex-update.plan.json',
    ].includes(name),
  );
  it.each(unmarked)('changes nothing in %s, which marks nothing sensitive', (name) => {
    expect(redactPlanJson(readPlan(name))).toEqual(readPlan(name));
  });

  it('masks through module calls, drift and configuration literals, keeping names', () => {
    // Made up for the case: a sensitive module variable given a literal, the same literal set on a
    // schema-sensitive attribute (Terraform writes config literals without marks), and drift.
    const marked = { password: true };
    const plan: Json = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'module.db.aws_db_instance.main',
          name: 'main',
          change: {
            actions: ['update'],
            before: { password: 'main' },
            after: { password: 'hunter22', name: 'db' },
            before_sensitive: marked,
            after_sensitive: marked,
          },
        },
      ],
      resource_drift: [
        {
          address: 'module.db.aws_db_instance.main',
          change: {
            actions: ['update'],
            before: { password: 'old-pass' },
            after: { password: 'main' },
            before_sensitive: marked,
            after_sensitive: marked,
          },
        },
      ],
      configuration: {
        root_module: {
          module_calls: {
            db: {
              source: './db',
              expressions: { password: { constant_value: 'hunter22' }, size: { constant_value: 'small' } },
              module: {
                variables: { password: { sensitive: true }, size: {} },
                resources: [
                  {
                    address: 'aws_db_instance.main',
                    expressions: {
                      password: { constant_value: 'hunter22' },
                      note: { constant_value: 'the password is hunter22' },
                    },
                  },
                ],
              },
            },
          },
        },
      },
    };
    const redacted = redactPlanJson(plan);
    const text = JSON.stringify(redacted);
    for (const secret of ['hunter22', 'old-pass']) expect(text).not.toContain(secret);
    expect(
      at(
        redacted,
        'configuration',
        'root_module',
        'module_calls',
        'db',
        'expressions',
        'size',
        'constant_value',
      ),
    ).toBe('small');
    const resource = at(
      redacted,
      'configuration',
      'root_module',
      'module_calls',
      'db',
      'module',
      'resources',
      0,
    );
    expect(at(resource, 'expressions', 'note', 'constant_value')).toBe('the password is ***');
    // `main` was a sensitive value too, but names and addresses are not values: they stay readable.
    expect(at(redacted, 'resource_changes', 0, 'address')).toBe('module.db.aws_db_instance.main');
    expect(at(redacted, 'resource_changes', 0, 'name')).toBe('main');
    expect(at(redacted, 'resource_changes', 0, 'change', 'after', 'name')).toBe('db');
  });

  it('returns anything that is not an object as it came', () => {
    expect(redactPlanJson(null)).toBeNull();
    expect(redactPlanJson([1, 'a'])).toEqual([1, 'a']);
  });
});
