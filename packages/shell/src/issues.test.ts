import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueLines } from './issues';

const errorOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error;
};

describe('issueLines', () => {
  it('names each field under the root, lists included', () => {
    const schema = z.object({ windows: z.array(z.int({ error: 'must be a window number' })) });
    expect(issueLines(errorOf(schema, { windows: [1, 'x'] }), ['job'])).toEqual([
      'job.windows[1]: must be a window number',
    ]);
  });

  it('gives each unknown key its own line', () => {
    const schema = z.strictObject({}, { error: 'unknown' });
    expect(issueLines(errorOf(schema, { a: 1, b: 2 }))).toEqual(['a: unknown', 'b: unknown']);
  });

  it('says a message once however many checks fail with it, and bare at the root', () => {
    const schema = z
      .string({ error: 'must be a code' })
      .min(3)
      .regex(/^[A-Z]+$/);
    expect(issueLines(errorOf(schema, 'a'))).toEqual(['must be a code']);
  });
});
