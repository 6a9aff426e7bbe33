import { NEUTRAL_WORDING, type CommandName, type SettingName, type Wording } from './wording.js';

/** How a run of either entry ends: the CLI's exit code, and the action's (a failed step either way). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
/** Bad input (a manifest problem, a wrong flag or input): fixed by the user, not by running again. */
export const EXIT_BAD_INPUT = 2;

/** One user-fixable problem in a manifest, located in the file. */
export interface ManifestProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Every problem found in a manifest, reported together so the user fixes them in one pass. */
export class ManifestError extends Error {
  readonly problems: ManifestProblem[];

  constructor(problems: ManifestProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ManifestError';
    this.problems = problems;
  }
}

export function formatProblem(problem: ManifestProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** A message that may name settings and suggest commands, in the words each entry gives. */
export type WordedMessage = string | ((name: SettingName, command: CommandName) => string);

/** An error whose message may name settings or suggest commands, worded by each entry for its own users. */
abstract class WordedError extends Error {
  private readonly render: (name: SettingName, command: CommandName) => string;

  constructor(message: WordedMessage) {
    const render = typeof message === 'string' ? () => message : message;
    super(render(NEUTRAL_WORDING.setting, NEUTRAL_WORDING.command));
    this.render = render;
  }

  /** The message in the words of one surface. */
  wordedFor(wording: Wording): string {
    return this.render(wording.setting, wording.command);
  }
}

/**
 * Bad input that is not in a manifest: a flag, an action input, a result file. Exit code 2. A message about a
 * setting is given as a function of the setting's name, so that each entry words it for its own users.
 */
export class UsageError extends WordedError {
  constructor(message: WordedMessage) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A run Strata refused to start because it cannot tell that the run is safe (a failover record it cannot
 * read). Not bad input: the world is not as it needs to be, as with a failed instance. Exit code 1.
 */
export class RefusalError extends WordedError {
  constructor(message: WordedMessage) {
    super(message);
    this.name = 'RefusalError';
  }
}

/** An error's message; a usage error's or a refusal's in the words of one surface, when given. */
export function getErrorMessage(error: unknown, wording?: Wording): string {
  if (error instanceof WordedError && wording) return error.wordedFor(wording);
  if (error instanceof Error) return error.message;
  return String(error);
}
