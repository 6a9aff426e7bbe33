import { logLines } from '../adapters/log-lines.js';
import { executeRun } from '../app/execute-run.js';
import { renderLeftOut } from '../core/render/left-out-note.js';
import { createChildProcessRunner } from '../adapters/child-process-runner.js';
import { UsageError } from '../core/errors.js';
import { hookLine, progressLine, runTable } from '../core/render/run-text.js';
import { createResultFileWriter, readResultFile } from '../adapters/result-file-store.js';
import type { EngineCommand, RunResult } from '../core/run-result.js';
import type { EngineReporter } from '../engine/run-engine.js';
import { createRedactor } from '../terraform/redact.js';
import type { CliOutput } from './output.js';
import { parseRunFlags, pathFromCwd, runSettingsFromFlags } from './run-options.js';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFromFlags } from './selection-options.js';
import { STALE_PLANS, type StalePlans } from '../core/reviewed-plan.js';
import { terminalWording } from './terminal-wording.js';

const DESCRIPTIONS: Record<EngineCommand, string> = {
  plan: 'Plans every selected instance in dependency order and reports what would change. Changes nothing.',
  apply:
    "Plans and applies every selected instance in dependency order, each applying exactly its own saved plan. With --plan-dir, applies the plans an earlier 'strata plan' saved instead: those whose inputs (upstream outputs, variables, layer code) are unchanged as saved; the others are refused, or with --stale-plans replan planned afresh and compared with the reviewed plan.",
  destroy: 'Destroys every selected instance, dependents first (reverse dependency order).',
};

export function terraformCommandHelp(command: EngineCommand): string {
  return `Usage: strata ${command} [options]

${DESCRIPTIONS[command]}

Options:
  --manifest FILE          the manifest (default: layers.yml)
  --parallelism N          instances run at once (default: the manifest's terraform.parallelism)
  --fail-fast              start nothing new after the first failure
  --work-dir DIR           where Strata keeps Terraform data, plans and logs (default: .strata)
  --json-out FILE          write the result model as JSON, kept up to date with every state change
                           (with FILE.journal beside it until the run ends)
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the
                           manifest's terraform.binary)
  --resume FILE            run again only what did not succeed in the run that wrote FILE (its --json-out),
                           plus everything that depends on it; keep its successes
  --allow-destroy INSTANCE  let the plan of INSTANCE, of a layer marked 'stateful: true', destroy or replace
                           its resources (refused otherwise); repeat for several; the result records it
  --ephemeral-environment NAME
                           add a per-pull-request environment (e.g. pr-123) to the accounts marked
                           'ephemeral: true', in their primary region, and select only it
${command === 'plan' ? '' : '  --ignore-failover-record REGION[,REGION]\n                           go ahead although the failover record of REGION cannot be read (its region\n                           down, or access denied): only when you know no failover to REGION is pending or\n                           in effect; the result records it\n'}${command === 'apply' ? '  --plan-dir DIR           apply the plans saved in DIR (the --work-dir of an earlier plan run)\n  --stale-plans MODE       with --plan-dir, what to do with a saved plan whose inputs changed: refuse\n                           (default) fails it; replan plans it afresh and applies the fresh plan unless\n                           it destroys, replaces or forgets what the reviewed plan did not show, and\n                           reports every difference\n' : ''}  --help                   show this help

${SELECTION_HELP}

Exit codes: 0 success, 1 an instance failed or was skipped${command === 'plan' ? '' : ', or the run was refused because a\nfailover record could not be read'}, 2 bad input (or a failover pending or in effect), 130 interrupted (SIGINT).
`;
}

export interface CliProcess {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT or SIGTERM; `interruptedBy` then names the signal. */
  signal: AbortSignal;
  interruptedBy(): NodeJS.Signals | undefined;
}

export async function terraformCommand(
  command: EngineCommand,
  argv: string[],
  output: CliOutput,
  process: CliProcess,
): Promise<number> {
  const values = parseRunFlags(argv, {
    'fail-fast': { type: 'boolean', default: false },
    'ephemeral-environment': { type: 'string' },
    resume: { type: 'string' },
    'ignore-failover-record': { type: 'string', multiple: true },
    'stale-plans': { type: 'string' },
    ...SELECTION_OPTIONS,
  });
  if (values.help) {
    output.out(terraformCommandHelp(command));
    return 0;
  }
  const session = createCliSession(output, pathFromCwd(process, values['json-out']));
  const { run, leftOut } = await executeRun(
    {
      ...runSettingsFromFlags(values, process),
      command,
      selection: selectionFromFlags(values),
      failFast: values['fail-fast'],
      ephemeralEnvironment: values['ephemeral-environment'],
      resume: values.resume === undefined ? undefined : await readResult(values.resume, process),
      stalePlans: parseStalePlans(values['stale-plans']),
      ignoreFailoverRecord: (values['ignore-failover-record'] ?? []).flatMap((value) =>
        value
          .split(',')
          .map((region) => region.trim())
          .filter((region) => region !== ''),
      ),
    },
    session.adapters(process.signal),
  );
  session.finish(run);
  output.out(`\n${session.redactor.redact(runTable(run))}`);
  const note = renderLeftOut(leftOut, terminalWording.command);
  if (note !== '') output.out(`\n${note}`);
  return exitCode(run, process);
}

/** 0 when everything succeeded, 1 when not, 130 or 143 when interrupted by SIGINT or SIGTERM. */
export function exitCode(run: RunResult, process: CliProcess): number {
  const interrupted = process.interruptedBy();
  if (interrupted === 'SIGINT') return 130;
  if (interrupted === 'SIGTERM') return 143;
  return run.status === 'succeeded' ? 0 : 1;
}

/**
 * What a CLI run shows while it goes: a progress line per state change (stderr), each finished instance's
 * Terraform output as one block (stdout), secrets masked; and the result file, kept up to date so that a
 * killed run leaves whole JSON behind (see createResultFileWriter).
 */
export function createCliSession(output: CliOutput, jsonOut: string | undefined) {
  const redactor = createRedactor();
  const resultFile = jsonOut === undefined ? undefined : createResultFileWriter(jsonOut);
  const reporter: EngineReporter = {
    instanceChanged(instance, run) {
      // Recorded before it is shown, so the file is never behind what the terminal says.
      resultFile?.changed(instance, run);
      output.err(`${redactor.redact(progressLine(instance, run))}\n`);
    },
    async instanceOutput(instance, sections) {
      output.out(`\n::: ${instance.id} (${instance.status}) :::\n`);
      for (const section of sections) {
        output.out(`--- ${section.title}\n`);
        for await (const line of logLines(section.logFile)) output.out(`${redactor.redact(line)}\n`);
      }
    },
    secrets(values) {
      redactor.add(values);
    },
    hookChanged(hook, run) {
      resultFile?.hookChanged(hook, run);
      output.err(`${redactor.redact(hookLine(hook))}\n`);
    },
  };
  return {
    redactor,
    reporter,
    /** What the engine needs from the CLI: the process runner, this session's masking and reporting. */
    adapters: (signal: AbortSignal) => ({ runner: createChildProcessRunner(), redactor, reporter, signal }),
    finish(run: RunResult) {
      resultFile?.finish(run);
    },
  };
}

function parseStalePlans(value: string | undefined): StalePlans | undefined {
  if (value === undefined) return undefined;
  if (!(STALE_PLANS as readonly string[]).includes(value)) {
    throw new UsageError(`--stale-plans must be one of ${STALE_PLANS.join(', ')}, got '${value}'`);
  }
  return value as StalePlans;
}

/** The result of an earlier run, as it stood when it ended or was killed. */
function readResult(file: string, process: CliProcess): Promise<RunResult> {
  return readResultFile(
    pathFromCwd(process, file),
    `--resume: '${file}'`,
    (message) => new UsageError(`--resume: cannot read '${file}': ${message}`),
  );
}
