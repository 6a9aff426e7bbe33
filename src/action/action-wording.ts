import type { Setting, SettingName, SuggestedCommand, Wording } from '../core/wording.js';
import { terminalWording } from '../cli/terminal-wording.js';

/**
 * The action input of each setting a message may name; null where the action needs none: `format` (its
 * `graph` output is always JSON).
 */
const INPUT_OF_SETTING: Readonly<Record<Setting, string | null>> = {
  manifest: 'manifest',
  to: 'to-region',
  from: 'from-region',
  force: 'force',
  'plan-dir': 'plan-dir',
  'stale-plans': 'stale-plans',
  'allow-destroy': 'allow-destroy',
  'dry-run': 'dry-run',
  history: 'history',
  'ignore-failover-record': 'ignore-failover-record',
  'hold-deploys': 'hold-deploys',
  'fail-fast': 'fail-fast',
  'release-deploys': 'release-deploys',
  'write-manifest': 'write-manifest',
  'max-stages': 'max-stages',
  layer: 'layers',
  account: 'accounts',
  environment: 'environments',
  region: 'regions',
  instance: 'instance',
  migration: 'migration',
  format: null,
};

/** Settings as the action names them: its inputs. */
const inputName: SettingName = (setting) => {
  const input = INPUT_OF_SETTING[setting];
  return input === null ? `${terminalWording.setting(setting)} (Strata CLI)` : `input '${input}'`;
};

/** The action's inputs that run a suggested command, as in a step's `with:`; undefined for a CLI-only command. */
function actionInputsOf({ command, settings }: SuggestedCommand): string[] | undefined {
  if (command === 'stray') return undefined;
  const given = settings.flatMap(({ setting, value }) => {
    const input = INPUT_OF_SETTING[setting];
    return input === null ? [] : [`${input}: ${value ?? 'true'}`];
  });
  return command === 'migrate apply'
    ? ['command: migrate', 'migrate-apply: true', ...given]
    : [`command: ${command}`, ...given];
}

/**
 * The action's words: its inputs, and a suggested command as the inputs of a step that runs it
 * (`command: failback, to-region: eu-west-1`; the reusable failover workflow passes its mode and region on as
 * these). A command the action does not have is the CLI's command line, marked as such.
 */
export const actionWording: Wording = {
  setting: inputName,
  command: (suggested) =>
    actionInputsOf(suggested)?.join(', ') ?? `${terminalWording.command(suggested)} (Strata CLI)`,
};
