import { plural } from './plural.js';
import { fenceFor } from './markdown-text.js';
import { suggest, type CommandName } from '../wording.js';
import type { ResourceMove } from '../migrate/state-document.js';
import type { InstanceMigration, InstancePreview, MigrationPreview, StateRecord } from '../migrate/types.js';

const identity = (record: StateRecord) =>
  record.lineage === null ? 'no state' : `lineage ${record.lineage}, serial ${String(record.serial)}`;

/**
 * `strata migrate plan`: per new instance what it receives and from where, and what its new code would plan
 * after the move; what stays; the states read. The commands that move them are worded by `command`.
 */
export function renderMigrationPlan(plan: MigrationPreview, command: CommandName): string {
  const previews = new Map(plan.previews.map((preview) => [preview.id, preview]));
  const lines: string[] = [`Migration plan (${plan.migrationFile})`, '', 'Old states read (read-only):'];
  for (const root of plan.roots) lines.push(`  ${root.state}: ${identity(root)}`);
  const { receiving, staying, unusedRules } = plan.mapping;
  lines.push('');
  if (receiving.size === 0) lines.push('Nothing left to move: every resource has moved or stays.');
  for (const [id, moves] of receiving) {
    lines.push(`${id} receives ${plural(moves.length, 'resource')}:`);
    for (const move of moves) {
      lines.push(
        move.from === move.to ? `  ${move.to}  ← ${move.root}` : `  ${move.to}  ← ${move.root} ${move.from}`,
      );
    }
    const preview = previews.get(id);
    if (preview) lines.push(...previewLines(preview, command));
  }
  if (staying.length > 0) {
    lines.push('', 'Staying in their roots:');
    for (const stay of staying) lines.push(`  ${stay.root} ${stay.address}  (rules[${String(stay.rule)}])`);
  }
  if (plan.dataSources > 0) {
    lines.push('', `${String(plan.dataSources)} data source(s) not moved: each root reads its own.`);
  }
  if (unusedRules.length > 0) {
    lines.push(
      '',
      `Rules that matched no resource (moved already, or a typo): ${unusedRules.map((index) => `rules[${String(index)}]`).join(', ')}`,
    );
  }
  const moved = [...receiving.values()].reduce((sum, moves) => sum + moves.length, 0);
  if (plan.previews.length > 0) {
    const clean = plan.previews.filter((preview) => preview.status === 'no-changes').length;
    lines.push(
      '',
      `After the move ${String(clean)} of ${String(plan.previews.length)} instance(s) plan no changes (the goal; migrate apply refuses any change).`,
    );
  }
  lines.push(
    '',
    `${String(moved)} to move into ${String(receiving.size)} instance(s), ${String(staying.length)} staying. Move one layer at a time: ${command(suggest('migrate apply', { setting: 'layer', value: 'LAYER' }))}`,
  );
  return `${lines.join('\n')}\n`;
}

/** What the instance's new code plans after the move, as a plan review shows it. */
function previewLines(preview: InstancePreview, command: CommandName): string[] {
  const lines: string[] = [];
  if (preview.alreadyThere > 0) {
    lines.push(
      `  HALF MIGRATED: ${String(preview.alreadyThere)} of these are in its state already and still in the old; finish with: ${command(suggest('migrate apply', { setting: 'instance', value: preview.id }))}`,
    );
  }
  if (preview.status === 'no-changes') {
    const mocked =
      preview.mockedUpstreams.length > 0
        ? ` (with the mock outputs of ${preview.mockedUpstreams.join(', ')}, not migrated yet)`
        : '';
    lines.push(`  after the move it plans: no changes${mocked}`);
  } else if (preview.status === 'not-planned') {
    lines.push(`  after the move it plans: not planned: ${indented(preview.reason, '    ').trimStart()}`);
  } else {
    const { add, change, replace, destroy } = preview.changes;
    lines.push(
      `  after the move it plans: ${String(add)} to add, ${String(change)} to change, ${String(replace)} to replace, ${String(destroy)} to destroy; migrate apply refuses this until it plans no changes:`,
      ...preview.resourceChanges.map((resource) => `    ${resource.action} ${resource.address}`),
      indented(preview.planText, '    | '),
    );
  }
  return lines;
}

function indented(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`.trimEnd())
    .join('\n');
}

/** `strata migrate apply`: per instance what moved, the backups (with lineage and serial), and any failure. */
export function renderMigrationApply(instances: readonly InstanceMigration[]): string {
  const lines: string[] = [];
  for (const instance of instances) {
    if (instance.status === 'nothing-to-move') {
      lines.push(`${instance.id}: nothing to move`);
      continue;
    }
    lines.push(
      instance.status === 'moved'
        ? `${instance.id}: moved ${String(instance.moves.length)} resource(s); its plan shows no changes`
        : `${instance.id}: FAILED, nothing moved: ${instance.error}`,
    );
    for (const move of instance.moves) {
      const finished = instance.alreadyThere.includes(move.to)
        ? ' (already there: finishing an earlier move)'
        : '';
      lines.push(`${moveLine(move)}${finished}`);
    }
    lines.push('  backups:');
    for (const backup of instance.backups)
      lines.push(`    ${backup.state} (${identity(backup)}): ${backup.file}`);
    if (instance.status === 'failed') {
      if (instance.restored.length > 0)
        lines.push(`  restored from the backups: ${instance.restored.join(', ')}`);
      for (const problem of instance.notRestored) {
        lines.push(`  NOT RESTORED, push its backup with 'state push' yourself: ${problem}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `  to  ← root` for a resource that keeps its address, `  to  ← root from` for a renamed one. */
function moveLine(move: ResourceMove): string {
  return `  ${move.to}  ← ${move.root}${move.from === move.to ? '' : ` ${move.from}`}`;
}

/** The job summary of the action's `command: migrate`: the text the CLI prints, fenced, under a title. */
export function renderMigrationSummary(title: string, text: string): string {
  const fence = fenceFor(text);
  return `### ${title}\n\n${fence}text\n${text.trimEnd()}\n${fence}\n`;
}
