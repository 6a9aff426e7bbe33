import type { SettingName, Wording } from '../core/wording.js';

/** Settings as the terminal names them: flags. */
const flagName: SettingName = (setting) => `--${setting}`;

/** The terminal's words: flags, and command lines to type (`strata failback --to eu-west-1 --account dev`). */
export const terminalWording: Wording = {
  setting: flagName,
  command: ({ command, settings }) =>
    [
      'strata',
      command,
      ...settings.map(({ setting, value }) =>
        value === undefined ? flagName(setting) : `${flagName(setting)} ${value}`,
      ),
    ].join(' '),
};
