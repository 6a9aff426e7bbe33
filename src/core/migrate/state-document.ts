import { UsageError } from '../errors.js';
import { splitAddress } from './resource-address.js';

/**
 * Terraform's state document (format version 4), as `state pull` prints it and `state push` takes it. Only
 * what a move needs is typed; every other field is carried through untouched.
 */
export interface StateDocument {
  version: number;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Record<string, unknown>;
  resources: StateResource[];
  [field: string]: unknown;
}

export interface StateResource {
  module?: string;
  mode: string;
  type: string;
  name: string;
  instances: ({ dependencies?: string[] } & Record<string, unknown>)[];
  [field: string]: unknown;
}

/** One resource (all of its instances) leaving a root for a new instance. */
export interface ResourceMove {
  root: string;
  from: string;
  to: string;
}

/** The state `state pull` printed; null when there is none yet (it prints nothing). */
export function parseStateDocument(text: string, source: string): StateDocument | null {
  if (text.trim() === '') return null;
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new UsageError(`the state of ${source} is not JSON: '${text.trim().slice(0, 40)}'`);
  }
  const document = state as Partial<StateDocument> | null;
  if (
    document?.version !== 4 ||
    typeof document.lineage !== 'string' ||
    typeof document.serial !== 'number' ||
    !Array.isArray(document.resources)
  ) {
    throw new UsageError(
      `the state of ${source} is not a state of format version 4 with a lineage, a serial and resources`,
    );
  }
  return { outputs: {}, ...document } as StateDocument;
}

export function resourceAddress(resource: StateResource): string {
  const module = resource.module ?? '';
  const type = resource.mode === 'data' ? `data.${resource.type}` : resource.type;
  return `${module === '' ? '' : `${module}.`}${type}.${resource.name}`;
}

/** The managed resources of a state, by address; data sources are read afresh by each root and never move. */
export function managedResources(state: StateDocument | null): Map<string, StateResource> {
  const resources = new Map<string, StateResource>();
  for (const resource of state?.resources ?? []) {
    if (resource.mode === 'managed') resources.set(resourceAddress(resource), resource);
  }
  return resources;
}

export interface ReceivingState {
  /** The document to push; null when every move is already in the state (a re-run). */
  state: StateDocument | null;
  added: string[];
  /** Moves whose resource the state already holds, exactly as it would be written. */
  alreadyThere: string[];
}

/**
 * The new instance's state with the moved resources in it, at their new addresses (and their recorded
 * dependencies renamed alike). An existing state keeps its lineage and goes one serial up, as `state push`
 * requires; a new one takes `lineage`. A resource already there is left alone when it is what the move would
 * write (an interrupted move being finished) and refused when it is anything else.
 */
export function receivingState(options: {
  current: StateDocument | null;
  sources: ReadonlyMap<string, StateDocument>;
  moves: readonly ResourceMove[];
  lineage: string;
  instanceId: string;
}): ReceivingState {
  const { current, moves } = options;
  const renamed = new Map(moves.map((move) => [move.from, move.to]));
  const existing = managedResources(current);
  const added: StateResource[] = [];
  const alreadyThere: string[] = [];
  for (const move of moves) {
    const source = managedResources(options.sources.get(move.root) ?? null).get(move.from);
    if (!source) throw new Error(`internal: ${move.root} has no ${move.from}`);
    const moved = moveResource(source, move.to, renamed);
    const there = existing.get(move.to);
    if (there === undefined) added.push(moved);
    else if (canonical(there) === canonical(moved)) alreadyThere.push(move.to);
    else {
      throw new UsageError(
        `${options.instanceId} already holds ${move.to}, and not as ${move.root}'s ${move.from}: move it away or remove the rule that sends ${move.from} there`,
      );
    }
  }
  if (added.length === 0) return { state: null, added: [], alreadyThere };
  const first = options.sources.get(moves[0]?.root ?? '');
  const base: StateDocument = current ?? {
    version: 4,
    terraform_version: first?.terraform_version ?? '',
    serial: 0,
    lineage: options.lineage,
    outputs: {},
    resources: [],
    check_results: null,
  };
  return {
    state: { ...base, serial: base.serial + 1, resources: [...base.resources, ...added] },
    added: added.map(resourceAddress),
    alreadyThere,
  };
}

/** A root's state less the moved resources, one serial up. */
export function trimmedState(state: StateDocument, removed: ReadonlySet<string>): StateDocument {
  return {
    ...state,
    serial: state.serial + 1,
    resources: state.resources.filter(
      (resource) => resource.mode !== 'managed' || !removed.has(resourceAddress(resource)),
    ),
  };
}

/**
 * What puts a state back as its backup had it, to push over `current` (what is there now): the backup's
 * content one serial above the current one, so `state push` takes it without -force. A state that was new is
 * emptied. Null when nothing was written there.
 */
export function restoringState(
  backup: StateDocument | null,
  current: StateDocument | null,
): StateDocument | null {
  if (current === null) return null;
  if (backup === null) return { ...current, serial: current.serial + 1, outputs: {}, resources: [] };
  if (backup.lineage === current.lineage && backup.serial === current.serial) return null;
  return { ...backup, lineage: current.lineage, serial: current.serial + 1 };
}

function moveResource(
  resource: StateResource,
  to: string,
  renamed: ReadonlyMap<string, string>,
): StateResource {
  const { module, type, name } = splitAddress(to);
  const rest: Partial<StateResource> = { ...resource };
  delete rest.module;
  return {
    ...(module === '' ? {} : { module }),
    ...rest,
    mode: resource.mode,
    type,
    name,
    instances: resource.instances.map((instance) =>
      instance.dependencies
        ? {
            ...instance,
            dependencies: instance.dependencies.map((address) => renamed.get(address) ?? address),
          }
        : instance,
    ),
  };
}

/** JSON with keys sorted: the same resource read back from a backend may list its fields in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
