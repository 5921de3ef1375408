import { isDeepStrictEqual } from 'node:util';
import type { ServiceItemConfig } from '@hallq/shared/contracts';

export interface CatalogueChange {
  code: string;
  before: ServiceItemConfig;
  after: ServiceItemConfig;
  /** The top-level fields that differ (name, materials, feeYuan …). */
  fields: string[];
}

export interface CatalogueDiff {
  added: ServiceItemConfig[];
  changed: CatalogueChange[];
  unchanged: number;
  /** Codes in the hall the sheet does not carry: kept as they are, listed so the preview can show them. */
  absent: string[];
}

const FIELDS = [
  'name',
  'level',
  'kind',
  'promisedWorkingDays',
  'materials',
  'feeYuan',
  'legalBasis',
  'windowType',
  'department',
] as const satisfies readonly (keyof ServiceItemConfig)[];

/** Compared as JSON carries them: a key holding undefined is the same as no key, and key order does not matter. */
const same = (a: unknown, b: unknown) =>
  isDeepStrictEqual(
    a === undefined ? a : JSON.parse(JSON.stringify(a)),
    b === undefined ? b : JSON.parse(JSON.stringify(b)),
  );

/** What applying the sheet would do to the hall's items, item by item. */
export function catalogueDiff(current: ServiceItemConfig[], incoming: ServiceItemConfig[]): CatalogueDiff {
  const byCode = new Map(current.map((item) => [item.code, item]));
  const diff: CatalogueDiff = { added: [], changed: [], unchanged: 0, absent: [] };
  for (const after of incoming) {
    const before = byCode.get(after.code);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const fields = FIELDS.filter((f) => !same(before[f], after[f]));
    if (fields.length === 0) diff.unchanged += 1;
    else diff.changed.push({ code: after.code, before, after, fields });
  }
  const sheetCodes = new Set(incoming.map((item) => item.code));
  diff.absent = current.filter((item) => !sheetCodes.has(item.code)).map((item) => item.code);
  return diff;
}

/**
 * The hall's items with the sheet applied: an item the sheet carries is replaced where it stands, a new one is
 * appended in the sheet's order, and one the sheet lacks is kept (a province's sheet may list only some departments).
 */
export function applyCatalogue(current: ServiceItemConfig[], incoming: ServiceItemConfig[]): ServiceItemConfig[] {
  const byCode = new Map(incoming.map((item) => [item.code, item]));
  const currentCodes = new Set(current.map((item) => item.code));
  return [
    ...current.map((item) => byCode.get(item.code) ?? item),
    ...incoming.filter((item) => !currentCodes.has(item.code)),
  ];
}
