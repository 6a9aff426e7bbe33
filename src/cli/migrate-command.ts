import { plural } from '../core/render/plural.js';
import { parseArgs } from 'node:util';
import { applyMigration, planMigration } from '../app/migrate/migrate.js';
import { EXIT_BAD_INPUT, UsageError } from '../core/errors.js';
import { MigrationFileError } from '../core/migrate/parse-migration.js';
import { renderMigrationApply, renderMigrationPlan } from '../core/render/migration-text.js';
import type { CliOutput } from './output.js';
import { RUN_OPTIONS, runSettingsFromFlags } from './run-options.js';
import { createCliSession, type CliProcess } from './terraform-command.js';
import { terminalWording } from './terminal-wording.js';

export const MIGRATE_HELP = `Usage: strata migrate plan [options]
       strata migrate apply (--layer L | --instance ID) [options]

Moves the resources of existing Terraform roots (named in the migration file, migrate.yml beside the
manifest) into the states of the manifest's instances, without destroying or re-creating anything.

  plan    reads the old states (read-only) and prints, per new instance, the resources it receives and from
          where, and what stays. Refuses a resource that no layer and no rule claims, or that two claim.
  apply   for each instance of the layer (or the one instance): backs up every state it touches, writes the
          resources into the instance's state, plans the instance and requires no change at all (then applies
          that empty plan, which records its outputs), and only then removes them from the old states. Any
          failure puts every touched state back from its backup. Safe to run again.

Options:
  --migration FILE         the migration file (default: migrate.yml beside the manifest)
  --layer L                apply: move into every instance of layer L
  --instance ID            apply: move into this instance only
  --manifest FILE          the manifest (default: layers.yml)
  --work-dir DIR           where Strata keeps Terraform data, logs and the state backups (default: .strata)
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 success, 1 a move failed (and was undone), 2 bad input (the migration file, a rule, a root
that cannot be read).
`;

export async function migrateCommand(
  argv: string[],
  output: CliOutput,
  process: CliProcess,
): Promise<number> {
  try {
    return await runMigrate(argv, output, process);
  } catch (error) {
    // runCli reports the manifest's problems; the migration file's are named for what they are.
    if (!(error instanceof MigrationFileError)) throw error;
    const count = error.problems.length;
    output.err(`${error.message}\n${plural(count, 'problem')} in the migration file.\n`);
    return EXIT_BAD_INPUT;
  }
}

async function runMigrate(argv: string[], output: CliOutput, process: CliProcess): Promise<number> {
  const [action, ...rest] = argv;
  const values = parseArgs({
    args: rest,
    // Only what a move uses: it plans and applies each instance alone, with no change allowed and no result
    // file, so --parallelism, --plan-dir, --allow-destroy and --json-out are refused, not silently ignored.
    options: {
      manifest: RUN_OPTIONS.manifest,
      'work-dir': RUN_OPTIONS['work-dir'],
      'terraform-binary': RUN_OPTIONS['terraform-binary'],
      help: RUN_OPTIONS.help,
      migration: { type: 'string' },
      layer: { type: 'string' },
      instance: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  }).values;
  if (values.help || action === '--help' || action === '-h') {
    output.out(MIGRATE_HELP);
    return 0;
  }
  if (action !== 'plan' && action !== 'apply') {
    throw new UsageError(
      `say what to do: 'strata migrate plan' or 'strata migrate apply', got '${action ?? ''}'`,
    );
  }
  const settings = { ...runSettingsFromFlags(values, process), migrationFile: values.migration };
  const session = createCliSession(output, undefined);
  const adapters = session.adapters(process.signal);
  if (action === 'plan') {
    if (values.layer !== undefined || values.instance !== undefined) {
      throw new UsageError('--layer and --instance go with migrate apply; migrate plan shows every instance');
    }
    output.out(
      session.redactor.redact(
        renderMigrationPlan(await planMigration(settings, adapters), terminalWording.command),
      ),
    );
    return 0;
  }
  const { instances } = await applyMigration(
    { ...settings, layer: values.layer, instance: values.instance },
    adapters,
  );
  output.out(`\n${session.redactor.redact(renderMigrationApply(instances))}`);
  return instances.some((instance) => instance.status === 'failed') ? 1 : 0;
}
