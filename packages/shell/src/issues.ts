import type { z } from 'zod';

/**
 * A zod failure as `field: message` lines, `root` prefixing every path. A strict object reports all its unknown keys
 * in one issue; they get a line each. A field failing several checks with the same message gets one line.
 */
export function issueLines(error: z.ZodError, root: PropertyKey[] = []): string[] {
  const line = (path: PropertyKey[], message: string) => {
    const field = formatPath([...root, ...path]);
    return field === '' ? message : `${field}: ${message}`;
  };
  const lines = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => line([...issue.path, key], issue.message))
      : [line(issue.path, issue.message)],
  );
  return [...new Set(lines)];
}

/**
 * `windows[3].serves[1]`, the same spelling as @hallq/shared's formatPath; written out here because the shells'
 * main process needs nothing else from the shared package.
 */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
