/** A setting a user gives on every surface: a flag in the terminal, an input in the action. */
export type Setting =
  | 'manifest'
  | 'to'
  | 'from'
  | 'force'
  | 'plan-dir'
  | 'stale-plans'
  | 'allow-destroy'
  | 'dry-run'
  | 'history'
  | 'ignore-failover-record'
  | 'hold-deploys'
  | 'fail-fast'
  | 'release-deploys'
  | 'write-manifest'
  | 'max-stages'
  | 'layer'
  | 'account'
  | 'environment'
  | 'region'
  | 'instance'
  | 'migration'
  | 'format';

/** How an entry names a setting for its users: `--to` in the terminal, input 'to-region' in the action. */
export type SettingName = (setting: Setting) => string;

/** A command a message suggests. */
export type StrataCommand = 'graph' | 'plan' | 'failover' | 'failback' | 'stray' | 'migrate apply';

/** A setting a suggested command gives: with a value (`to`: `eu-west-1`), or a switch without one. */
export interface GivenSetting {
  setting: Setting;
  value?: string;
}

/** A command a message suggests, as data, so that each entry words it the way its users run it. */
export interface SuggestedCommand {
  command: StrataCommand;
  settings: readonly GivenSetting[];
}

/** How an entry words a suggested command: `strata failback --to eu-west-1` in the terminal. */
export type CommandName = (suggested: SuggestedCommand) => string;

/**
 * How one surface words what a text names: its settings and the commands it suggests. The core never spells
 * a flag or a command line; it describes them, and each entry passes its wording to what renders them.
 */
export interface Wording {
  setting: SettingName;
  command: CommandName;
}

/** `command` with `settings`, the given ones in order. */
export function suggest(command: StrataCommand, ...settings: GivenSetting[]): SuggestedCommand {
  return { command, settings };
}

/** Wording for no surface in particular: an error's `message`, for whoever reads it outside an entry. */
export const NEUTRAL_WORDING: Wording = {
  setting: (setting) => `the '${setting}' setting`,
  command: ({ command, settings }) =>
    [`command: ${command}`, ...settings.map(({ setting, value }) => `${setting}: ${value ?? 'true'}`)].join(
      ', ',
    ),
};
