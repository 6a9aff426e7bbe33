/**
 * Environment variables that make Node.js do work at start-up that has nothing to do with Strata. The start-up
 * and graph benchmarks remove them from their own environment, so that every process they measure (Strata, the
 * floors, `node -e 0`) starts without them, and say which they removed.
 *
 * NODE_EXTRA_CA_CERTS (set on machines behind a TLS-inspecting proxy, as this project's CI machines are) makes
 * Node.js 20 read the whole CA bundle as it starts: `node -e 0` took 127 ms with it and 40 ms without on
 * 2026-12-03 (hyperfine, Node 20.20.2); Node.js 24 reads the bundle only when a TLS connection needs it.
 * `graph` and `--help` open no connection.
 */
const START_UP_NOISE = ['NODE_EXTRA_CA_CERTS'];

/** Removes the variables above from this process's environment (children inherit it); returns those it removed. */
export function removeStartUpNoise(): string[] {
  const removed = START_UP_NOISE.filter((name) => process.env[name] !== undefined);
  for (const name of removed) delete process.env[name];
  return removed;
}

/** The line a benchmark prints about it. */
export function startUpNoiseLine(removed: readonly string[]): string {
  return removed.length === 0
    ? 'environment: nothing removed'
    : `environment: ${removed.join(', ')} removed for the measured processes (see bench/start-up-noise.ts)`;
}
