import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { reportStray } from '../app/dr/stray-report.js';
import { renderStrayReport } from '../core/dr/stray-instances.js';
import { UsageError } from '../core/errors.js';
import type { CliOutput } from './output.js';
import { pathFromCwd, RUN_OPTIONS, runSettingsFromFlags } from './run-options.js';
import { createCliSession, type CliProcess } from './terraform-command.js';

export const STRAY_HELP = `Usage: strata stray --region REGION [options]

REGION came back after a failover. Lists what Strata still finds running there that the steady state no longer
manages: environment copies left in the old primary, environments narrowed to it (no normal run manages them
while another region is primary), region layers not marked standby. Reads only REGION, without a lock (init and
state pull of each candidate), and changes nothing. Each entry comes with the command that retires it (a
failback to the current primary from REGION: destroys what steady state does not keep there) and the one
that re-adopts it (a failback to REGION).

Options:
  --region REGION          the region that came back (required)
  --manifest FILE          the manifest (default: layers.yml)
  --work-dir DIR           where Strata keeps Terraform data and logs (default: .strata)
  --json-out FILE          write the report as JSON
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 read everything (whether or not something is stray), 1 a state could not be read, 2 bad input.
`;

export async function strayCommand(argv: string[], output: CliOutput, process: CliProcess): Promise<number> {
  const values = parseArgs({
    args: argv,
    // Only what the report uses: it reads states one at a time, plans nothing and destroys nothing, so
    // --parallelism, --plan-dir and --allow-destroy are refused, not silently ignored.
    options: {
      manifest: RUN_OPTIONS.manifest,
      'work-dir': RUN_OPTIONS['work-dir'],
      'json-out': RUN_OPTIONS['json-out'],
      'terraform-binary': RUN_OPTIONS['terraform-binary'],
      help: RUN_OPTIONS.help,
      region: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  }).values;
  if (values.help) {
    output.out(STRAY_HELP);
    return 0;
  }
  if (values.region === undefined)
    throw new UsageError('--region REGION is required: the region that came back');
  const session = createCliSession(output, undefined);
  const report = await reportStray(
    { ...runSettingsFromFlags(values, process), region: values.region },
    session.adapters(process.signal),
  );
  const jsonOut = pathFromCwd(process, values['json-out']);
  if (jsonOut !== undefined) await writeFile(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
  output.out(session.redactor.redact(renderStrayReport(report)));
  return report.entries.some((entry) => entry.error !== null) ? 1 : 0;
}
