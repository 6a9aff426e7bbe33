import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { parseResultText, resultFileText } from '../core/result-file.js';
import { foldJournal, journalHeaderLine, journalHookLine, journalLine } from '../core/result-journal.js';
import type { HookResult, InstanceResult, RunResult } from '../core/run-result.js';

/** Where the journal of a result file is kept while its run goes: beside it. */
export const journalOf = (file: string) => `${file}.journal`;

/**
 * A result file as a run in progress writes it (`--json-out`), with what it promises: never behind what the
 * terminal has shown (every change is recorded before it is shown); whole, valid JSON whenever the run is
 * killed, even with SIGKILL; and a cost per state change that does not grow with the estate.
 *
 * How: the file is written whole (to a temporary file, renamed over it) at the first change and at the end;
 * in between, each change appends one line (the instance's new state) to the journal beside it, which every
 * reader folds in (readResultFile). Rewriting the whole file on every change, as Strata did before, costs
 * time in proportion to the estate on each of its ~6 changes per instance: quadratic in the estate (78 s of a
 * 2,000-instance run). The file is also rewritten whole (compacted) once the journal holds as many lines as
 * the run has instances, so the JSON alone is never more than that behind for a tool that reads it without
 * the journal, the journal stays as small as the file, and the cost per change stays constant (one
 * rewrite per instance count of appends).
 *
 * Each line goes to the journal with one write(2) on a descriptor kept open, without fsync: the data is in the
 * kernel when the call returns, which is what a killed process needs (it survives SIGKILL; it would not survive
 * a power loss, as the renamed whole file never did either). fsync per line costs a disk flush per state
 * change (measured in bench/result-file.ts); appendFileSync an open and a close.
 */
export function createResultFileWriter(file: string) {
  const journal = journalOf(file);
  let descriptor: number | undefined;
  let lines = 0;
  const writeWhole = (run: RunResult) => {
    writeFileSync(`${file}.tmp`, resultFileText(run));
    renameSync(`${file}.tmp`, file);
  };
  const closeJournal = () => {
    if (descriptor !== undefined) closeSync(descriptor);
    descriptor = undefined;
  };
  /** Records a state change (`line`, its journal line); `run` is the whole result with it. */
  const record = (line: string, run: RunResult) => {
    if (descriptor !== undefined) {
      // Journalled even when a compaction follows, so that the journal left beside the compacted file
      // until it is replaced holds every change the file does (folding it in then changes nothing).
      writeSync(descriptor, line);
      lines += 1;
      if (lines < run.instances.length + (run.hooks?.length ?? 0)) return;
    }
    closeJournal();
    writeWhole(run);
    // A fresh journal, replacing any earlier one (this run's, now in the file, or one an earlier run left).
    writeFileSync(`${journal}.tmp`, journalHeaderLine(run));
    renameSync(`${journal}.tmp`, journal);
    descriptor = openSync(journal, 'a');
    lines = 0;
  };
  return {
    /** Records an instance's state change; `run` is the whole result with it. */
    changed(instance: InstanceResult, run: RunResult) {
      record(journalLine(instance), run);
    },
    /** Records a DR hook's state change, as an instance's: a killed failover's file still shows its hooks. */
    hookChanged(hook: HookResult, run: RunResult) {
      record(journalHookLine(hook), run);
    },
    /** The run has ended: the file written whole, the journal removed. */
    finish(run: RunResult) {
      closeJournal();
      writeWhole(run);
      rmSync(journal, { force: true });
    },
  };
}

/**
 * A result file read back (`--resume`, `report`, a drill's history) with its journal folded in when there is
 * one (the run that wrote it was killed), so that a killed run reads as it stood. The one way a result file
 * is read from disk. `source` names it in what a bad one is told (the journal is named by its path); `cannotRead` words a file that cannot be
 * read at all.
 */
export async function readResultFile(
  file: string,
  source: string,
  cannotRead: (message: string) => UsageError = (message) =>
    new UsageError(`cannot read '${file}': ${message}`),
): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw cannotRead((error as Error).message);
  }
  const run = parseResultText(text, source);
  let journal: string;
  try {
    journal = await readFile(journalOf(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return run;
    throw cannotRead((error as Error).message);
  }
  return foldJournal(run, journal, journalOf(file));
}
