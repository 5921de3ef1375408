import { describe, expect, it } from 'vitest';
import { readCliOptions } from './cli-options';

describe('the log level option', () => {
  it('is info unless said', () => {
    expect(readCliOptions([], {}).logLevel).toBe('info');
  });

  it('is taken from --log-level before HALLQ_LOG_LEVEL', () => {
    expect(readCliOptions([], { HALLQ_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(readCliOptions(['--log-level', 'debug'], { HALLQ_LOG_LEVEL: 'warn' }).logLevel).toBe('debug');
  });

  it('refuses a level pino does not have, naming the option', () => {
    expect(() => readCliOptions(['--log-level', 'verbose'], {})).toThrow(/^log-level: "verbose" is not one of/);
  });
});
