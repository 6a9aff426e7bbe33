import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { instanceVariables, runCli, runCliWithResult } from '../helpers/run-dist.js';
import { terraformEnv, terraformsUnderTest } from '../helpers/terraform-binary.js';
import { copyOfEstate, freshEstate, needSucceeded, stage } from '../helpers/estates.js';

/**
 * The whole example estate through the CLI, as a user runs it: plan, apply, plan again, destroy; against the
 * stand-in, and again against real OpenTofu (or STRATA_TERRAFORM) when there is one. Each case has its own
 * estate (test/helpers/estates.ts): the plan a fresh copy; the cases after the apply a copy of the applied
 * estate, which is built once, on first use, by the apply the apply case asserts on, and never changed.
 */
/** The instances of the example's stateful layer, which a destroy must name in --allow-destroy. */
const DATA_INSTANCES = [
  'dev/eu-west-1/data',
  'dev/eu-west-2/data',
  'prod/eu-west-1/data',
  'prod/eu-west-2/data',
];

describe.each(terraformsUnderTest())(
  'strata plan / apply / destroy on examples/multi-region ($name)',
  (terraform) => {
    const run = (estate: string, command: string, ...extra: string[]) =>
      runCliWithResult(estate, command, extra, terraformEnv(terraform));
    const byId = (result: RunResult) => new Map(result.instances.map((instance) => [instance.id, instance]));
    const applied = stage(() => {
      const estate = freshEstate();
      return { estate, result: run(estate, 'apply', '--parallelism', '3') };
    });
    const copyOfApplied = () => {
      const { estate, result } = applied();
      needSucceeded('the apply of the example estate', result);
      return copyOfEstate(estate);
    };

    it('plans everything and finds changes, with mock-free waits reported for new upstreams', () => {
      const result = run(freshEstate(), 'plan');
      expect(result.json).toBeDefined();
      const plan = result.json!;
      expect(plan.command).toBe('plan');
      // Nothing is applied yet: the instances without upstreams plan; those waiting on them say so.
      expect(byId(plan).get('dns')).toMatchObject({ status: 'succeeded', changes: { add: 1 } });
      expect(byId(plan).get('prod/eu-west-2/network')!.reason).toContain('waits on upstream prod/iam');
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/\[\d+\/15\] dns {2}succeeded {2}\+1 ~0 -0 {2}\d+\.\ds/);
    });

    it('applies everything in dependency order, passing upstream outputs down', () => {
      const { estate, result } = applied();
      expect(result.stderr).not.toContain('failed');
      expect(result.status).toBe(0);
      const apply = result.json!;
      expect(apply.status).toBe('succeeded');
      expect(apply.instances).toHaveLength(15);
      const instances = byId(apply);
      const graph = JSON.parse(
        runCli(['graph', '--manifest', path.join(estate, 'layers.yml'), '--format', 'json']).stdout,
      ) as { nodes: { id: string; dependsOn: string[] }[] };
      for (const node of graph.nodes) {
        for (const dependency of node.dependsOn) {
          expect(Date.parse(instances.get(dependency)!.finishedAt!)).toBeLessThanOrEqual(
            Date.parse(instances.get(node.id)!.startedAt!),
          );
        }
      }
      const app = instanceVariables(estate, 'prod/eu-west-2/staging/app');
      expect(app).toMatchObject({
        region: 'eu-west-2',
        environment: 'staging',
        role: 'primary',
        instance_count: 2,
        dns: { zone_name: 'example.internal' },
        network: { cidr_block: '10.20.0.0/16', snapshot_bucket: 'example-snapshots-eu-west-2' },
      });
      expect((app.network as { vpc_id: string }).vpc_id).toMatch(/^vpc-[0-9a-f]+$/);
      expect(instanceVariables(estate, 'prod/eu-west-1/network')).toMatchObject({
        iam: { deploy_role_arn: expect.stringContaining('222222222222') as unknown },
      });
      expect(result.stdout).toContain('apply succeeded: 15 succeeded');
    });

    it('never prints a sensitive value', () => {
      const estate = copyOfApplied();
      const apply = run(estate, 'apply');
      expect(apply.status).toBe(0);
      // The secret is there to leak: the state holds the sensitive output in clear text, as Terraform keeps it.
      const state = readFileSync(
        path.join(estate, 'state', 'eu-west-2', 'prod', 'eu-west-2', 'staging', 'app.tfstate'),
        'utf8',
      );
      expect(state).toContain('example-only-not-a-secret');
      expect(`${apply.stdout}${apply.stderr}`).not.toContain('example-only-not-a-secret');
    });

    it('plans again and finds nothing to change', () => {
      const result = run(copyOfApplied(), 'plan');
      expect(result.status).toBe(0);
      expect(result.json!.hasChanges).toBe(false);
      for (const instance of result.json!.instances) {
        expect({ id: instance.id, changes: instance.changes }).toEqual({
          id: instance.id,
          changes: { add: 0, change: 0, destroy: 0, replace: 0 },
        });
      }
    });

    it('destroys everything in reverse order and leaves every state empty', () => {
      const estate = copyOfApplied();
      // The data layer is stateful: without the flag its instances are refused.
      const refused = run(estate, 'destroy', '--layer', 'data');
      expect(refused.status).toBe(1);
      expect(refused.json!.instances.map((instance) => instance.status)).toEqual(Array(4).fill('failed'));
      const result = run(estate, 'destroy', ...DATA_INSTANCES.flatMap((id) => ['--allow-destroy', id]));
      expect(result.status).toBe(0);
      const destroy = result.json!;
      const instances = byId(destroy);
      expect(Date.parse(instances.get('prod/eu-west-2/staging/app')!.finishedAt!)).toBeLessThanOrEqual(
        Date.parse(instances.get('prod/eu-west-2/network')!.startedAt!),
      );
      expect(Date.parse(instances.get('prod/eu-west-2/network')!.finishedAt!)).toBeLessThanOrEqual(
        Date.parse(instances.get('prod/iam')!.startedAt!),
      );
      for (const instance of destroy.instances) {
        expect(instance.status).toBe('succeeded');
        const region = instance.region ?? 'eu-west-2';
        const state = JSON.parse(
          readFileSync(path.join(estate, 'state', region, `${instance.id}.tfstate`), 'utf8'),
        ) as { resources: unknown[] };
        expect({ id: instance.id, resources: state.resources }).toEqual({ id: instance.id, resources: [] });
      }
    });
  },
);
