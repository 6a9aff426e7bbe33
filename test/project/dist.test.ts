import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../helpers/scratch.js';

describe('dist/', () => {
  it('is exactly what building src/ produces (run `npm run build` and commit dist/)', () => {
    const fresh = scratchDir('strata-dist-');
    try {
      execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'pipe' });
      const committed = readdirSync('dist').sort();
      expect(readdirSync(fresh).sort()).toEqual(committed);
      for (const file of committed) {
        const same = readFileSync(path.join(fresh, file)).equals(readFileSync(path.join('dist', file)));
        expect({ file, same }).toEqual({ file, same: true });
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);
});
