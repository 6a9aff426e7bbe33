import { getOrThrow } from '../../core/lookup.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { summariseFailure } from '../../core/dr/drill-readiness.js';
import { compareReplica, type ReplicaCheck, type StateRead } from '../../core/dr/replica-freshness.js';
import type { BackendConfig, LayerGraph } from '../../core/graph/types.js';
import type { TerraformCall, TerraformClient } from '../../engine/terraform-client.js';
import { instanceDirectoryName } from '../../engine/work-directory.js';
import { parseStateIdentity } from '../../terraform/state-identity.js';

export interface ReplicaStateContext {
  graph: LayerGraph;
  manifestDirectory: string;
  terraform: TerraformClient;
  workDirectory: string;
  signal: AbortSignal;
  timeoutMs?: number | undefined;
}

/**
 * In a drill the primary is up: reads each replicated state on both sides (init and `state pull`, which take
 * no lock and change nothing) and compares their lineage and serial. One state at a time, each in a data
 * directory of its own, so no read shares the data or logs of the run's instances.
 */
export async function checkReplicas(
  context: ReplicaStateContext,
  replicaBackends: ReadonlyMap<string, BackendConfig>,
  regions: { primary: string; replica: string },
): Promise<ReplicaCheck[]> {
  const checks: ReplicaCheck[] = [];
  // A primary that cannot be read once is not tried again: a hung region would cost a timeout per state.
  let primaryDown: string | undefined;
  for (const [id, replicaBackend] of replicaBackends) {
    const instance = getOrThrow(context.graph.byId, id, 'a replicated instance');
    const read = (side: 'primary' | 'replica', backend: BackendConfig) =>
      readState(context, id, path.resolve(context.manifestDirectory, instance.path), side, backend);
    const primary: StateRead = primaryDown
      ? { error: `not tried: ${primaryDown}` }
      : await read('primary', context.graph.backendOf(instance));
    if ('error' in primary && primaryDown === undefined)
      primaryDown = `reading ${id} there failed: ${primary.error}`;
    const replica = await read('replica', replicaBackend);
    checks.push(compareReplica(id, regions, primary, replica));
  }
  return checks;
}

/**
 * The calls of a state read outside the engine: in the layer's directory `cwd`, with a data directory and logs
 * of its own under the work directory (`folders`), so no read shares the data or logs of the run's instances.
 */
export async function stateReadCalls(
  context: Pick<ReplicaStateContext, 'workDirectory' | 'signal' | 'timeoutMs'>,
  id: string,
  cwd: string,
  folders: readonly string[],
): Promise<(command: string) => TerraformCall> {
  const directory = path.join(context.workDirectory, ...folders);
  await mkdir(directory, { recursive: true });
  return (command) => ({
    cwd,
    dataDirectory: path.join(directory, 'terraform-data'),
    logFile: path.join(directory, `${command}.log`),
    instanceId: id,
    signal: context.signal,
    timeoutMs: context.timeoutMs,
  });
}

async function readState(
  context: ReplicaStateContext,
  id: string,
  cwd: string,
  side: string,
  backend: BackendConfig,
): Promise<StateRead> {
  const call = await stateReadCalls(context, id, cwd, ['replica-checks', instanceDirectoryName(id), side]);
  const init = await context.terraform.init(call('init'), backend);
  if (init.exitCode !== 0) return { error: failed('init', init.tail) };
  const pulled = await context.terraform.statePull(call('state-pull'));
  if (pulled.exitCode !== 0) return { error: failed('state pull', pulled.tail) };
  try {
    return { identity: parseStateIdentity(pulled.stdout) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function failed(command: string, tail: string): string {
  return summariseFailure(`terraform ${command} failed\n${tail}`, 'failed');
}
