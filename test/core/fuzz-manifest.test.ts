import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ManifestError } from '../../src/core/errors.js';
import { parseManifest } from '../../src/core/manifest/parse-manifest.js';
import {
  BASE_MANIFESTS,
  CASE_LIMIT_MS,
  applyEdits,
  checkPipeline,
  examine,
  formatCounterexample,
  mutatedManifest,
  type MutatedManifest,
  type StructuralEdit,
} from '../../scripts/fuzz-manifest.js';
import { EXAMPLE_MANIFEST } from '../helpers/manifest-text.js';

/**
 * The pure manifest pipeline (parseManifest -> expandManifest -> computeWaves) on manifests that fast-check
 * mutates: keys renamed, deleted, duplicated; values of every type, huge numbers, unicode, shell and path
 * tricks; flow/block, anchors and aliases (bombs and self-references), tags, merge keys, YAML 1.1; indentation,
 * lines, documents, truncation at any byte, random bytes. The property: success, a UsageError, or a
 * ManifestError whose problems all have a line and column in the file and a message; nothing else is thrown,
 * and no case takes longer than CASE_LIMIT_MS. The mutations live in scripts/fuzz-manifest.ts, which runs
 * many more cases from any seed (`npx tsx scripts/fuzz-manifest.ts --runs 20000 --seed 7`).
 */

/** Fixed seed: a failure reproduces on every machine, and fast-check prints the shrunk counterexample. */
const RUNS = { seed: 20_240_502, numRuns: 2_500 };

describe('the manifest pipeline on mutated manifests', () => {
  it.each(BASE_MANIFESTS)('$name, unmutated, parses, expands and schedules', ({ text }) => {
    expect(examine(text)).toEqual({ outcome: 'ok' });
  });

  it('the mutations reach every stage: some manifests still pass, most fail in YAML, schema or expansion', () => {
    const outcomes = new Map<string, number>();
    const stages = new Set<string>();
    for (const { text } of fc.sample(mutatedManifest(), { seed: RUNS.seed, numRuns: 400 })) {
      const { outcome } = examine(text);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (outcome !== 'manifest-error') continue;
      try {
        parseManifest(text, 'layers.yml');
        stages.add('expansion'); // parsed, so expandManifest refused it
      } catch (error) {
        const message = (error as ManifestError).problems[0]!.message;
        stages.add(
          /^YAML/.test(message)
            ? 'yaml'
            : / must be | missing required key | unknown key /.test(message)
              ? 'schema'
              : 'checks',
        );
      }
    }
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(20);
    expect(outcomes.get('manifest-error') ?? 0).toBeGreaterThan(200);
    expect([...stages].sort()).toEqual(['checks', 'expansion', 'schema', 'yaml']);
  });

  const holds = (mutated: MutatedManifest) => {
    const violation = checkPipeline(mutated.text);
    if (violation)
      throw new Error(`${violation.kind}: ${violation.detail}\n${formatCounterexample(mutated)}`);
  };

  it(`never throws anything but a located ManifestError or a UsageError, nor takes over ${CASE_LIMIT_MS}ms (${RUNS.numRuns} cases)`, () => {
    fc.assert(fc.property(mutatedManifest(), holds), RUNS);
  });

  /** Counterexamples the fuzzer has found (shrunk), kept so each stays checked whatever a seed draws. */
  const FOUND: { seed: number; structural: StructuralEdit[] }[] = [
    { seed: 2, structural: [{ op: 'self-alias', pick: 51 }] }, // vars: &n61x0 { instance_count: 2, self: *n61x0 }
    { seed: 20_240_502, structural: [{ op: 'alias', from: 124, to: 314 }] }, // vars: &n61x0 { instance_count: *n61x0 }
  ];

  // Regression: the fuzzer's counterexamples (a self-referencing alias, now refused at the alias).
  it('the same property holds for every counterexample found so far', () => {
    const examples = FOUND.map(({ structural }): [MutatedManifest] => [
      {
        base: 'EXAMPLE_MANIFEST',
        structural,
        textual: [],
        text: applyEdits(EXAMPLE_MANIFEST, structural, []),
      },
    ]);
    fc.assert(fc.property(mutatedManifest(), holds), { examples, numRuns: examples.length });
  });

  it.each([
    { name: 'an empty file', text: '' },
    { name: 'a comment only', text: '# nothing here\n' },
    { name: 'a NUL byte', text: '\u0000' },
    { name: 'a byte-order mark first', text: `\ufeff${EXAMPLE_MANIFEST}` },
    { name: 'Windows line ends', text: EXAMPLE_MANIFEST.replace(/\n/g, '\r\n') },
    { name: 'a second document', text: `${EXAMPLE_MANIFEST}---\nversion: 1\n` },
    { name: 'a scalar document', text: '42\n' },
    {
      name: 'an alias bomb (9^4 values) in layer vars',
      text: EXAMPLE_MANIFEST.replace(
        'vars: { instance_count: 2 }',
        'vars:\n      a: &a [x,x,x,x,x,x,x,x,x]\n      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n      d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      ),
    },
    {
      name: 'the layers list containing itself',
      text: EXAMPLE_MANIFEST.replace('layers:\n', 'layers: &l\n  - *l\n'),
    },
    { name: 'the whole document containing itself', text: '&root\nversion: 1\nself: *root\n' },
    {
      name: 'a collection as a key',
      text: EXAMPLE_MANIFEST.replace('version: 1', 'version: 1\n? [a, b]\n: c'),
    },
    {
      name: 'an account called __proto__',
      text: EXAMPLE_MANIFEST.replace('  dev:\n    id', '  __proto__:\n    id'),
    },
    {
      name: 'an account called constructor',
      text: EXAMPLE_MANIFEST.replace('  dev:\n    id', '  constructor:\n    id'),
    },
    {
      name: 'parallelism beyond 2^53',
      text: EXAMPLE_MANIFEST.replace('parallelism: 4', 'parallelism: 123456789012345678901234567890'),
    },
    { name: 'parallelism .nan', text: EXAMPLE_MANIFEST.replace('parallelism: 4', 'parallelism: .nan') },
    {
      name: 'an account id tagged !!binary (YAML 1.1)',
      text: `%YAML 1.1\n---\n${EXAMPLE_MANIFEST.replace('id: "111111111111"', 'id: !!binary aGVsbG8=')}`,
    },
    {
      name: 'an account id tagged !!timestamp (YAML 1.1)',
      text: `%YAML 1.1\n---\n${EXAMPLE_MANIFEST.replace('id: "111111111111"', 'id: !!timestamp 2001-12-14')}`,
    },
    {
      name: 'a layer named like a shell command',
      text: EXAMPLE_MANIFEST.replace('name: dns', "name: 'pr-1; rm -rf /'"),
    },
    {
      name: 'a layer path leaving the repository',
      text: EXAMPLE_MANIFEST.replace('path: terraform/global/dns', 'path: ../x'),
    },
    {
      name: 'a truncation inside a multi-byte character',
      text: new TextDecoder().decode(new TextEncoder().encode(`version: 1\nx: "é`).slice(0, -1)),
    },
  ])('$name: no crash, every problem located', ({ text }) => {
    expect(checkPipeline(text)).toBeUndefined();
  });

  // Found by the fuzzer: YAML lets an alias sit inside its own anchor, which toJS turns into a cyclic object that
  // the schema accepts (vars may hold anything) and token checks recursed into forever. parseManifest now refuses
  // such an alias where it stands.
  it.each([
    {
      where: 'vars',
      text: EXAMPLE_MANIFEST.replace(
        'vars: { instance_count: 2 }',
        'vars: &a { instance_count: 2, self: *a }',
      ),
    },
    {
      where: 'a list in vars',
      text: EXAMPLE_MANIFEST.replace('vars: { instance_count: 2 }', 'vars: { items: &a [1, *a] }'),
    },
    {
      where: 'mock_outputs',
      text: EXAMPLE_MANIFEST.replace('vars: { instance_count: 2 }', 'mock_outputs: &a { self: *a }'),
    },
  ])(
    'an alias inside its own anchor in $where is a located ManifestError, not a stack overflow',
    ({ text }) => {
      const outcome = examine(text);
      expect(outcome.violation?.detail).toBeUndefined();
      expect(outcome.outcome).toBe('manifest-error');
      expect(() => parseManifest(text, 'layers.yml')).toThrow(/alias \*a refers to a value that contains it/);
    },
  );
});
