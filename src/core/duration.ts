import { UsageError } from './errors.js';

/** Go's units (time.ParseDuration, which Terraform uses for `-lock-timeout`), in nanoseconds. */
const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

// One element: a decimal number (`1`, `1.5`, `.5`, `1.`) and a unit; longer units first so `ms` is not `m`.
const ELEMENT = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|h|m|s)/y;

/**
 * Milliseconds in a Go duration: `500ms`, `30s`, `5m`, `1h30m`, `1.5h`, or a bare `0`. A leading `+` is
 * accepted as Go does; a negative duration is refused, as no timeout or interval can use one. The result
 * can have a fraction below one millisecond (`1500us` is 1.5).
 * `what` names the input in the error, e.g. `Input 'lock-timeout'`.
 */
export function parseDuration(text: string, what = 'A duration'): number {
  const fail = (why: string) =>
    new UsageError(
      `${what} must be ${why} such as '30s', '5m' or '1h30m' (units ns, us, ms, s, m, h), got '${text}'`,
    );
  const source = text.trim();
  if (source === '0') return 0;
  if (source.startsWith('-')) throw fail('a duration of zero or more');
  const body = source.startsWith('+') ? source.slice(1) : source;
  if (body === '') throw fail('a duration');

  let nanoseconds = 0;
  ELEMENT.lastIndex = 0;
  while (ELEMENT.lastIndex < body.length) {
    const match = ELEMENT.exec(body);
    if (!match) throw fail('a duration');
    const [, amount, unit] = match;
    // The pattern matches only known units: a unit not in UNIT_NS is a bug in the two.
    const perUnit = unit === undefined ? undefined : UNIT_NS[unit];
    if (perUnit === undefined) throw new Error(`Internal error: duration unit '${String(unit)}' not known`);
    nanoseconds += Number(amount) * perUnit;
  }
  // Rounded to whole nanoseconds, as Go keeps them, which also drops float noise (1.1s is 1100, not 1100.0000002).
  return Math.round(nanoseconds) / 1e6;
}
