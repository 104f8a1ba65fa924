import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from '../seed-args.ts';

describe('seed command line', () => {
  it('seeds only the demo without options', () => {
    expect(parseSeedArgs([])).toEqual({ scale: null });
  });

  it.each([
    [['--scale', '1'], 1],
    [['--scale', '0.01'], 0.01],
    [['--scale=2.5'], 2.5],
    [['--scale', '10'], 10],
  ])('accepts %j', (argv, scale) => {
    expect(parseSeedArgs(argv)).toEqual({ scale });
  });

  it.each([
    [['--scale', 'abc'], /invalid --scale "abc": must be a positive number/],
    [['--scale', '0'], /invalid --scale "0": must be greater than 0/],
    [['--scale', '1e3'], /invalid --scale "1e3"/],
    [['--scale', '11'], /must be at most 10/],
    [['--scale', ''], /invalid --scale ""/],
    [['--scale'], /argument missing/],
    [['--scael', '1'], /Unknown option '--scael'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('refuses %j with a clear message and the usage', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(message);
    expect(() => parseSeedArgs(argv)).toThrow(/usage: npm run seed/);
  });
});
