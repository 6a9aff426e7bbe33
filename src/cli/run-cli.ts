import { ManifestError, UsageError, getErrorMessage } from '../core/errors.js';
import { GRAPH_HELP, graphCommand } from './graph-command.js';
import type { CliOutput } from './output.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `Usage: strata <command> [options]

Commands:
  graph      show the layer instances of a manifest in dependency order

Run 'strata <command> --help' for the options of a command.
`;

type Command = (argv: string[], output: CliOutput, cwd: string) => number | Promise<number>;
const COMMANDS: Record<string, { run: Command; help: string }> = {
  graph: { run: graphCommand, help: GRAPH_HELP },
};

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 a failed run, 2 bad input. */
export async function runCli(argv: string[], output: CliOutput, cwd: string): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(USAGE);
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`strata: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command.run(rest, output, cwd);
  } catch (error) {
    if (error instanceof ManifestError) {
      output.err(
        `${error.message}\n${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in the manifest.\n`,
      );
      return EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError || isArgumentError(error)) {
      output.err(`strata ${name}: ${getErrorMessage(error)}\nRun 'strata ${name} --help' for usage.\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

/** node:util parseArgs rejects unknown or malformed flags with these codes. */
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
