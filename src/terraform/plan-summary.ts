import { TerraformOutputError } from './errors.js';
import { arrayAt, isRecord, parseJsonObjects, recordAt } from './json-objects.js';

/**
 * What happens to one resource instance or output, reduced from Terraform's `actions` array.
 * `other` is an action this code does not know yet (Terraform adds some now and then); it is kept, not dropped.
 */
export type ChangeAction =
  'create' | 'update' | 'delete' | 'replace' | 'create-then-forget' | 'forget' | 'read' | 'no-op' | 'other';

export interface ResourceChange {
  address: string;
  actions: ChangeAction;
  /** Terraform's own array: `["create","delete"]` is create_before_destroy; an unknown action shows here as is. */
  rawActions: string[];
  /** Why, when Terraform says: `replace_because_tainted`, `delete_because_no_resource_config`… */
  actionReason?: string;
  /** The deposed object's key, for an object left over from a create_before_destroy replacement. */
  deposed?: string;
  /** Brought under management by an `import` block in this plan. */
  isImporting: boolean;
}

export interface OutputChange {
  name: string;
  actions: ChangeAction;
  rawActions: string[];
  isSensitive: boolean;
}

/**
 * Per-instance counts. `add`, `change`, `destroy` and `import` are exactly the numbers of Terraform's
 * `Plan: …` line; the others say more about them.
 */
export interface PlanCounts {
  /** Creates, replacements (either order) and create-then-forget. */
  add: number;
  change: number;
  /** Deletes and replacements. */
  destroy: number;
  /** Replacements, each of which is also in `add` and `destroy`. */
  replace: number;
  /** `["forget"]` (a `removed` block with `destroy = false`) and `["create","forget"]`. */
  forget: number;
  import: number;
  /** Data sources read during apply; never in Terraform's line. */
  read: number;
  noop: number;
  other: number;
}

export interface PlanSummary {
  formatVersion: string;
  /** Absent in some plans (Terraform's own test fixtures drop it). OpenTofu puts its own version here. */
  terraformVersion?: string;
  counts: PlanCounts;
  /** Every instance that changes or is imported, in the plan's order; data sources only when read. */
  resourceChanges: ResourceChange[];
  /** Outputs whose value changes (no-ops left out). */
  outputChanges: OutputChange[];
  /** Changes made outside Terraform since the last apply (`resource_drift`). */
  drift: ResourceChange[];
  hasDrift: boolean;
  /** Something to apply: a resource or output change (reads and no-ops do not count). */
  hasChanges: boolean;
  /** The next three are copied when the plan has them (newer Terraform and OpenTofu write them); absent otherwise. */
  errored?: boolean;
  applyable?: boolean;
  complete?: boolean;
}

const SOURCE = 'terraform show -json';

/** Reads the output of `terraform show -json PLANFILE` (Terraform or OpenTofu, plan format 1.x). */
export function parsePlanJson(text: string): PlanSummary {
  const { plan, formatVersion } = readPlanDocument(text);
  const counts: PlanCounts = {
    add: 0,
    change: 0,
    destroy: 0,
    replace: 0,
    forget: 0,
    import: 0,
    read: 0,
    noop: 0,
    other: 0,
  };
  const resourceChanges: ResourceChange[] = [];
  for (const entry of arrayAt(plan, 'resource_changes')) {
    const change = toResourceChange(entry);
    // Terraform leaves data sources out of its counts; we show their reads and skip the rest.
    if (entry.mode === 'data' && change.actions !== 'read') continue;
    count(counts, change);
    if (change.actions !== 'no-op' || change.isImporting) resourceChanges.push(change);
  }

  const outputChanges: OutputChange[] = [];
  for (const [name, entry] of Object.entries(recordAt(plan, 'output_changes'))) {
    if (!isRecord(entry)) continue;
    const rawActions = actionsOf(entry);
    const actions = classify(rawActions);
    if (actions === 'no-op') continue;
    const isSensitive = containsTrue(entry.before_sensitive) || containsTrue(entry.after_sensitive);
    outputChanges.push({ name, actions, rawActions, isSensitive });
  }

  const drift = arrayAt(plan, 'resource_drift').map(toResourceChange);
  const summary: PlanSummary = {
    formatVersion,
    counts,
    resourceChanges,
    outputChanges,
    drift,
    hasDrift: drift.length > 0,
    hasChanges: resourceChanges.some((c) => c.actions !== 'read') || outputChanges.length > 0,
  };
  if (typeof plan.terraform_version === 'string') summary.terraformVersion = plan.terraform_version;
  for (const flag of ['errored', 'applyable', 'complete'] as const) {
    if (typeof plan[flag] === 'boolean') summary[flag] = plan[flag];
  }
  return summary;
}

/** Terraform's own summary line, e.g. `Plan: 1 to import, 2 to add, 0 to change, 2 to destroy.` */
export function planLine(counts: PlanCounts): string {
  // Terraform 1.13 prints no forget count (see the forget fixture), so neither do we.
  const imports = counts.import > 0 ? `${counts.import} to import, ` : '';
  return `Plan: ${imports}${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.`;
}

function readPlanDocument(text: string): { plan: Record<string, unknown>; formatVersion: string } {
  const documents = parseJsonObjects(text);
  const [plan] = documents;
  if (plan === undefined) {
    throw new TerraformOutputError(
      SOURCE,
      'one JSON plan document',
      `text that is not a JSON object: ${preview(text)}`,
    );
  }
  if (documents.length > 1) {
    throw new TerraformOutputError(
      SOURCE,
      'one plan',
      `${documents.length} JSON documents one after another (as \`terragrunt show --all -json\` writes, one per unit); ` +
        'run `show -json` in each unit and read each plan on its own',
    );
  }
  const version = plan.format_version;
  if (typeof version !== 'string') {
    throw new TerraformOutputError(SOURCE, 'a plan with a format_version', keyList(plan));
  }
  if (!/^1\.\d+$/.test(version)) {
    throw new TerraformOutputError(SOURCE, 'plan format_version 1.x', `format_version '${version}'`);
  }
  if (!('planned_values' in plan)) {
    const what =
      'values' in plan ? 'a state (values, no planned_values): pass the plan file to show' : keyList(plan);
    throw new TerraformOutputError(SOURCE, 'a plan with planned_values', what);
  }
  return { plan, formatVersion: version };
}

function toResourceChange(entry: Record<string, unknown>): ResourceChange {
  const change = isRecord(entry.change) ? entry.change : {};
  const rawActions = actionsOf(change);
  const result: ResourceChange = {
    address: typeof entry.address === 'string' ? entry.address : '(unknown address)',
    actions: classify(rawActions),
    rawActions,
    isImporting: isRecord(change.importing),
  };
  if (typeof entry.action_reason === 'string') result.actionReason = entry.action_reason;
  if (typeof entry.deposed === 'string') result.deposed = entry.deposed;
  return result;
}

function classify(actions: string[]): ChangeAction {
  switch (actions.join(',')) {
    case 'create':
    case 'update':
    case 'delete':
    case 'forget':
    case 'read':
    case 'no-op':
      return actions[0] as ChangeAction;
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    case 'create,forget':
      return 'create-then-forget';
    default:
      return 'other';
  }
}

/** Terraform's arithmetic for its `Plan:` line (views/plan in Terraform), plus our finer counts. */
function count(counts: PlanCounts, change: ResourceChange): void {
  if (change.isImporting) counts.import++;
  switch (change.actions) {
    case 'create':
      counts.add++;
      break;
    case 'update':
      counts.change++;
      break;
    case 'delete':
      counts.destroy++;
      break;
    case 'replace':
      counts.add++;
      counts.destroy++;
      counts.replace++;
      break;
    case 'create-then-forget':
      counts.add++;
      counts.forget++;
      break;
    case 'forget':
      counts.forget++;
      break;
    case 'read':
      counts.read++;
      break;
    case 'no-op':
      counts.noop++;
      break;
    case 'other':
      counts.other++;
      break;
  }
}

function actionsOf(change: Record<string, unknown>): string[] {
  return Array.isArray(change.actions) ? change.actions.map(String) : [];
}

/** A sensitivity mark is `true`, or an object/array mirroring the value with `true` at sensitive leaves. */
function containsTrue(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(containsTrue);
  return isRecord(mark) && Object.values(mark).some(containsTrue);
}

function keyList(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 8).join(', ')}`;
}

function preview(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty output';
  return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed);
}
