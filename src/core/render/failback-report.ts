import type { FailbackFindings, FailbackPhase } from '../dr/failback.js';

/** A value as one Markdown table cell: no line breaks, pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

const PHASE_DOES: Record<FailbackPhase['name'], string> = {
  promote: 'the returning region as primary, restoring from the snapshots replicated back',
  verify: "the returning region's recovery point is newer than the failover",
  retire: 'the copies the steady state does not keep in the region being left, destroyed',
  demote: 'the rest of the region being left, as secondary',
  reapply: 'what the demotion changed the inputs of',
};

/** What a dry run's verify row says: it read the recovery points before promote applied anything. */
const ADVISORY =
  'advisory: read before the promote phase applied; checked again by the real failback after its promote phase';

/** A failback's phases, in order, and its recovery-point check with the override when it was used. */
export function renderFailback(findings: FailbackFindings | undefined, dryRun: boolean): string[] {
  if (!findings) return [];
  const lines = [
    '### Failback phases',
    '',
    '| phase | what | command | instances | status |',
    '|---|---|---|---|---|',
  ];
  for (const phase of findings.phases) {
    const status = phase.advisory ? `${phase.status} (${ADVISORY})` : phase.status;
    lines.push(
      `| ${phase.name} | ${PHASE_DOES[phase.name]} | ${phase.command} | ${phase.instances.length} | ${status} |`,
    );
  }
  lines.push('');
  const { verification } = findings;
  if (!verification.required) {
    lines.push(
      'Recovery point: not checked, the region made primary held the service during the outage (its data is the latest).',
      '',
    );
    return lines;
  }
  const problems = [
    ...(verification.problem ? [verification.problem] : []),
    ...verification.checks.flatMap((check) => (check.problem ? [check.problem] : [])),
  ];
  const movedAt = verification.movedAt ?? 'unknown';
  if (problems.length === 0) {
    const passed = `Recovery point: newer than the failover (traffic moved at ${movedAt})`;
    lines.push(
      dryRun
        ? `${passed}, as far as this dry run can tell (advisory): the failback reads the recovery points again after its promote phase has applied, and stops before retiring anything if they are not.`
        : `${passed}.`,
      '',
    );
  } else if (verification.overridden) {
    lines.push(
      `**Recovery point not shown to be newer than the failover; retired anyway, by the override ignore-recovery-point**: ${problems.join('; ')}.`,
      '',
    );
  } else {
    const outcome = dryRun
      ? 'the failback checks again after its promote phase has applied, and stops before retiring anything if it still fails'
      : 'nothing was retired';
    lines.push(
      `**Recovery point not shown to be newer than the failover** (${outcome}): ${problems.join('; ')}.`,
      '',
    );
  }
  if (verification.checks.length > 0) {
    lines.push('| published by | recovery point | newer than the failover |', '|---|---|---|');
    for (const check of verification.checks) {
      lines.push(
        `| ${check.id} | ${cell(check.value)} | ${check.problem ? `NO: ${cell(check.problem)}` : 'yes'} |`,
      );
    }
    lines.push('');
  }
  return lines;
}
