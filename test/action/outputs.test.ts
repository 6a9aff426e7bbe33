import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OUTPUTS } from '../../src/action/outputs.js';

describe('the action outputs', () => {
  it('are the outputs action.yml declares, no more and no fewer', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> };
    expect(Object.values(OUTPUTS).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});
