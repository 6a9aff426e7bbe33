import { zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { createChildProcessRunner } from '../../src/adapters/child-process-runner.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from '../../src/engine/process-runner.js';

/** The version the fake reports. */
export const FAKE_TERRAFORM_VERSION = '1.13.5';

/**
 * A fake Terraform: each instance has state (applied or not) and outputs; plan reports one create until the
 * instance is applied. It records every call with start and end order, so tests can assert ordering and
 * concurrency without timing. It answers `version -json` too, so a use case can build its client over it.
 * It fakes Terraform only: a DR hook (STRATA_HOOK set) is an executable of the estate, and really runs.
 */
export class FakeTerraform implements ProcessRunner {
  readonly calls: {
    id: string;
    command: string;
    args: readonly string[];
    env: Readonly<Record<string, string>>;
  }[] = [];
  readonly events: string[] = [];
  readonly applied = new Set<string>();
  readonly failures = new Map<string, string>();
  readonly holds = new Map<string, Promise<void>>();
  /** `command id` -> a condition the call waits for (a bounded number of turns of the event loop). */
  readonly holdsUntil = new Map<string, () => boolean>();
  running = 0;
  maxRunning = 0;
  private readonly hooks = createChildProcessRunner();
  /**
   * What `state pull` prints for an instance, given the `-backend-config` arguments of the last init in its
   * data directory (so a primary and its replica can differ); by default every backend holds the same state.
   */
  stateOf: (id: string, backend: string) => string = (id) =>
    JSON.stringify({ version: 4, lineage: `lineage-${id}`, serial: 1 });
  private readonly backends = new Map<string, string>();
  /**
   * Locks held on an instance's state (a lock file replication left behind): the lock probe (`state rm
   * -dry-run`) fails with OpenTofu's Lock Info until `force-unlock` names the lock's ID.
   */
  readonly locks = new Map<string, { id: string; who: string; created: string }>();
  /**
   * What `plan -out` writes: nothing by default; `stored-state` writes a zip whose `tfstate-prev` holds the
   * instance's stored outputs, as Terraform's saved plan does; `unreadable` writes a file that is no zip (as an
   * encrypted plan is to a reader).
   */
  savedPlans: 'none' | 'stored-state' | 'unreadable' = 'none';

  constructor(
    private readonly outputsFor: (id: string) => Record<string, { value: unknown; sensitive?: boolean }>,
  ) {}

  async run(request: ProcessRequest): Promise<ProcessResult> {
    if (request.env.STRATA_HOOK !== undefined) return this.hooks.run(request);
    const id = request.env.STRATA_INSTANCE_ID ?? '';
    const command = request.args[0]!;
    this.calls.push({ id, command, args: request.args, env: request.env });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.events.push(`start ${command} ${id}`);
    await new Promise((resolve) => setImmediate(resolve));
    const hold = this.holds.get(`${command} ${id}`);
    if (hold) await hold;
    const until = this.holdsUntil.get(`${command} ${id}`);
    for (let turn = 0; until && !until() && turn < 2_000; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (request.signal?.aborted && hold) {
      this.running--;
      return {
        exitCode: 1,
        stdout: '',
        tail: 'Interrupt received.',
        endSignal: null,
        cancelled: true,
        timedOut: false,
        killed: false,
        durationMs: 1,
      };
    }
    this.running--;
    this.events.push(`end ${command} ${id}`);
    const result = (exitCode: number | null, stdout = '', tail = ''): ProcessResult => {
      // As the real runner does: streamed stdout goes to the callback, not into the result.
      if (request.onStdout) request.onStdout(stdout);
      return {
        exitCode,
        stdout: request.onStdout ? '' : stdout,
        tail,
        endSignal: null,
        cancelled: request.signal?.aborted ?? false,
        timedOut: false,
        killed: false,
        durationMs: 1,
      };
    };
    if (this.failures.get(id) === command) return result(1, '', `Error: ${command} exploded for ${id}`);
    switch (command) {
      case 'version':
        return result(0, JSON.stringify({ terraform_version: FAKE_TERRAFORM_VERSION }));
      case 'init':
        this.backends.set(
          request.env.TF_DATA_DIR ?? '',
          request.args.filter((arg) => arg.startsWith('-backend-config=')).join(' '),
        );
        return result(0);
      case 'state': {
        const lock = this.locks.get(id);
        if (request.args[1] === 'rm' && lock) return result(1, '', lockError(lock, id));
        return result(0, this.stateOf(id, this.backends.get(request.env.TF_DATA_DIR ?? '') ?? ''));
      }
      case 'force-unlock': {
        if (this.locks.get(id)?.id !== request.args.at(-1)) return result(1, '', 'Error: no such lock');
        this.locks.delete(id);
        return result(0, 'OpenTofu state has been successfully unlocked!');
      }
      case 'plan': {
        this.savePlan(id, request.args);
        const destroying = request.args.includes('-destroy');
        return result(destroying ? (this.applied.has(id) ? 2 : 0) : this.applied.has(id) ? 0 : 2);
      }
      case 'show': {
        const changes = this.applied.has(id)
          ? []
          : [{ address: 'terraform_data.x', mode: 'managed', change: { actions: ['create'] } }];
        return result(
          0,
          JSON.stringify({ format_version: '1.2', planned_values: {}, resource_changes: changes }),
        );
      }
      case 'apply':
        this.applied.add(id);
        return result(0);
      case 'output':
        return result(0, JSON.stringify(this.storedOutputs(id)));
      default:
        return result(1, '', `unexpected command ${command}`);
    }
  }

  private storedOutputs(id: string) {
    if (!this.applied.has(id)) return {};
    return Object.fromEntries(
      Object.entries(this.outputsFor(id)).map(([name, output]) => [
        name,
        { sensitive: output.sensitive ?? false, type: 'string', value: output.value },
      ]),
    );
  }

  private savePlan(id: string, args: readonly string[]) {
    const out = args.find((arg) => arg.startsWith('-out='))?.slice('-out='.length);
    if (out === undefined || this.savedPlans === 'none') return;
    const stored = { version: 4, serial: 1, lineage: `lineage-${id}`, outputs: this.storedOutputs(id) };
    writeFileSync(
      out,
      this.savedPlans === 'unreadable'
        ? 'encrypted'
        : zipSync({ tfplan: new Uint8Array([0]), 'tfstate-prev': Buffer.from(JSON.stringify(stored)) }),
    );
  }

  order(event: string): number {
    const index = this.events.indexOf(event);
    if (index < 0) throw new Error(`no event '${event}' in ${this.events.join(', ')}`);
    return index;
  }
}

/** OpenTofu's "Error acquiring the state lock" with its Lock Info, as use_lockfile prints it. */
function lockError(lock: { id: string; who: string; created: string }, id: string): string {
  return [
    'Error: Error acquiring the state lock',
    '',
    'Error message: operation error S3: PutObject, https response error StatusCode: 412',
    'Lock Info:',
    `  ID:        ${lock.id}`,
    `  Path:      tfstate/${id}.tfstate`,
    '  Operation: OperationTypeApply',
    `  Who:       ${lock.who}`,
    '  Version:   1.12.6',
    `  Created:   ${lock.created}`,
    '  Info:      ',
    '',
  ].join('\n');
}
