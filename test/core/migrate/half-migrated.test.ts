import { describe, expect, it } from '@jest/globals';
import { halfMigratedInstances, halfMigratedMessage } from '../../../src/core/migrate/half-migrated.js';
import { actionWording } from '../../../src/action/action-wording.js';
import { terminalWording } from '../../../src/cli/terminal-wording.js';

const receiving = new Map([
  [
    'prod/iam',
    [
      { root: 'account', from: 'aws_iam_role.old', to: 'aws_iam_role.ci' },
      { root: 'account', from: 'aws_iam_policy.p', to: 'aws_iam_policy.p' },
    ],
  ],
  ['prod/eu-west-2/network', [{ root: 'staging', from: 'aws_vpc.main', to: 'aws_vpc.main' }]],
]);

describe('halfMigratedInstances', () => {
  it('finds an instance that holds, at the new address, a resource its root still holds', () => {
    const held = new Map([
      ['prod/iam', new Set(['aws_iam_role.ci', 'aws_iam_policy.p'])],
      ['prod/eu-west-2/network', new Set<string>()],
    ]);
    expect(halfMigratedInstances(receiving, held)).toEqual([
      { id: 'prod/iam', moves: receiving.get('prod/iam') },
    ]);
  });

  it('does not count a move not started, the old address, or an instance with nothing to receive', () => {
    const held = new Map([
      ['prod/iam', new Set(['aws_iam_role.old'])],
      ['prod/eu-west-2/network', new Set<string>()],
      ['prod/eu-west-2/staging/app', new Set(['aws_vpc.main'])],
    ]);
    expect(halfMigratedInstances(receiving, held)).toEqual([]);
  });

  it('names each instance, its roots and the command that finishes it', () => {
    const message = halfMigratedMessage('migrate.yml', [
      { id: 'prod/iam', moves: receiving.get('prod/iam') ?? [] },
      { id: 'prod/eu-west-2/network', moves: receiving.get('prod/eu-west-2/network') ?? [] },
    ]);
    expect(message(terminalWording.setting, terminalWording.command)).toBe(
      [
        'refusing to run: 2 instances are half migrated, and a run now would manage the same resources from two states:',
        '  prod/iam: its state holds aws_iam_role.ci and 1 more, which root account of migrate.yml still holds too (a migrate apply stopped before removing them from the old state); finish it with: strata migrate apply --instance prod/iam',
        '  prod/eu-west-2/network: its state holds aws_vpc.main, which root staging of migrate.yml still holds too (a migrate apply stopped before removing them from the old state); finish it with: strata migrate apply --instance prod/eu-west-2/network',
      ].join('\n'),
    );
    expect(message(actionWording.setting, actionWording.command)).toContain(
      'finish it with: command: migrate, migrate-apply: true, instance: prod/iam',
    );
  });
});
