import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import { parseDuration } from '../../src/core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['2h45m30.5s', 9_930_500],
    ['1h0m0s', 3_600_000],
    ['1.1s', 1100],
    ['.5s', 500],
    ['1.s', 1000],
    ['+5s', 5000],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['1500μs', 1.5],
    ['2000000ns', 2],
    ['1m1ms', 60_001],
    [' 10s ', 10_000],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', '5x', 'm', 's5', '-5s', '1h 30m', '5 m', 'abc', '.s', '1.2.3s', '5sm', '+', '1d'])(
    'refuses %j',
    (text) => {
      expect(() => parseDuration(text)).toThrow(UsageError);
    },
  );

  it('names the input and what it received', () => {
    expect(() => parseDuration('5 minutes', "Input 'lock-timeout'")).toThrow(
      "Input 'lock-timeout' must be a duration such as '30s', '5m' or '1h30m' (units ns, us, ms, s, m, h), got '5 minutes'",
    );
    expect(() => parseDuration('-1m')).toThrow("A duration must be a duration of zero or more such as '30s'");
  });
});
