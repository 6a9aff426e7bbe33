import { plural } from '../core/render/plural.js';
import {
  EXIT_BAD_INPUT,
  EXIT_FAILED,
  EXIT_OK,
  ManifestError,
  RefusalError,
  UsageError,
  getErrorMessage,
} from '../core/errors.js';
import { terminalWording } from './terminal-wording.js';
import type { CliOutput } from './output.js';
import type { CliProcess } from './terraform-command.js';

const USAGE = `Usage: strata <command> [options]

Commands:
  graph      show the layer instances of a manifest in dependency order
  plan       plan every selected instance, in dependency order
  apply      plan and apply every selected instance, in dependency order
  destroy    destroy every selected instance, dependents first
  failover   bring the service up in another region while the primary is down (--dry-run: the drill)
  failback   make the recovered region primary again
  migrate    move existing Terraform roots' resources into the manifest's instances (plan, apply)
  stray      after a failover, list what still runs in a region that came back, with the commands

Run 'strata <command> --help' for the options of a command.
`;

type Command = (argv: string[], output: CliOutput, process: CliProcess) => Promise<number>;
// Each command's module is loaded when it runs: `--help` loads none, `graph` no Terraform engine, and no
// command compiles another's code at start-up (dist/cli.js bundles each in a chunk of its own).
const COMMANDS: Record<string, Command> = {
  graph: async (argv, output, process) =>
    (await import('./graph-command.js')).graphCommand(argv, output, process.cwd),
  plan: async (argv, output, process) =>
    (await import('./terraform-command.js')).terraformCommand('plan', argv, output, process),
  apply: async (argv, output, process) =>
    (await import('./terraform-command.js')).terraformCommand('apply', argv, output, process),
  destroy: async (argv, output, process) =>
    (await import('./terraform-command.js')).terraformCommand('destroy', argv, output, process),
  failover: async (argv, output, process) =>
    (await import('./failover-command.js')).failoverCommand('failover', argv, output, process),
  failback: async (argv, output, process) =>
    (await import('./failover-command.js')).failoverCommand('failback', argv, output, process),
  migrate: async (argv, output, process) =>
    (await import('./migrate-command.js')).migrateCommand(argv, output, process),
  stray: async (argv, output, process) =>
    (await import('./stray-command.js')).strayCommand(argv, output, process),
};

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 a failed run, 2 bad input. */
export async function runCli(argv: string[], output: CliOutput, process: CliProcess): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(USAGE);
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    output.err(`strata: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command(rest, output, process);
  } catch (error) {
    if (error instanceof ManifestError) {
      output.err(`${error.message}\n${plural(error.problems.length, 'problem')} in the manifest.\n`);
      return EXIT_BAD_INPUT;
    }
    if (isArgumentError(error)) {
      output.err(`strata ${name}: ${getErrorMessage(error)}\nRun 'strata ${name} --help' for usage.\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError) {
      output.err(`strata ${name}: ${getErrorMessage(error, terminalWording)}\n`);
      return EXIT_BAD_INPUT;
    }
    // Refused, not wrong: the run could not establish that it is safe, as a failed instance would.
    if (error instanceof RefusalError) {
      output.err(`strata ${name}: ${getErrorMessage(error, terminalWording)}\n`);
      return EXIT_FAILED;
    }
    throw error;
  }
}

/** node:util parseArgs rejects unknown or malformed flags with these codes. */
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
