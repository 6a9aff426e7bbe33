import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareToPreview, describeDifferences } from '../../../src/core/dr/compare-to-preview.js';

const RUNS = { seed: 42, numRuns: 300 };
const ACTIONS = ['create', 'update', 'delete', 'replace', 'create-then-forget', 'forget', 'read', 'other'];
const LOSES = new Set(['delete', 'replace', 'forget', 'other']);

const change = (address: string, action: string) => ({ address, action });

describe('compareToPreview', () => {
  it.each([
    ['the same changes', [change('a', 'create')], [change('a', 'create')], []],
    [
      'a create on a value that was mocked: another address',
      [change('a', 'create')],
      [change('a', 'create'), change('b[1]', 'create')],
      [change('b[1]', 'create')],
    ],
    ['an in-place change the preview did not have', [], [change('a', 'update')], [change('a', 'update')]],
    [
      'a create that became an update (the object exists by now)',
      [change('a', 'create')],
      [change('a', 'update')],
      [change('a', 'update')],
    ],
    ['a replacement the preview showed', [change('a', 'replace')], [change('a', 'replace')], []],
    ['a destroy the preview showed', [change('a', 'delete')], [change('a', 'delete')], []],
    [
      'fewer changes than previewed',
      [change('a', 'create'), change('b', 'create')],
      [change('a', 'create')],
      [],
    ],
  ])('accepts %s', (_, previewed, fresh, differences) => {
    expect(compareToPreview({ changes: previewed }, fresh)).toEqual({
      ok: true,
      differences: differences.map((d) => ({
        address: d.address,
        previewed: previewed.find((p) => p.address === d.address)?.action ?? null,
        planned: d.action,
      })),
    });
  });

  it.each([
    [
      'a replacement of what the preview showed as an update',
      [change('a', 'update')],
      change('a', 'replace'),
      'update',
    ],
    ['a replacement the preview did not show at all', [], change('a', 'replace'), null],
    ['a destroy of what the preview created', [change('a', 'create')], change('a', 'delete'), 'create'],
    ['a forget (dropped from state) the preview did not show', [], change('a', 'forget'), null],
    ['an action Strata does not know', [], change('a', 'other'), null],
  ])('refuses %s', (_, previewed, fresh, shown) => {
    expect(compareToPreview({ changes: previewed }, [change('ok', 'create'), fresh])).toEqual({
      ok: false,
      unexpected: [{ address: fresh.address, previewed: shown, planned: fresh.action }],
    });
  });

  it('describes each difference with what the preview showed', () => {
    expect(
      describeDifferences([
        { address: 'aws_db_instance.main', previewed: 'update', planned: 'replace' },
        { address: 'aws_s3_bucket.logs', previewed: null, planned: 'delete' },
      ]),
    ).toBe(
      '  aws_db_instance.main: replace (the preview showed update)\n  aws_s3_bucket.logs: delete (the preview showed no change)',
    );
  });

  it('says "not previewed" of an instance the preview could not plan yet', () => {
    expect(describeDifferences([{ address: 'a', previewed: null, planned: 'create' }], 'not previewed')).toBe(
      '  a: create (not previewed)',
    );
  });

  const plan = fc.uniqueArray(
    fc.record({ address: fc.constantFrom('a', 'b', 'c', 'd', 'e'), action: fc.constantFrom(...ACTIONS) }),
    { selector: (entry) => entry.address, maxLength: 5 },
  );

  it('a plan equal to the preview always passes, with no differences', () => {
    fc.assert(
      fc.property(plan, (changes) => {
        expect(compareToPreview({ changes }, changes)).toEqual({ ok: true, differences: [] });
      }),
      RUNS,
    );
  });

  it('refuses exactly when a change that loses something is not in the preview with that action', () => {
    fc.assert(
      fc.property(plan, plan, (previewed, fresh) => {
        const shown = new Map(previewed.map((entry) => [entry.address, entry.action]));
        const unexpected = fresh.filter(
          (entry) => LOSES.has(entry.action) && shown.get(entry.address) !== entry.action,
        );
        const comparison = compareToPreview({ changes: previewed }, fresh);
        expect(comparison.ok).toBe(unexpected.length === 0);
        if (!comparison.ok)
          expect(comparison.unexpected.map((entry) => entry.address)).toEqual(
            unexpected.map((entry) => entry.address),
          );
        else expect(comparison.differences.every((entry) => !LOSES.has(entry.planned))).toBe(true);
      }),
      RUNS,
    );
  });
});
