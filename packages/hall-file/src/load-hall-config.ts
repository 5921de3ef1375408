import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HallConfig } from '@hallq/shared/contracts';
import { parseDocument } from 'yaml';

/** Defined by the queue server's build, which bundles this file into its dist/ and copies the demo hall to dist/halls/. */
declare const HALLQ_BUNDLED: true | undefined;
/** The built-in demo hall, used when no hall file is given. */
export const DEMO_HALL_PATH = fileURLToPath(
  new URL(typeof HALLQ_BUNDLED !== 'undefined' ? './halls/demo-hall.yaml' : '../halls/demo-hall.yaml', import.meta.url),
);

/**
 * A hall file that cannot be used. `issues` holds one line per problem, each led by the path of the offending value
 * in the file (`windows[3].serves[1]: unknown window type "X"`), so a hall admin can find and fix them all at once.
 */
export class HallConfigError extends Error {
  override readonly name = 'HallConfigError';

  constructor(
    /** The file (or other source) that was read. */
    readonly source: string,
    readonly issues: string[],
  ) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Invalid hall config ${source} (${count}):\n${issues.map((i) => `  ${i}`).join('\n')}`);
  }
}

/** `['windows', 3, 'serves', 1]` → `windows[3].serves[1]`; keys that are not plain names are quoted. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${key.toString()}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

// Zod's types reached through the schema, because zod is a dependency of @hallq/shared, not of this package.
type ParseParams = NonNullable<Parameters<typeof HallConfig.safeParse>[1]>;
type ErrorMap = Extract<NonNullable<ParseParams['error']>, (...args: never[]) => unknown>;
type RawIssue = Parameters<ErrorMap>[0];
type Issue = NonNullable<ReturnType<typeof HallConfig.safeParse>['error']>['issues'][number];

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return String(value);
}

/**
 * Plain-language messages for zod's built-in checks; the schema's own messages (e.g. "must be one capital letter")
 * take precedence over this map, so they reach the hall admin unchanged.
 */
const errorMap = ((iss: RawIssue): string | undefined => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'missing required field';
      return `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}, not ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (iss.origin === 'array')
        return iss.minimum === 1 ? 'must not be empty' : `needs at least ${iss.minimum} entries`;
      if (iss.origin === 'string') return 'must not be empty';
      if (iss.origin === 'number')
        return iss.inclusive ? `must be at least ${iss.minimum}` : `must be more than ${iss.minimum}`;
      return undefined;
    default:
      return undefined;
  }
}) as ErrorMap;

function issueLines(issue: Issue): string[] {
  const line = (path: readonly PropertyKey[], message: string) =>
    path.length === 0 ? `(top level): ${message}` : `${formatIssuePath(path)}: ${message}`;
  // One line per unknown key, so each names its own place in the file (usually a typo).
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => line([...issue.path, k], 'unknown field'));
  return [line(issue.path, issue.message)];
}

/** Validates already-parsed hall data (from YAML, JSON or a test); `source` names it in the error message. */
export function parseHallConfig(raw: unknown, source: string): HallConfig {
  if (raw === null || raw === undefined) throw new HallConfigError(source, ['(top level): the file is empty']);
  const result = HallConfig.safeParse(raw, { error: errorMap });
  if (result.success) return result.data;
  throw new HallConfigError(source, withoutKnockOnIssues(result.error.issues).flatMap(issueLines));
}

/**
 * Drops a cross-field check (a `custom` issue) on an object when one of that object's own fields already failed:
 * `open: '9:00'` fails its format and then also "open must be before close", and only the first is the real
 * problem. The dropped check runs again once the field is fixed. Checks on the whole file are always kept.
 */
function withoutKnockOnIssues(issues: Issue[]): Issue[] {
  const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
    prefix.every((key, i) => path[i] === key);
  return issues.filter((issue) => {
    if (issue.code !== 'custom' || issue.path.length < 2) return true;
    const parent = issue.path.slice(0, -1);
    return !issues.some((other) => other.code !== 'custom' && startsWith(other.path, parent));
  });
}

function readYaml(text: string, source: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new HallConfigError(
      source,
      doc.errors.map((e) => {
        // The pretty message ends its first line with "at line L, column C:" and then quotes the source; keep the
        // reason and put the position first, like the other issue lines.
        const reason = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
        const at = e.linePos?.[0];
        return at ? `line ${at.line}, column ${at.col}: ${reason}` : reason;
      }),
    );
  }
  try {
    return doc.toJS();
  } catch (e) {
    // e.g. too many alias expansions
    throw new HallConfigError(source, [`cannot read YAML: ${(e as Error).message}`]);
  }
}

function readJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    // Older Node versions give only a character offset; turn it into a line like the YAML errors have.
    const offset = /at position (\d+)/.exec(message)?.[1];
    if (offset !== undefined && !/\(line \d+/.test(message)) {
      const before = text.slice(0, Number(offset)).split('\n');
      const at = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
      throw new HallConfigError(source, [`${at}: not valid JSON: ${message}`]);
    }
    throw new HallConfigError(source, [`not valid JSON: ${message}`]);
  }
}

/** Reads and validates a hall file: `.yaml` / `.yml` (YAML 1.2) or `.json`, chosen by the file extension. */
export function loadHallConfig(path: string): HallConfig {
  const ext = extname(path).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') {
    const shown = ext === '' ? 'no file extension' : `unsupported file extension "${ext}"`;
    throw new HallConfigError(path, [`${shown}: a hall file ends in .yaml, .yml or .json`]);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot read file (${code ?? String(e)})`;
    throw new HallConfigError(path, [why]);
  }
  // A UTF-8 byte-order mark (left by some Windows editors) is not part of the content.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const raw = ext === '.json' ? readJson(text, path) : readYaml(text, path);
  return parseHallConfig(raw, path);
}
