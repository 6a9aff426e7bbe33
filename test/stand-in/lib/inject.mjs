// Failure injection and observation, all through environment variables (see ../README.md):
// STANDIN_FAIL, STANDIN_HANG, STANDIN_DELAY_MS, STANDIN_DOWN_REGIONS, STANDIN_CALL_LOG, STANDIN_REPLICATE.

import { appendFileSync } from 'node:fs';
import { marshal } from './go-json.mjs';

export const COMMANDS = ['init', 'plan', 'apply', 'output', 'show'];

function globToRegExp(glob) {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function badRule(variable, rule, why) {
  return new Error(`${variable}: cannot read rule ${JSON.stringify(rule)}: ${why}`);
}

/** `cmd:pattern[,cmd:pattern...]`; cmd may be `*`. */
export function parseRules(variable, text, withMs = false) {
  if (!text) return [];
  return text
    .split(',')
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const first = rule.indexOf(':');
      if (first === -1) throw badRule(variable, rule, 'expected cmd:pattern');
      const cmd = rule.slice(0, first);
      let pattern = rule.slice(first + 1);
      let ms;
      if (withMs) {
        const last = pattern.lastIndexOf(':');
        if (last === -1) throw badRule(variable, rule, 'expected cmd:pattern:ms');
        ms = Number(pattern.slice(last + 1));
        pattern = pattern.slice(0, last);
        if (!Number.isFinite(ms) || ms < 0) throw badRule(variable, rule, 'ms must be a number ≥ 0');
      }
      if (cmd !== '*' && !COMMANDS.includes(cmd))
        throw badRule(variable, rule, `cmd must be one of ${COMMANDS.join(', ')} or *`);
      if (pattern === '') throw badRule(variable, rule, 'empty pattern');
      return { cmd, pattern, regexp: globToRegExp(pattern), ms };
    });
}

/** The first rule matching this command and instance (an unset instance id matches only `*`). */
export function matchRule(rules, command, instance) {
  return rules.find(
    (rule) =>
      (rule.cmd === '*' || rule.cmd === command) &&
      (rule.pattern === '*' || (instance !== null && rule.regexp.test(instance))),
  );
}

export function readInjection(env) {
  return {
    fail: parseRules('STANDIN_FAIL', env.STANDIN_FAIL),
    hang: parseRules('STANDIN_HANG', env.STANDIN_HANG),
    delay: parseRules('STANDIN_DELAY_MS', env.STANDIN_DELAY_MS, true),
    downRegions: (env.STANDIN_DOWN_REGIONS ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    replicate: parseReplicate(env.STANDIN_REPLICATE),
    callLog: env.STANDIN_CALL_LOG || undefined,
  };
}

/** `eu-west-2:eu-west-1[,a:b]` → [{from, to}] */
export function parseReplicate(text) {
  if (!text) return [];
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((pair) => {
      const [from, to, extra] = pair.split(':');
      if (!from || !to || extra !== undefined || from === to)
        throw badRule('STANDIN_REPLICATE', pair, 'expected source-region:replica-region');
      return { from, to };
    });
}

export function writeCallLog(file, entry) {
  appendFileSync(file, marshal(entry) + '\n');
}

// -------------------------------------------------------------------------------------------------------
// Regions in backend configurations

/**
 * Spans of `value` that belong to the instance id (the `{id}` part of a rendered backend setting), which
 * region matching leaves alone: `state/eu-west-2/prod/eu-west-2/app.tfstate` is in eu-west-2 because of
 * its first segment, and its replica `state/eu-west-1/prod/eu-west-2/app.tfstate` is in eu-west-1 only.
 */
function protectedSpans(value, instance) {
  const spans = [];
  if (!instance) return spans;
  let from = 0;
  for (;;) {
    const at = value.indexOf(instance, from);
    if (at === -1) break;
    const before = at === 0 ? '' : value[at - 1];
    const after = value[at + instance.length] ?? '';
    if ((before === '' || before === '/') && (after === '' || after === '/' || after === '.'))
      spans.push([at, at + instance.length]);
    from = at + 1;
  }
  return spans;
}

function regionPattern(region) {
  return new RegExp(`(?<![A-Za-z0-9])${region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');
}

/** Where `region` occurs in `value` as a whole token (not inside the instance id). */
function regionMatches(value, region, instance) {
  const spans = protectedSpans(value, instance);
  const out = [];
  for (const m of value.matchAll(regionPattern(region))) {
    if (!spans.some(([a, b]) => m.index >= a && m.index < b)) out.push(m.index);
  }
  return out;
}

/** Whether a backend configuration is located in `region`. */
export function backendInRegion(backend, region, instance) {
  if (!backend) return false;
  return Object.values(backend.config).some(
    (value) => typeof value === 'string' && regionMatches(value, region, instance).length > 0,
  );
}

/** Settings replication keeps as they are: S3 copies an object to the same key in the replica's bucket. */
const REPLICATED_KEYS = { s3: ['key'] };

/**
 * The same backend configuration with `from` replaced by `to` wherever it names the location's region, but
 * in the object key, which replication keeps.
 */
export function replicaBackend(backend, from, to, instance) {
  const config = {};
  const kept = REPLICATED_KEYS[backend.type] ?? [];
  for (const [key, value] of Object.entries(backend.config)) {
    if (typeof value !== 'string' || kept.includes(key)) {
      config[key] = value;
      continue;
    }
    const positions = regionMatches(value, from, instance);
    let out = value;
    for (const at of positions.reverse()) out = out.slice(0, at) + to + out.slice(at + from.length);
    config[key] = out;
  }
  return { type: backend.type, config };
}
