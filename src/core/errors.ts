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
  | 'release-deploys'
  | 'max-stages'
  | 'layer'
  | 'account'
  | 'environment'
  | 'instance'
  | 'migration';

/** How an entry names a setting for its users: `--to` in the terminal, input 'to-region' in the action. */
export type SettingName = (setting: Setting) => string;

const NEUTRAL_NAME: SettingName = (setting) => `the '${setting}' setting`;

/** An error whose message may name settings, worded by each entry for its own users. */
abstract class WordedError extends Error {
  private readonly render: (name: SettingName) => string;

  constructor(message: string | ((name: SettingName) => string)) {
    const render = typeof message === 'string' ? () => message : message;
    super(render(NEUTRAL_NAME));
    this.render = render;
  }

  /** The message in the words of one surface. */
  wordedFor(name: SettingName): string {
    return this.render(name);
  }
}

/**
 * Bad input that is not in a manifest: a flag, an action input, a result file. Exit code 2. A message about a
 * setting is given as a function of the setting's name, so that each entry words it for its own users.
 */
export class UsageError extends WordedError {
  constructor(message: string | ((name: SettingName) => string)) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A run Strata refused to start because it cannot tell that the run is safe (a failover record it cannot
 * read). Not bad input: the world is not as it needs to be, as with a failed instance. Exit code 1.
 */
export class RefusalError extends WordedError {
  constructor(message: string | ((name: SettingName) => string)) {
    super(message);
    this.name = 'RefusalError';
  }
}

/** An error's message; a usage error's in the words `name` gives settings, when given. */
export function getErrorMessage(error: unknown, name?: SettingName): string {
  if (error instanceof WordedError && name) return error.wordedFor(name);
  if (error instanceof Error) return error.message;
  return String(error);
}
