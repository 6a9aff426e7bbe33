import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Instance } from '../core/graph/types.js';
import type { TerraformStep } from '../core/run-result.js';
import type { TerraformCall } from './terraform-client.js';
import { instanceDirectory, instanceDirectoryName } from './work-directory.js';

/** Terraform's data directory (`TF_DATA_DIR`) in an instance's directory: kept from run to run. */
const DATA_DIRECTORY = 'terraform-data';

/** A log of an instance's output, shown as a section of its own. */
export interface LogSection {
  title: string;
  logFile: string;
}

export interface InstanceDirectoriesOptions {
  manifestDirectory: string;
  /** Absolute; each instance's Terraform data, var file, plan and logs are kept under it. */
  workDirectory: string;
  signal: AbortSignal;
  commandTimeoutMs?: number | undefined;
  graceMs?: number | undefined;
}

/**
 * Where an instance's Terraform commands run and log in a run's work directory, and the sections of its
 * output: one per Terraform step it ran and per note kept.
 */
export class InstanceDirectories {
  private readonly sections = new Map<string, LogSection[]>();

  constructor(private readonly options: InstanceDirectoriesOptions) {}

  sectionsOf(id: string): LogSection[] {
    return this.sections.get(id) ?? [];
  }

  directoryOf(id: string): string {
    return instanceDirectory(this.options.workDirectory, id);
  }

  dataDirectoryOf(id: string, reading: boolean): string {
    return path.join(reading ? this.readDirectoryOf(id) : this.directoryOf(id), DATA_DIRECTORY);
  }

  /** Where the outputs of an upstream are read, apart from that instance's own data and logs. */
  readDirectoryOf(id: string): string {
    return path.join(this.options.workDirectory, 'upstream-reads', instanceDirectoryName(id));
  }

  /** Removes everything in an instance's directory but Terraform's data directory, which `init` vouches for. */
  async clearAllButData(id: string): Promise<void> {
    const directory = this.directoryOf(id);
    const entries = await readdir(directory).catch(() => []);
    await Promise.all(
      entries
        .filter((name) => name !== DATA_DIRECTORY)
        .map((name) => rm(path.join(directory, name), { recursive: true, force: true })),
    );
  }

  /**
   * Where one Terraform command for an instance runs, its output appended to that instance's log for the step.
   * Reading an upstream's outputs (`reading`) uses a directory of its own, so it never touches the data or
   * logs of that instance, which may run later in the same run.
   */
  call(instance: Instance, step: TerraformStep, reading = false): TerraformCall {
    const directory = reading ? this.readDirectoryOf(instance.id) : this.directoryOf(instance.id);
    const logFile = path.join(directory, `${step}.log`);
    if (!reading) this.addSection(instance.id, { title: `terraform ${step}`, logFile });
    return {
      cwd: path.resolve(this.options.manifestDirectory, instance.path),
      dataDirectory: this.dataDirectoryOf(instance.id, reading),
      logFile,
      instanceId: instance.id,
      signal: this.options.signal,
      timeoutMs: this.options.commandTimeoutMs,
      graceMs: this.options.graceMs,
    };
  }

  /** A note in the instance's output, as a section of its own. */
  async keepNote(
    instance: Instance,
    note: string,
    fileName = 'preview-check.log',
    title = 'check against what was reviewed',
  ): Promise<void> {
    const logFile = path.join(this.directoryOf(instance.id), fileName);
    await writeFile(logFile, `${note}\n`);
    this.addSection(instance.id, { title, logFile });
  }

  private addSection(id: string, section: LogSection) {
    const list = this.sections.get(id) ?? [];
    if (!list.some((known) => known.logFile === section.logFile)) list.push(section);
    this.sections.set(id, list);
  }
}
