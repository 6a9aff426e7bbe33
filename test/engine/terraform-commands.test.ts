import { describe, expect, it } from '@jest/globals';
import { terraformArgs } from '../../src/engine/terraform-commands.js';

describe('terraformArgs and the state lock', () => {
  const plan = { planFile: 'p.tfplan', varFile: 'v.json', lockTimeout: '5s', destroy: false };

  it('waits for the lock by default, and skips it when the caller holds it (a migration)', () => {
    expect(terraformArgs.plan(plan)).toContain('-lock-timeout=5s');
    expect(terraformArgs.plan({ ...plan, lockHeld: true })).toContain('-lock=false');
    expect(terraformArgs.plan({ ...plan, lockHeld: true })).not.toContain('-lock-timeout=5s');
    expect(terraformArgs.apply({ planFile: 'p', lockTimeout: '5s', lockHeld: true })).toEqual([
      'apply',
      '-input=false',
      '-no-color',
      '-lock=false',
      'p',
    ]);
    expect(terraformArgs.statePush({ stateFile: 's', lockTimeout: '1m' })).toEqual([
      'state',
      'push',
      '-lock-timeout=1m',
      's',
    ]);
  });

  it('holds a lock with console, pointed at a local backend state file when there is one', () => {
    expect(terraformArgs.holdLock({ lockTimeout: '5s', localStateFile: null })).toEqual([
      'console',
      '-lock-timeout=5s',
    ]);
    expect(terraformArgs.holdLock({ lockTimeout: '5s', localStateFile: '/s/a.tfstate' })).toEqual([
      'console',
      '-lock-timeout=5s',
      '-state=/s/a.tfstate',
    ]);
  });
});
