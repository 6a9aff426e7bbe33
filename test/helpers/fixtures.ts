import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shared fixtures (real tool output, see their README) live beside the repository: /work/shared/fixtures. */
const FIXTURES_ROOT = path.resolve(process.cwd(), '..', 'shared', 'fixtures');

export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES_ROOT, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}
