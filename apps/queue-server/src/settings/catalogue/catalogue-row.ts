import { GovernmentLevel, ServiceItemKind, type HallConfig, type LocalizedText } from '@hallq/shared/contracts';
import { KIND_ALIASES, LEVEL_ALIASES, type CatalogueField } from './catalogue-columns';

/** Where each known column stands in the sheet (0-based); a column the sheet lacks is absent. */
export type Layout = ReadonlyMap<CatalogueField, number>;

type Report = (field: CatalogueField, message: string) => void;

/** A value quoted in a message: only the offending cell's, and no more than 40 characters of it. */
export const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** The cell's lines: materials are written one per line (Alt+Enter in Excel). */
const linesOf = (cell: string) => cell.split(/\r\n|\r|\n/).map((line) => line.trim());

/** Digits and signs as typed on a Chinese keyboard (full-width) read as their ASCII forms. */
const folded = (cell: string) => cell.normalize('NFKC').replace(/\s/g, '');

/**
 * One row as a candidate service item, before the schema sees it. What the cells cannot say (an unknown department,
 * a fee that is no number, translations that do not line up) is reported against the field's column and the field is
 * left to the reported value; the schema's own findings on those fields are then not repeated.
 */
export function candidateOf(cells: readonly string[], layout: Layout, hall: HallConfig, report: Report) {
  const raw = (field: CatalogueField) => {
    const at = layout.get(field);
    return at === undefined ? undefined : (cells[at] ?? '');
  };
  const value = (field: CatalogueField) => raw(field)?.trim() ?? '';
  const required = (field: CatalogueField) => {
    const v = value(field);
    if (v === '') report(field, 'is empty');
    return v;
  };
  const named = <T extends { code: string; name: LocalizedText }>(field: CatalogueField, list: T[], what: string) => {
    const v = required(field);
    const found = list.find((x) => x.code === v) ?? list.find((x) => x.name.zh === v);
    if (v !== '' && !found) report(field, `unknown ${what} ${shown(v)}: give its code or its Chinese name`);
    return found?.code ?? v;
  };
  const optional = (field: CatalogueField) => value(field) || undefined;

  const code = required('code');
  const name = { zh: required('name.zh'), bo: optional('name.bo'), en: optional('name.en') };
  const department = named('department', hall.departments, 'department');
  const windowType = named('windowType', hall.windowTypes, 'window type');
  const level = levelOf(required('level'), (m) => report('level', m));
  const kind = kindOf(required('kind'), (m) => report('kind', m));
  const promisedWorkingDays = daysOf(value('promisedWorkingDays'), kind, (m) => report('promisedWorkingDays', m));
  const feeYuan = feeOf(value('feeYuan'), (m) => report('feeYuan', m));
  const materials = materialsOf(raw('materials') ?? '', raw('materials.bo') ?? '', raw('materials.en') ?? '', report);
  const legalBasis = optional('legalBasis');
  return {
    code,
    name: defined(name),
    level,
    kind,
    promisedWorkingDays,
    materials,
    feeYuan,
    legalBasis,
    windowType,
    department,
  };
}

/** The object without its undefined keys, so the schema and the diff see an absent text as absent. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function levelOf(v: string, report: (message: string) => void): string {
  const level = LEVEL_ALIASES[v] ?? GovernmentLevel.options.find((l) => l === v.toLowerCase());
  if (v !== '' && !level)
    report(`${shown(v)} is not a level: 省级, 自治区级, 地市级/市级, 区级, 县级/区县级 or 乡镇级`);
  return level ?? v;
}

function kindOf(v: string, report: (message: string) => void): string {
  const kind = KIND_ALIASES[v] ?? ServiceItemKind.options.find((k) => k === v.toLowerCase());
  if (v !== '' && !kind) report(`${shown(v)} is not a kind: 即办件 or 承诺件 (承办件)`);
  return kind ?? v;
}

/** 承诺时限: a whole number of working days, "个工作日" allowed after it; empty is 0, which only a 即办件 may have. */
function daysOf(v: string, kind: string, report: (message: string) => void): number {
  const days = folded(v).replace(/个?工作日$/, '');
  if (days === '') {
    if (kind === 'promised') report('is empty: a 承诺件 has its promised working days');
    return 0;
  }
  if (!/^\d+$/.test(days)) report(`${shown(v)} is not a whole number of working days`);
  return Number(days);
}

/** 收费标准 in yuan, "¥" before or "元" after allowed; 不收费, 免费 and an empty cell are free. */
function feeOf(v: string, report: (message: string) => void): number {
  const fee = folded(v)
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/,/g, '');
  if (fee === '' || fee === '不收费' || fee === '免费') return 0;
  if (!/^\d+(\.\d+)?$/.test(fee)) report(`${shown(v)} is not an amount in yuan (or 不收费)`);
  return Number(fee);
}

/**
 * 申请材料 one per line; the Tibetan and English columns translate them line by line, an empty line where one has no
 * translation. Lines past the last material may only be empty.
 */
function materialsOf(zhCell: string, boCell: string, enCell: string, report: Report) {
  const zh = linesOf(zhCell).filter((line) => line !== '');
  const aligned = (field: 'materials.bo' | 'materials.en', cell: string) => {
    if (cell.trim() === '') return [];
    const lines = linesOf(cell);
    while (lines.length > zh.length && lines.at(-1) === '') lines.pop();
    if (lines.length !== zh.length)
      report(
        field,
        `has ${lines.length} line(s) where 申请材料 has ${zh.length}: one translation per material, in order`,
      );
    return lines;
  };
  const bo = aligned('materials.bo', boCell);
  const en = aligned('materials.en', enCell);
  return zh.map((text, i) => defined({ zh: text, bo: bo[i] || undefined, en: en[i] || undefined }));
}
