import { itemAt } from '../core/lookup.js';
import { suggest, type CommandName } from '../core/wording.js';

/**
 * The holder of a state lock, as Terraform prints it when it cannot take the lock: the `Lock Info:` block of
 * its "Error acquiring the state lock" diagnostic (statemgr.LockInfo.String() in Terraform's source).
 */
export interface LockInfo {
  /** The lock's ID: what `terraform force-unlock` takes. Empty when the lock record could not be read. */
  id: string;
  /** Where the locked state lives, as the backend names it (`bucket/key` for S3, the file for `local`). */
  path: string;
  /** Terraform's operation name: `OperationTypePlan`, `OperationTypeApply`, or a command such as `init`. */
  operation: string;
  /** `user@host` of the process that took the lock. */
  who: string;
  /** The Terraform version that took the lock. */
  version: string;
  /** The creation time exactly as printed (Go's time format, e.g. `2024-05-02 09:14:03.5 +0000 UTC`). */
  createdText: string;
  /** The same time, or null when the text is not one. */
  createdAt: Date | null;
  /** Free text the holder attached; usually empty. */
  info: string;
  /** The backend's own words for the failure, e.g. `resource temporarily unavailable` or the S3 412 error. */
  message: string;
}

const LOCK_SUMMARY = 'Error acquiring the state lock';
type Field = 'ID' | 'Path' | 'Operation' | 'Who' | 'Version' | 'Created' | 'Info';
const FIELD_LINE = /^\s*(ID|Path|Operation|Who|Version|Created|Info):[ \t]?(.*)$/;
// Everything ANSI colour and the box Terraform draws round a diagnostic when colour is on.
// eslint-disable-next-line no-control-regex -- ESC is exactly what is being removed
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const FRAME = /^[│╷╵](?: |$)/;

/**
 * Terraform's text without colour codes and without the `│` frame of coloured diagnostics, lines kept, so
 * the same patterns read `-no-color` output and a terminal's. Carriage returns are dropped.
 */
export function plainDiagnosticText(text: string): string {
  return text
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.replace(FRAME, ''))
    .join('\n');
}

/**
 * Reads the lock holder out of Terraform's "Error acquiring the state lock" output (plain or coloured, alone
 * or inside a longer log). Undefined when the text is not that error, or when the error carries no
 * `Lock Info:` block (the lock could not even be tried, e.g. the backend was unreachable).
 */
export function parseLockError(text: string): LockInfo | undefined {
  const plain = plainDiagnosticText(text);
  const start = plain.indexOf(LOCK_SUMMARY);
  if (start === -1) return undefined;
  const lines = plain.slice(start).split('\n');
  const header = lines.findIndex((line) => line.trim() === 'Lock Info:');
  if (header === -1) return undefined;

  const values = new Map<Field, string>();
  for (const line of lines.slice(header + 1)) {
    const match = FIELD_LINE.exec(line);
    if (!match) break;
    const field = match[1] as Field;
    if (values.has(field)) break;
    values.set(field, itemAt(match, 2, 'lock field value').trim());
  }
  if (!values.has('ID')) return undefined;

  const createdText = values.get('Created') ?? '';
  return {
    id: values.get('ID') ?? '',
    path: values.get('Path') ?? '',
    operation: values.get('Operation') ?? '',
    who: values.get('Who') ?? '',
    version: values.get('Version') ?? '',
    createdText,
    createdAt: parseGoTime(createdText),
    info: values.get('Info') ?? '',
    message: errorMessageBefore(lines.slice(0, header)),
  };
}

/** The `Error message: …` paragraph above the block, joined back into one line where Terraform wrapped it. */
function errorMessageBefore(lines: string[]): string {
  const first = lines.findIndex((line) => line.trimStart().startsWith('Error message:'));
  if (first === -1) return '';
  return lines
    .slice(first)
    .join(' ')
    .replace(/^\s*Error message:/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Go's time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`, maybe with a monotonic `m=+0.01` tail.
const GO_TIME =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? ([+-])(\d{2})(\d{2})(?: [^\s]+)?(?: m=[+-][\d.]+)?$/;
// RFC 3339, as the lock's JSON record holds it.
const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The lock's creation time, from Go's `time.Time` text or RFC 3339; null for anything else. */
export function parseGoTime(text: string): Date | null {
  const go = GO_TIME.exec(text.trim());
  const rfc = go ? null : RFC3339.exec(text.trim());
  let iso: string;
  if (go) {
    // Every group but the fraction takes part in a match.
    const group = (index: number) => itemAt(go, index, 'time field');
    iso = `${group(1)}T${group(2)}${millis(go[3] ?? '')}${group(4)}${group(5)}:${group(6)}`;
  } else if (rfc) {
    const group = (index: number) => itemAt(rfc, index, 'time field');
    iso = `${group(1)}T${group(2)}${millis(rfc[3] ?? '')}${group(4)}`;
  } else return null;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** Go prints up to nine fraction digits; a JavaScript Date keeps three. */
function millis(fraction: string): string {
  return fraction === '' ? '' : `.${fraction.slice(1, 4).padEnd(3, '0')}`;
}

const OPERATIONS: Readonly<Record<string, string>> = {
  OperationTypePlan: 'a plan',
  OperationTypeApply: 'an apply (or destroy)',
  OperationTypeRefresh: 'a refresh',
  OperationTypeInvalid: 'an unknown operation',
};

/**
 * A message for people about a lock held on one instance's state: who holds it, for what, since when and for
 * how long, and how to release it by hand if it is stale. Strata never releases a lock itself, so the message
 * says what to check first.
 */
export function describeLock(
  info: LockInfo,
  now: Date,
  context: { instanceId: string; layerPath: string; command: CommandName },
): string {
  const holder = info.who === '' ? 'an unknown holder' : info.who;
  const operation =
    info.operation === '' ? 'an unnamed operation' : (OPERATIONS[info.operation] ?? `'${info.operation}'`);
  // The holder may be Terraform or OpenTofu: the lock says only its version.
  const version = info.version === '' ? '' : ` (version ${info.version})`;
  const lines = [
    `The state of ${context.instanceId} is locked by ${holder} for ${operation}${version}${since(info, now)}.`,
  ];
  if (info.path !== '') lines.push(`  State:   ${info.path}`);
  if (info.id !== '') lines.push(`  Lock ID: ${info.id}`);
  if (info.info !== '') lines.push(`  Note:    ${info.info}`);
  lines.push(
    'If that run is still going, let it finish and run again; a longer terraform.lock_timeout in the manifest makes Strata wait for it.',
  );
  const unlock = info.id === '' ? 'terraform force-unlock <LOCK_ID>' : `terraform force-unlock ${info.id}`;
  lines.push(
    `If the lock is stale (its run was killed or its runner lost), first make sure no run is still going: no workflow run or terminal working on ${context.instanceId}. Then release it by hand: in ${context.layerPath}, with ${context.instanceId}'s backend initialised (terraform init -reconfigure with its backend settings; '${context.command(suggest('graph', { setting: 'format', value: 'json' }))}' lists them), run:`,
    `  ${unlock}`,
  );
  if (info.id === '')
    lines.push('  (the lock record could not be read, so its ID is unknown; the backend holds it)');
  lines.push(
    'Strata never force-unlocks by itself: removing a lock that a live run holds lets two runs write the same state.',
  );
  return lines.join('\n');
}

/** ` since 2024-05-02 09:14 UTC, for 2h 14m`, or the text as printed when it is not a time. */
function since(info: LockInfo, now: Date): string {
  if (info.createdAt === null) return info.createdText === '' ? '' : ` since ${info.createdText}`;
  const when = `${info.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const age = now.getTime() - info.createdAt.getTime();
  // A minute of clock skew between the holder and this machine is normal; more is worth saying.
  if (age < -60_000) return ` since ${when} (later than this machine's clock, so its age is unknown)`;
  return ` since ${when}, for ${formatAge(Math.max(0, age))}`;
}

/** `42s`, `14m`, `2h 14m`, `3d 4h`: the two largest units, rounded down, as people say how old something is. */
export function formatAge(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
  if (hours > 0) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  if (minutes > 0) return `${minutes}m`;
  return `${seconds}s`;
}
