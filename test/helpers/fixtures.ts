import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Real tool output copied from public repositories (see test/fixtures/README.md and each SOURCES.md). */
export const FIXTURES_ROOT = path.resolve('test', 'fixtures');

export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES_ROOT, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}
