import type { Instance } from '../core/graph/types.js';
import type { Wording } from '../core/wording.js';
import { classifyFailure } from '../terraform/failure-kind.js';
import { describeLock, parseLockError } from '../terraform/lock-info.js';
import { lastLines } from './last-lines.js';
import type { ProcessResult } from './process-runner.js';

/** A step failed: the instance stops there and the result says why. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** What the words of a failed Terraform command depend on. */
export interface StepFailureContext {
  /** Each Terraform command's time limit, named when one ran out. */
  commandTimeoutMs?: number | undefined;
  now: () => Date;
  /** How the entry words the commands a hint suggests. */
  wording: Wording;
}

/** The failure of a Terraform command of an instance, for a result that did not succeed. */
export type FailureOf = (step: string, result: ProcessResult, instance: Instance) => StepFailure;

/** Why a Terraform command failed: timed out, cancelled, or its exit and the tail of its output, diagnosed. */
export function stepFailure(
  step: string,
  result: ProcessResult,
  instance: Instance,
  context: StepFailureContext,
): StepFailure {
  if (result.timedOut) {
    return new StepFailure(
      `terraform ${step} timed out after ${Math.round((context.commandTimeoutMs ?? 0) / 1000)}s and was stopped${result.killed ? ' (killed after the grace period)' : ''}\n${lastLines(result.tail)}`,
      true,
    );
  }
  if (result.cancelled && result.durationMs === 0) {
    return new StepFailure(`terraform ${step} was not started: the run was cancelled`);
  }
  if (result.cancelled) {
    return new StepFailure(`terraform ${step} was interrupted\n${lastLines(result.tail)}`);
  }
  const how =
    result.exitCode === null ? `ended by ${result.endSignal ?? 'a signal'}` : `exit code ${result.exitCode}`;
  return new StepFailure(
    `terraform ${step} failed (${how})\n${lastLines(result.tail)}${diagnose(instance, result.tail, context)}`,
  );
}

/** What Strata can tell about a known kind of failure: who holds a lock, a region that looks down. */
function diagnose(instance: Instance, tail: string, context: StepFailureContext): string {
  const lock = parseLockError(tail);
  if (lock) {
    const now = context.now();
    return `\n\n${describeLock(lock, now, { instanceId: instance.id, layerPath: instance.path, command: context.wording.command })}`;
  }
  const failure = classifyFailure(tail, context.wording.command);
  return failure.kind === 'other' ? '' : `\n\n${failure.hint}`;
}
