import { UsageError } from './errors.js';
import { instanceFromFile, instanceToFile, isHookResult } from './result-file.js';
import { FieldReader, isObject, type Fields } from './result-file-fields.js';
import { changesOf, hasChanges, type HookResult, type InstanceResult, type RunResult } from './run-result.js';

/**
 * The journal beside a result file that a run is still writing (`<file>.journal`): one JSON line per state
 * change, so that recording a change costs the same whatever the size of the estate. Its first line names the
 * run it belongs to; each line after it is the whole new state of one instance, as the result file holds it.
 * Readers fold it into the file (foldJournal); the run writes the file whole at its end and removes the
 * journal.
 */
interface JournalHeader {
  journal: 1;
  run: Pick<RunResult, 'command' | 'manifest' | 'startedAt'>;
}

/** The journal's first line, naming the run (its command, manifest and start) it belongs to. */
export function journalHeaderLine(run: RunResult): string {
  const header: JournalHeader = {
    journal: 1,
    run: { command: run.command, manifest: run.manifest, startedAt: run.startedAt },
  };
  return `${JSON.stringify(header)}\n`;
}

/** The journal line of one state change: the instance's whole new state. */
export function journalLine(instance: InstanceResult): string {
  return `${JSON.stringify(instanceToFile(instance))}\n`;
}

/** The journal line of a hook's state change: `{"hook": ...}`, its whole new state (as the file's `hooks` hold it). */
export function journalHookLine(hook: HookResult): string {
  return `${JSON.stringify({ hook })}\n`;
}

/**
 * A result file with its journal folded in: each instance and each DR hook as the last journal line about it
 * says, the run's `hasChanges` recomputed. `source` names the journal in what a bad one is told.
 *
 * - A hook the file does not list yet is added after those it does: a failback's later phases schedule their
 *   hooks when they start, after the file was last written whole.
 *
 * - A last line without its newline was torn by a kill in the middle of its write: it was never complete, so
 *   nothing was shown for it either, and it is ignored.
 * - A file that is no longer `running` was written whole at the run's end, after every line of its journal
 *   (a kill came between that write and the journal's removal): it is taken as it is.
 * - A journal of another run (a file written by a later run while an older journal was left beside it) is
 *   refused, never mixed in.
 *
 * Lines are whole states, not differences, so folding a line twice changes nothing: a file rewritten whole
 * (compacted) while the run goes, beside a journal whose lines it already holds, folds to itself.
 */
export function foldJournal(run: RunResult, journal: string, source: string): RunResult {
  if (run.status !== 'running') return run;
  const lines = journal.split('\n');
  // The piece after the last newline: empty after a whole last line, a torn line otherwise.
  lines.pop();
  const [first, ...entries] = lines;
  if (first === undefined) return run;
  const header = parseJournalLine(first, `${source}:1`);
  if (header.journal !== 1 || !isObject(header.run)) {
    throw new UsageError(
      `${source}:1 is not a Strata result journal (expected {"journal": 1, "run": {...}}); delete it to read the result file without it`,
    );
  }
  const owner = new FieldReader(header.run, `${source}:1, run`);
  const started = owner.string('startedAt');
  if (
    started !== run.startedAt ||
    owner.string('command') !== run.command ||
    owner.string('manifest') !== run.manifest
  ) {
    throw new UsageError(
      `${source} belongs to another run (${owner.string('command')} of ${owner.string('manifest')} started ${started}) than its result file (${run.command} of ${run.manifest} started ${run.startedAt}); it was left by an earlier run: delete it to read the result file without it`,
    );
  }
  const latest = new Map<string, InstanceResult>();
  const hooks = new Map((run.hooks ?? []).map((hook) => [hook.id, hook]));
  entries.forEach((line, index) => {
    const where = `${source}:${index + 2}`;
    const entry = parseJournalLine(line, where);
    if ('hook' in entry) {
      if (!isHookResult(entry.hook))
        throw new UsageError(`${where}: 'hook' must be a hook's state (id, name, status)`);
      hooks.set(entry.hook.id, entry.hook);
      return;
    }
    const instance = instanceFromFile(entry, where);
    latest.set(instance.id, instance);
  });
  const known = new Set(run.instances.map((instance) => instance.id));
  for (const id of latest.keys()) {
    if (!known.has(id)) throw new UsageError(`${source}: instance ${id} is not in its result file`);
  }
  const instances = run.instances.map((instance) => latest.get(instance.id) ?? instance);
  return {
    ...run,
    hasChanges: instances.some((instance) => hasChanges(changesOf(instance))),
    instances,
    ...(hooks.size > 0 ? { hooks: [...hooks.values()] } : {}),
  };
}

function parseJournalLine(line: string, where: string): Fields {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new UsageError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new UsageError(`${where}: a journal line must be an object`);
  return value;
}
