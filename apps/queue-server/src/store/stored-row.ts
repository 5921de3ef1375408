import type { z } from 'zod';

/**
 * A stored row read back through its schema rather than cast: a row the schema does not accept (written by a version
 * whose shape no upgrade covers, or damaged) is a fault that names the row, not a value that misleads later.
 */
export function readRow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`stored ${what} does not read: ${parsed.error.message}`);
  return parsed.data;
}

/** A row's JSON column, read through its schema. */
export function readJson<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
  return readRow(schema, JSON.parse(json), what);
}
