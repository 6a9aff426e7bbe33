import { describe, expect, it } from '@jest/globals';
import { actionWording } from '../../src/action/action-wording.js';
import { terminalWording } from '../../src/cli/terminal-wording.js';
import { NEUTRAL_WORDING, suggest, type SuggestedCommand } from '../../src/core/wording.js';

const release = suggest('failover', { setting: 'to', value: 'eu-west-1' }, { setting: 'release-deploys' });
const migrateLayer = suggest('migrate apply', { setting: 'layer', value: 'network' });
const stray = suggest('stray', { setting: 'region', value: 'eu-west-2' });

describe('the wording of each surface', () => {
  it.each<[string, SuggestedCommand, string, string]>([
    [
      'a switch',
      release,
      'strata failover --to eu-west-1 --release-deploys',
      'command: failover, to-region: eu-west-1, release-deploys: true',
    ],
    [
      'a command the action spells with an input',
      migrateLayer,
      'strata migrate apply --layer network',
      'command: migrate, migrate-apply: true, layers: network',
    ],
    [
      'a command only the CLI has',
      stray,
      'strata stray --region eu-west-2',
      'strata stray --region eu-west-2 (Strata CLI)',
    ],
  ])('words %s as a command line in the terminal and as inputs in the action', (_, command, cli, action) => {
    expect(terminalWording.command(command)).toBe(cli);
    expect(actionWording.command(command)).toBe(action);
  });

  it('names settings as flags, inputs, or neutrally', () => {
    expect(terminalWording.setting('account')).toBe('--account');
    expect(actionWording.setting('account')).toBe("input 'accounts'");
    expect(NEUTRAL_WORDING.setting('account')).toBe("the 'account' setting");
    expect(NEUTRAL_WORDING.command(release)).toBe('command: failover, to: eu-west-1, release-deploys: true');
  });
});
