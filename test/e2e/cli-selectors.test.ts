import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { instanceVariables, runCliWithResult } from '../helpers/run-dist.js';
import { copyOfEstate, freshEstate, needSucceeded, stage } from '../helpers/estates.js';
import { terraformEnv, terraformsUnderTest } from '../helpers/terraform-binary.js';

/**
 * test/estates/selectors through the CLI: a dependency on the primary region's instance (`as: hub`), a fan-in
 * over every region, and mock outputs that let a new estate plan, but never apply; against the stand-in, and
 * against real OpenTofu when there is one. Each case has its own estate (test/helpers/estates.ts): two stages,
 * the plan on mock outputs and the apply, are built once, on first use, by the runs their cases assert on;
 * the other cases run on copies of them.
 */
describe.each(terraformsUnderTest())('dependency selectors and mock outputs ($name)', (terraform) => {
  const run = (estate: string, command: string, ...extra: string[]) => {
    const result = runCliWithResult(estate, command, extra, terraformEnv(terraform));
    return { ...result, json: result.json! };
  };
  const instance = (result: RunResult, id: string) => result.instances.find((entry) => entry.id === id)!;
  const stateOf = (estate: string, region: string, id: string) =>
    JSON.parse(readFileSync(path.join(estate, 'state', region, `${id}.tfstate`), 'utf8')) as {
      resources: unknown[];
      outputs: Record<string, { value: unknown }>;
    };
  const newEstate = () => freshEstate('test/estates/selectors', 'strata-selectors-');
  /** A new estate planned on mock outputs, the plans saved in the work folder `reviewed`. */
  const plannedOnMocks = stage(() => {
    const estate = newEstate();
    return { estate, plan: run(estate, 'plan', '--work-dir', 'reviewed') };
  });
  const applied = stage(() => {
    const estate = newEstate();
    return { estate, apply: run(estate, 'apply') };
  });
  const copyOfApplied = () => {
    const { estate, apply } = applied();
    needSucceeded('the apply of the selectors estate', apply);
    return copyOfEstate(estate, 'strata-selectors-');
  };

  it('plans a new estate on mock outputs, saying which upstreams were mocked', () => {
    const { estate, plan } = plannedOnMocks();
    expect(plan.stderr).not.toContain('failed');
    expect(plan.status).toBe(0);
    expect(plan.json.instances.every((entry) => entry.status === 'succeeded')).toBe(true);
    expect(instance(plan.json, 'shared/eu-west-1/network').mockedUpstreams).toEqual(['shared/keys']);
    // Each mocked upstream once, however many of the instance's inputs it feeds.
    expect(instance(plan.json, 'shared/eu-west-2/peering').mockedUpstreams).toEqual([
      'shared/eu-west-2/network',
    ]);
    expect(instance(plan.json, 'shared/inventory').mockedUpstreams.sort()).toEqual([
      'shared/eu-west-1/network',
      'shared/eu-west-2/network',
    ]);
    expect(instanceVariables(estate, 'shared/eu-west-1/peering', 'reviewed')).toMatchObject({
      hub: { cidr_block: '10.255.0.0/16' },
      network: { cidr_block: '10.255.0.0/16' },
    });
  });

  it('refuses to apply a saved plan that was made on mock outputs', () => {
    const { estate: planned, plan } = plannedOnMocks();
    needSucceeded('the plan on mock outputs', plan);
    const apply = run(copyOfEstate(planned, 'strata-selectors-'), 'apply', '--plan-dir', 'reviewed');
    expect(apply.status).toBe(1);
    expect(instance(apply.json, 'shared/keys').status).toBe('succeeded');
    const network = instance(apply.json, 'shared/eu-west-2/network');
    expect(network.status).toBe('failed');
    expect(network.error).toBe(
      'refusing to apply the saved plan for shared/eu-west-2/network: it was made with mock outputs of shared/keys, which had not been applied yet; plan it again now that they are, review that plan, and apply it',
    );
    expect(instance(apply.json, 'shared/inventory')).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('failed') as unknown,
    });
  });

  it('applies with real outputs: by layer name, under `as:`, and as a fan-in map keyed by region', () => {
    const { estate, apply } = applied();
    const variablesOf = (id: string) => instanceVariables(estate, id);
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    expect(variablesOf('shared/eu-west-2/network')).toMatchObject({
      keys: { key_arn: 'arn:aws:kms:eu-west-2:333333333333:key/state' },
    });
    expect(variablesOf('shared/eu-west-1/peering')).toMatchObject({
      hub: { cidr_block: '10.20.0.0/16' },
      network: { cidr_block: '10.10.0.0/16' },
    });
    expect(variablesOf('shared/inventory').network).toEqual({
      'eu-west-1': { cidr_block: '10.10.0.0/16' },
      'eu-west-2': { cidr_block: '10.20.0.0/16' },
    });
    expect(stateOf(estate, 'eu-west-1', 'shared/eu-west-1/peering').outputs).toMatchObject({
      peered_with: { value: '10.20.0.0/16' },
    });
    expect(stateOf(estate, 'eu-west-2', 'shared/eu-west-2/peering').outputs).toMatchObject({
      peered_with: { value: '' },
    });
    expect(stateOf(estate, 'eu-west-2', 'shared/inventory').outputs).toEqual({
      cidr_blocks: {
        type: expect.anything() as unknown,
        value: { 'eu-west-1': '10.10.0.0/16', 'eu-west-2': '10.20.0.0/16' },
      },
    });
  });

  it('plans again and finds nothing to change, with no mocks left', () => {
    const plan = run(copyOfApplied(), 'plan');
    expect(plan.status).toBe(0);
    expect(plan.json.hasChanges).toBe(false);
    expect(plan.json.instances.flatMap((entry) => entry.mockedUpstreams)).toEqual([]);
  });

  it('destroys in reverse order and leaves every state empty', () => {
    const estate = copyOfApplied();
    const destroy = run(estate, 'destroy');
    expect(destroy.status).toBe(0);
    const finished = (id: string) => Date.parse(instance(destroy.json, id).finishedAt!);
    const started = (id: string) => Date.parse(instance(destroy.json, id).startedAt!);
    expect(finished('shared/inventory')).toBeLessThanOrEqual(started('shared/eu-west-1/network'));
    expect(finished('shared/eu-west-1/peering')).toBeLessThanOrEqual(started('shared/eu-west-2/network'));
    expect(finished('shared/eu-west-2/network')).toBeLessThanOrEqual(started('shared/keys'));
    for (const entry of destroy.json.instances) {
      expect({
        id: entry.id,
        resources: stateOf(estate, entry.region ?? 'eu-west-2', entry.id).resources,
      }).toEqual({
        id: entry.id,
        resources: [],
      });
    }
  });
});
