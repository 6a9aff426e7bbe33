import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareToPreview, describeDifferences } from '../../core/dr/compare-to-preview.js';
import {
  buildFailoverPreview,
  FAILOVER_PREVIEW_FILE,
  parseFailoverPreview,
  type FailoverPreview,
} from '../../core/dr/failover-preview.js';
import { UsageError } from '../../core/errors.js';
import { suggest, type CommandName, type SuggestedCommand } from '../../core/wording.js';
import type { RunResult } from '../../core/run-result.js';
import type { FreshPlanCheck } from '../../engine/saved-plan-check.js';
import { readPlanDirectoryFile } from '../reviewed-plan.js';

/** Which move a preview is of, and the command that makes a new one. */
export interface Move {
  mode: 'failover' | 'failback';
  from: string;
  to: string;
}

/** The dry run that previews this move again (`strata failover --to R --from F --dry-run` in the terminal). */
function previewOf(move: Move): SuggestedCommand {
  return suggest(
    move.mode,
    { setting: 'to', value: move.to },
    { setting: 'from', value: move.from },
    { setting: 'dry-run' },
  );
}

/**
 * After a dry run: writes what it previewed (every instance, its resource changes, its mocked upstreams) to the
 * work directory, beside the saved plans, and returns the run as the preview sees it. An instance that could
 * not be planned only because an upstream the move itself creates has no state yet is deferred, not failed:
 * the move plans it once that upstream is applied. So a dry run whose only gaps are such deferrals succeeds,
 * each deferral said in the notes and the instance's reason.
 */
export async function recordPreview(
  run: RunResult,
  move: Move,
  workDirectory: string,
): Promise<{ run: RunResult; notes: string[]; deferred: Map<string, string[]> }> {
  const { preview, complete } = buildFailoverPreview(run, move);
  await mkdir(workDirectory, { recursive: true });
  await writeFile(path.join(workDirectory, FAILOVER_PREVIEW_FILE), `${JSON.stringify(preview, null, 2)}\n`);
  const deferred = new Map(
    preview.instances.filter((entry) => entry.state === 'deferred').map((entry) => [entry.id, entry]),
  );
  if (!complete || deferred.size === 0) return { run, notes: [], deferred: new Map() };
  const reason = (waitsOn: string[]) =>
    `planned during the ${move.mode}, once ${waitsOn.join(', ')} (which it creates) is applied; with no mock_outputs it cannot be previewed before, and the ${move.mode} applies its plan only if it destroys and replaces nothing`;
  return {
    run: {
      ...run,
      status: 'succeeded',
      instances: run.instances.map((instance) => {
        const entry = deferred.get(instance.id);
        return entry ? { ...instance, reason: reason(entry.waitsOn) } : instance;
      }),
    },
    notes: [...deferred.values()].map((entry) => `${entry.id}: ${reason(entry.waitsOn)}`),
    deferred: new Map([...deferred.values()].map((entry) => [entry.id, entry.waitsOn])),
  };
}

/** Reads the preview of a dry run from its plan directory; refuses one that is missing or of another move. */
export async function readPreview(planDirectory: string, move: Move): Promise<FailoverPreview> {
  const { file, text } = await readPlanDirectoryFile(
    planDirectory,
    FAILOVER_PREVIEW_FILE,
    (name, command) =>
      `${name('plan-dir')}: no ${FAILOVER_PREVIEW_FILE} in ${planDirectory}: the ${move.mode} applies what a dry run previewed; run '${command(previewOf(move))}' with that folder as its work directory, review it, then apply`,
  );
  const preview = parseFailoverPreview(text);
  if (typeof preview === 'string') {
    throw new UsageError((name) => `${name('plan-dir')}: ${file} is ${preview}`);
  }
  if (preview.mode !== move.mode || preview.from !== move.from || preview.to !== move.to) {
    throw new UsageError(
      (name, command) =>
        `${name('plan-dir')}: the preview in ${planDirectory} is of the ${preview.mode} ${preview.from} → ${preview.to}, not of this ${move.mode} ${move.from} → ${move.to}; preview this one with '${command(previewOf(move))}'`,
    );
  }
  return preview;
}

/**
 * The check of a fresh plan against the preview, for instances whose saved plan cannot be applied as saved:
 * a plan that destroys, replaces or forgets something the preview did not show stops that instance (and so
 * its dependents), with what the preview showed, what the plan does and the command that previews again, as
 * `command` words it.
 */
export function checkAgainstPreview(
  preview: FailoverPreview,
  move: Move,
  command: CommandName,
): FreshPlanCheck {
  const entries = new Map(preview.instances.map((entry) => [entry.id, entry]));
  const again = `preview the ${move.mode} again with '${command(previewOf(move))}', review it, and apply that`;
  return (instance, fresh, why) => {
    const entry = entries.get(instance.id);
    if (entry === undefined) {
      return {
        accepted: false,
        reason: `${instance.id} is not in the approved preview of this ${move.mode}: nothing of it was reviewed; ${again}`,
      };
    }
    const comparison = compareToPreview(entry, fresh);
    // An instance the preview deferred shows no change there: its plan was not made yet.
    const deferred = entry.state === 'deferred';
    const unshown = deferred ? 'not previewed' : undefined;
    const previewed = deferred
      ? `; the preview deferred it until ${entry.waitsOn.join(', ')} was applied`
      : '';
    if (!comparison.ok) {
      return {
        accepted: false,
        reason: `${why}${previewed}, and its fresh plan does what the approved preview did not show:\n${describeDifferences(comparison.unexpected, unshown)}\nNothing of ${instance.id} was applied, nor of what depends on it; ${again}`,
      };
    }
    const differences =
      comparison.differences.length === 0
        ? 'the same changes as the preview'
        : `${deferred ? 'only changes' : 'what the preview showed, but for changes'} that destroy nothing:\n${describeDifferences(comparison.differences, unshown)}`;
    return { accepted: true, note: `${why}${previewed}: planned afresh, its plan does ${differences}` };
  };
}
