import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { renderActionTables, tablesInReadme } from '../../scripts/action-tables.js';

describe('README.md', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('has the inputs and outputs tables of action.yml (regenerate with `npm run readme`)', async () => {
    const expected = await format(renderActionTables(readFileSync('action.yml', 'utf8')), {
      ...((await resolveConfig('README.md')) ?? {}),
      parser: 'markdown',
    });
    expect(tablesInReadme(readme)).toBe(expected.trim());
  });

  it('gives the test command and the one command that shows the main job on the example', () => {
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain('node dist/cli.js graph --manifest examples/multi-region/layers.yml');
  });

  it('runs the README test command in .ci/run', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
