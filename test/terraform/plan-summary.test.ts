import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { TerraformOutputError } from '../../src/terraform/errors.js';
import { parseJsonObjects } from '../../src/terraform/json-objects.js';
import { parsePlanJson, planLine, type PlanCounts } from '../../src/terraform/plan-summary.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';

const TERRAGRUNT = 'plan-terragrunt-show-all-3-units.tf1.13.5.json';
const planFixtures = readdirSync(fixturePath('terraform'))
  .filter((name) => /^plan-.*\.json$|^eqtest-.*\.plan\.json$/.test(name))
  .filter((name) => name !== TERRAGRUNT)
  .sort();

const read = (name: string) => parsePlanJson(readFixture('terraform', name));

const ZERO: PlanCounts = {
  add: 0,
  change: 0,
  destroy: 0,
  replace: 0,
  forget: 0,
  import: 0,
  read: 0,
  noop: 0,
  other: 0,
};

/** A fixture changed for one case; the change is made here, in the test, and the fixture file is untouched. */
function derived(name: string, edit: (plan: Record<string, unknown>) => void): string {
  const plan = JSON.parse(readFixture('terraform', name)) as Record<string, unknown>;
  edit(plan);
  return JSON.stringify(plan);
}

/** The plan's first resource change, and its `change` object. */
function firstChangeOf(plan: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  const [entry] = plan.resource_changes as Record<string, unknown>[];
  if (!entry) throw new Error('the fixture has no resource change');
  return [entry, entry.change as Record<string, unknown>];
}

describe('parsePlanJson on every plan fixture', () => {
  it('finds the fixtures', () => {
    expect(planFixtures.length).toBeGreaterThanOrEqual(24);
  });

  const withText = planFixtures
    .map((name) => ({ name, text: name.replace(/\.json$/, '.txt') }))
    .filter(({ text }) => existsSync(fixturePath('terraform', text)));
  const withPlanLine = withText
    .map(({ name, text }) => ({ name, line: /^Plan: .*$/m.exec(readFixture('terraform', text))?.[0] }))
    .filter((entry): entry is { name: string; line: string } => entry.line !== undefined);

  it('has text twins with a Plan line to check against', () => {
    expect(withPlanLine.map((entry) => entry.name)).toEqual([
      'eqtest-complex-update.plan.json',
      'eqtest-drift-simple.plan.json',
      'plan-create-3-resources.tf1.13.5.json',
      'plan-delete-2-resources.tf1.13.5.json',
      'plan-forget-removed-block.tf1.13.5.json',
      'plan-large-300-creates.tf1.13.5.json',
      'plan-replace-2-resources.tf1.13.5.json',
    ]);
  });

  it.each(planFixtures)('%s parses', (name) => {
    const summary = read(name);
    expect(summary.formatVersion).toMatch(/^1\.\d+$/);
    for (const change of summary.resourceChanges) expect(change.actions).not.toBe('no-op');
  });

  it.each(withPlanLine)('$name matches the Plan line of its text twin', ({ name, line }) => {
    expect(planLine(read(name).counts)).toBe(line);
  });

  it.each(withText.filter(({ name }) => !withPlanLine.some((entry) => entry.name === name)))(
    '$name has no resource change, as its text twin has no Plan line',
    ({ name }) => {
      const summary = read(name);
      expect(summary.resourceChanges).toEqual([]);
      expect(summary.counts).toEqual(ZERO);
    },
  );
});

describe('parsePlanJson, fixture by fixture', () => {
  it('forget: a removed block with destroy = false, outside Terraform’s three numbers', () => {
    const summary = read('plan-forget-removed-block.tf1.13.5.json');
    expect(summary.counts).toEqual({ ...ZERO, forget: 1 });
    expect(summary.resourceChanges).toEqual([
      {
        address: 'local_file.test2',
        actions: 'forget',
        rawActions: ['forget'],
        actionReason: 'delete_because_no_resource_config',
        isImporting: false,
      },
    ]);
    expect(summary.hasChanges).toBe(true);
    expect(planLine(summary.counts)).toBe('Plan: 0 to add, 0 to change, 0 to destroy.');
  });

  it('replace: delete-then-create counts as one add and one destroy; the no-op is counted, not listed', () => {
    const summary = read('plan-replace-2-resources.tf1.13.5.json');
    expect(summary.counts).toEqual({ ...ZERO, add: 2, destroy: 2, replace: 2, noop: 1 });
    expect(summary.resourceChanges.map((c) => [c.address, c.actions, c.rawActions, c.actionReason])).toEqual([
      ['local_file.test', 'replace', ['delete', 'create'], 'replace_because_cannot_update'],
      ['local_file.test3', 'replace', ['delete', 'create'], 'replace_because_cannot_update'],
    ]);
  });

  it('delete: both deletes carry their reason', () => {
    const summary = read('plan-delete-2-resources.tf1.13.5.json');
    expect(summary.counts).toEqual({ ...ZERO, destroy: 2, noop: 1 });
    expect(summary.resourceChanges.map((c) => c.actionReason)).toEqual([
      'delete_because_no_resource_config',
      'delete_because_no_resource_config',
    ]);
  });

  it('sensitive: the sensitive output is flagged', () => {
    const summary = read('plan-sensitive-values.tfv1.5.7-testfixture.json');
    expect(summary.outputChanges).toEqual([
      { name: 'test', actions: 'create', rawActions: ['create'], isSensitive: true },
    ]);
    expect(summary.counts).toEqual({ ...ZERO, add: 1 });
  });

  it('outputs: only `foo` of the eight created outputs is sensitive', () => {
    const summary = read('plan-create-with-outputs-sensitive.tf1.2.0rc1.json');
    expect(summary.outputChanges).toHaveLength(8);
    expect(summary.outputChanges.filter((o) => o.isSensitive).map((o) => o.name)).toEqual(['foo']);
    expect(summary.counts.add).toBe(7);
  });

  it('unknown outputs: outputs only, values unknown until apply, still a change', () => {
    const summary = read('plan-unknown-outputs.tfv1.5.7-testfixture.json');
    expect(summary.resourceChanges).toEqual([]);
    expect(summary.outputChanges.map((o) => [o.name, o.actions, o.isSensitive])).toEqual([
      ['bar', 'create', false],
      ['baz', 'create', false],
      ['foo', 'create', false],
    ]);
    expect(summary.hasChanges).toBe(true);
  });

  it('outputs only (equivalence test): five output creates and no resource', () => {
    const summary = read('eqtest-outputs-only.plan.json');
    expect(summary.outputChanges).toHaveLength(5);
    expect(summary.hasChanges).toBe(true);
  });

  it('modules: creates inside child modules keep their full address', () => {
    const summary = read('plan-modules.tfv1.5.7-testfixture.json');
    expect(summary.resourceChanges.map((c) => c.address)).toEqual([
      'module.module_test_bar.test_instance.test',
      'module.module_test_foo.test_instance.test[0]',
      'module.module_test_foo.test_instance.test[1]',
      'module.module_test_foo.test_instance.test[2]',
    ]);
    expect(summary.counts).toEqual({ ...ZERO, add: 4 });
  });

  it('checks: the checks array is ignored and the two creates counted', () => {
    const summary = read('plan-with-checks.tf1.5.4.json');
    expect(summary.resourceChanges.map((c) => c.address)).toEqual([
      'module.files.local_file.foo["file1.txt"]',
      'module.files.local_file.foo["file2.txt"]',
    ]);
    expect(summary.counts).toEqual({ ...ZERO, add: 2 });
  });

  it('drift: resource_drift is reported apart from the planned changes', () => {
    const summary = read('plan-resource-drift.tfv1.5.7-testfixture.json');
    expect(summary.hasDrift).toBe(true);
    expect(summary.drift.map((d) => [d.address, d.actions])).toEqual([
      ['test_instance.should_refresh', 'update'],
    ]);
    expect(summary.counts).toEqual({ ...ZERO, change: 2 });
    expect(read('eqtest-drift-simple.plan.json').hasDrift).toBe(true);
    expect(read('plan-update-in-place.tf1.7.5.json').hasDrift).toBe(false);
  });

  it('errored (OpenTofu): errored is true, nothing is planned, the other flags are absent', () => {
    const summary = read('plan-errored.opentofu-testfixture.json');
    expect(summary.errored).toBe(true);
    expect(summary.applyable).toBeUndefined();
    expect(summary.complete).toBeUndefined();
    expect(summary.terraformVersion).toBeUndefined();
    expect(summary.counts).toEqual(ZERO);
    expect(summary.hasChanges).toBe(false);
  });

  it('compact one-line output (Terraform 1.15): a tainted replacement', () => {
    const summary = read('plan-replace-tainted-compact.tf1.15.0.json');
    expect(summary.terraformVersion).toBe('1.15.0');
    expect(summary.complete).toBe(true);
    expect(summary.errored).toBeUndefined();
    expect(summary.resourceChanges).toEqual([
      {
        address: 'null_resource.example',
        actions: 'replace',
        rawActions: ['delete', 'create'],
        actionReason: 'replace_because_tainted',
        isImporting: false,
      },
    ]);
  });

  it('identity: an update that imports, counted as Terraform counts imports', () => {
    const summary = read('plan-update-import-identity.tf1.13.0dev.json');
    expect(summary.counts).toEqual({ ...ZERO, change: 1, import: 1 });
    expect(summary.resourceChanges[0]).toMatchObject({
      address: 'corner_user_identity.user',
      isImporting: true,
    });
    expect(planLine(summary.counts)).toBe('Plan: 1 to import, 0 to add, 1 to change, 0 to destroy.');
  });

  it('300 creates: every instance counted and listed once', () => {
    const summary = read('plan-large-300-creates.tf1.13.5.json');
    expect(summary.counts).toEqual({ ...ZERO, add: 300 });
    expect(new Set(summary.resourceChanges.map((c) => c.address)).size).toBe(300);
  });

  it('no changes: applyable false, complete true, nothing to do', () => {
    const summary = read('plan-no-changes.tf1.13.5.json');
    expect(summary).toMatchObject({ errored: false, applyable: false, complete: true, hasChanges: false });
  });

  it('a lone no-op is counted but is not a change', () => {
    const summary = read('plan-noop-single.tf1.7.5.json');
    expect(summary.counts).toEqual({ ...ZERO, noop: 1 });
    expect(summary.hasChanges).toBe(false);
  });
});

describe('parsePlanJson, actions the fixtures lack (derived from plan-create-single)', () => {
  const base = 'plan-create-single.tf1.7.5.json';
  const withActions = (actions: unknown[], mode = 'managed') =>
    parsePlanJson(
      derived(base, (plan) => {
        const [entry, change] = firstChangeOf(plan);
        entry.mode = mode;
        change.actions = actions;
      }),
    );

  it.each([
    { actions: ['create', 'delete'], action: 'replace', counts: { add: 1, destroy: 1, replace: 1 } },
    { actions: ['create', 'forget'], action: 'create-then-forget', counts: { add: 1, forget: 1 } },
    { actions: ['open'], action: 'other', counts: { other: 1 } },
    { actions: ['forget', 'create'], action: 'other', counts: { other: 1 } },
    { actions: [], action: 'other', counts: { other: 1 } },
  ])('$actions is $action', ({ actions, action, counts }) => {
    const summary = withActions(actions);
    expect(summary.counts).toEqual({ ...ZERO, ...counts });
    expect(summary.resourceChanges).toHaveLength(1);
    expect(summary.resourceChanges[0]).toMatchObject({ actions: action, rawActions: actions });
  });

  it('a data source read is listed as read and left out of add/change/destroy', () => {
    const summary = withActions(['read'], 'data');
    expect(summary.counts).toEqual({ ...ZERO, read: 1 });
    expect(summary.resourceChanges[0]?.actions).toBe('read');
    expect(summary.hasChanges).toBe(false);
    expect(planLine(summary.counts)).toBe('Plan: 0 to add, 0 to change, 0 to destroy.');
  });

  it('a data source that is not read is skipped entirely, as Terraform skips it', () => {
    expect(withActions(['delete'], 'data').counts).toEqual(ZERO);
    expect(withActions(['delete'], 'data').resourceChanges).toEqual([]);
  });

  it('a deposed object keeps its key', () => {
    const text = derived(base, (plan) => {
      const [entry, change] = firstChangeOf(plan);
      entry.deposed = '00000001';
      change.actions = ['delete'];
    });
    expect(parsePlanJson(text).resourceChanges[0]).toMatchObject({ actions: 'delete', deposed: '00000001' });
  });

  it('accepts any 1.x format version', () => {
    const text = derived(base, (plan) => (plan.format_version = '1.99'));
    expect(parsePlanJson(text).formatVersion).toBe('1.99');
  });

  it('skips a wrapper’s log line before the JSON', () => {
    const text = `[terragrunt] 2025/01/01 running show\n${readFixture('terraform', base)}`;
    expect(parsePlanJson(text).counts.add).toBe(1);
  });
});

describe('parsePlanJson refuses what is not one plan', () => {
  it('refuses the terragrunt multi-document output by name', () => {
    const text = readFixture('terraform', TERRAGRUNT);
    expect(() => parsePlanJson(text)).toThrow(TerraformOutputError);
    expect(() => parsePlanJson(text)).toThrow(
      /expected one plan, got 3 JSON documents.*terragrunt show --all -json/,
    );
  });

  it('reads each terragrunt unit on its own, matching the three Plan lines of the text', () => {
    const units = parseJsonObjects(readFixture('terraform', TERRAGRUNT));
    const lines = readFixture('terraform', TERRAGRUNT.replace(/\.json$/, '.txt')).match(/^Plan: .*$/gm);
    expect(units.map((unit) => planLine(parsePlanJson(JSON.stringify(unit)).counts))).toEqual(lines);
  });

  it.each([
    {
      case: 'format 2.0',
      edit: (p: Record<string, unknown>) => (p.format_version = '2.0'),
      message: /expected plan format_version 1\.x, got format_version '2\.0'/,
    },
    {
      case: 'format 0.1',
      edit: (p: Record<string, unknown>) => (p.format_version = '0.1'),
      message: /format_version '0\.1'/,
    },
    {
      case: 'numeric format',
      edit: (p: Record<string, unknown>) => (p.format_version = 1),
      message: /a plan with a format_version/,
    },
    {
      case: 'no format',
      edit: (p: Record<string, unknown>) => delete p.format_version,
      message: /a plan with a format_version, got an object with keys/,
    },
  ])('refuses $case', ({ edit, message }) => {
    const text = derived('plan-create-single.tf1.7.5.json', edit);
    expect(() => parsePlanJson(text)).toThrow(message);
  });

  it('refuses a state, saying so', () => {
    const text = readFixture('terraform', 'eqtest-outputs-only.state.json');
    expect(() => parsePlanJson(text)).toThrow(/got a state \(values, no planned_values\)/);
  });

  it('refuses a plan broken in the middle as one broken document, not as the objects inside it', () => {
    const text = readFixture('terraform', 'plan-create-3-resources.tf1.13.5.json').replace(
      '"address"',
      'address',
    );
    expect(() => parsePlanJson(text)).toThrow(
      /expected one JSON plan document, got text that is not a JSON object/,
    );
  });

  it.each([
    ['', /got text that is not a JSON object: empty output/],
    ['Error: Failed to load plugin schemas', /not a JSON object: "Error: Failed to load plugin schemas"/],
    ['[1, 2]', /not a JSON object/],
  ])('refuses %j', (text, message) => {
    expect(() => parsePlanJson(text)).toThrow(message);
  });
});
