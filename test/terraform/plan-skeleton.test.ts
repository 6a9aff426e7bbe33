import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { PlanSkeletonReader } from '../../src/terraform/plan-skeleton.js';
import { parsePlanJson } from '../../src/terraform/plan-summary.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';

const PLANS = readdirSync(fixturePath('terraform'))
  .filter((name) => name.startsWith('plan-') && name.endsWith('.json') && !name.includes('terragrunt'))
  .concat([
    'eqtest-drift-simple.plan.json',
    'eqtest-outputs-only.plan.json',
    'eqtest-complex-update.plan.json',
  ]);

/** Feeds the text in chunks of the given sizes, cycling, so values and escapes straddle chunk boundaries. */
function skeletonOf(text: string, sizes: number[]): string {
  const reader = new PlanSkeletonReader();
  let offset = 0;
  for (let index = 0; offset < text.length; index++) {
    const size = sizes[index % sizes.length]!;
    reader.write(text.slice(offset, offset + size));
    offset += size;
  }
  return reader.end();
}

describe('PlanSkeletonReader', () => {
  it.each(PLANS)('summarises %s exactly as the whole document does, whatever the chunking', (name) => {
    const text = readFixture('terraform', name);
    const whole = parsePlanJson(text);
    for (const sizes of [[text.length], [1], [7, 1, 64], [4096]]) {
      expect(parsePlanJson(skeletonOf(text, sizes))).toEqual(whole);
    }
  });

  it('keeps none of the attribute values', () => {
    const text = readFixture('terraform', 'plan-large-300-creates.tf1.13.5.json');
    const skeleton = skeletonOf(text, [65536]);
    expect(skeleton.length).toBeLessThan(text.length / 10);
    expect(skeleton).not.toContain('"after":');
  });

  it('refuses a document cut short', () => {
    const text = readFixture('terraform', 'plan-create-single.tf1.7.5.json');
    expect(() => skeletonOf(text.slice(0, text.length / 2), [100])).toThrow('the plan JSON ended early');
  });

  // OpenTofu prints this on stdout before the JSON when TF_CLI_CONFIG_FILE names a file that is not there.
  it('reads the plan after a warning Terraform printed before it', () => {
    const text = readFixture('terraform', 'plan-create-single.tf1.7.5.json');
    const warning =
      '╷\n│ Warning: Unable to open CLI configuration file\n│ \n│ The CLI configuration file at "/root/.terraformrc" does not exist.\n╵\n\n';
    for (const sizes of [[1], [4096]]) {
      expect(parsePlanJson(skeletonOf(warning + text, sizes))).toEqual(parsePlanJson(text));
    }
  });

  it('says what it got when there is no JSON at all', () => {
    expect(() => skeletonOf('Error: something went wrong\n', [5])).toThrow(
      'the output held no plan JSON, only: Error: something went wrong',
    );
  });
});
