import { UsageError } from './errors.js';
import { plural } from './render/plural.js';
import type { EngineCommand, InstanceResult, RunResult } from './run-result.js';
import { dependentsOf, type Dag } from './schedule/dag.js';

/** What a resumed run does: the instances to run again, and the results it keeps from the previous run. */
export interface ResumePlan {
  /** Ids to run again, from `current`: everything that did not succeed, and everything downstream of it. */
  rerun: Set<string>;
  /** The previous results of the instances that succeeded and are not run again, in the previous order. */
  kept: InstanceResult[];
}

const SHOWN = 5;

/**
 * Resumes a run from its result: runs again only the instances that did not succeed (failed, skipped,
 * cancelled, pending, or `running`, which a killed run leaves behind) and, transitively, every instance of
 * `current` that depends on one of them, since their inputs may change; keeps the other successes.
 *
 * An instance of `current` that the previous result does not name never succeeded there, so it runs too.
 * Refused with a UsageError: a previous result of another command, or one naming instances that are not in
 * `current` (the manifest or the selection changed since, and its results no longer describe this run).
 */
export function planResume(previous: RunResult, current: Dag, command: EngineCommand): ResumePlan {
  if (previous.command !== command) {
    throw new UsageError(
      `Cannot resume a '${previous.command}' run with '${command}': resume it with '${previous.command}', or start a new '${command}' run without resuming`,
    );
  }
  const selected = new Set(current.ids);
  const unknown = [...new Set(previous.instances.map((instance) => instance.id))].filter(
    (id) => !selected.has(id),
  );
  if (unknown.length > 0) {
    const more = unknown.length > SHOWN ? ` and ${unknown.length - SHOWN} more` : '';
    throw new UsageError(
      `Cannot resume: the previous run has ${plural(unknown.length, 'instance')} that ${unknown.length === 1 ? 'is' : 'are'} not in this run's selection (${unknown.slice(0, SHOWN).join(', ')}${more}); the manifest or the selection changed since. Select the same instances as that run, or start a new run without resuming`,
    );
  }

  // A result that names an instance twice (merged matrix results) counts its last report, as merging does.
  const previousById = new Map(previous.instances.map((instance) => [instance.id, instance]));
  const rerun = new Set(current.ids.filter((id) => previousById.get(id)?.status !== 'succeeded'));
  const dependents = dependentsOf(current);
  const queue = [...rerun];
  // The queue grows while it is walked: for...of visits what is pushed on the way.
  for (const id of queue) {
    for (const dependent of dependents.get(id) ?? []) {
      if (rerun.has(dependent)) continue;
      rerun.add(dependent);
      queue.push(dependent);
    }
  }
  const kept = [...previousById.values()].filter((instance) => !rerun.has(instance.id));
  return { rerun, kept };
}
