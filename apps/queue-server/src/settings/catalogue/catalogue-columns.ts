import type { GovernmentLevel, ServiceItemKind } from '@hallq/shared/contracts';

/** What a column fills in a `ServiceItemConfig`; `materials.bo` and `materials.en` are the translations, line by line. */
export type CatalogueField =
  | 'code'
  | 'name.zh'
  | 'name.bo'
  | 'name.en'
  | 'department'
  | 'level'
  | 'kind'
  | 'promisedWorkingDays'
  | 'materials'
  | 'materials.bo'
  | 'materials.en'
  | 'feeYuan'
  | 'legalBasis'
  | 'windowType';

export interface CatalogueColumn {
  field: CatalogueField;
  /** The header as the provincial 事项清单 writes it, and as the export writes it. */
  header: string;
  /** Other headers taken for this column: the provinces' variants and English. */
  alternatives: readonly string[];
  /** A sheet without a required column is refused as a whole. */
  required: boolean;
  /** Export width in characters; a CJK character is about two. */
  width: number;
}

/** The layout of the 事项清单, in the export's order (docs/catalogue.md explains each column). */
export const CATALOGUE_COLUMNS: readonly CatalogueColumn[] = [
  { field: 'code', header: '事项编码', alternatives: ['Code', 'Item code'], required: true, width: 28 },
  { field: 'name.zh', header: '事项名称', alternatives: ['Name', 'Item name'], required: true, width: 30 },
  { field: 'name.bo', header: '藏文名称', alternatives: ['Tibetan name'], required: false, width: 30 },
  { field: 'name.en', header: '英文名称', alternatives: ['English name'], required: false, width: 30 },
  { field: 'department', header: '实施主体', alternatives: ['实施部门', 'Department'], required: true, width: 22 },
  { field: 'level', header: '行使层级', alternatives: ['Level'], required: true, width: 10 },
  { field: 'kind', header: '办件类型', alternatives: ['Kind', 'Item kind'], required: true, width: 10 },
  {
    field: 'promisedWorkingDays',
    header: '承诺时限(工作日)',
    alternatives: ['承诺时限', 'Promised working days'],
    required: true,
    width: 14,
  },
  { field: 'materials', header: '申请材料', alternatives: ['Materials'], required: true, width: 40 },
  { field: 'materials.bo', header: '藏文申请材料', alternatives: ['Tibetan materials'], required: false, width: 40 },
  { field: 'materials.en', header: '英文申请材料', alternatives: ['English materials'], required: false, width: 40 },
  {
    field: 'feeYuan',
    header: '收费标准(元)',
    alternatives: ['收费标准', 'Fee (yuan)', 'Fee'],
    required: true,
    width: 12,
  },
  { field: 'legalBasis', header: '设定依据', alternatives: ['Legal basis'], required: false, width: 36 },
  { field: 'windowType', header: '窗口类型', alternatives: ['Window type'], required: true, width: 14 },
];

/**
 * A header as compared: full-width forms folded to half-width (（） to ()), spaces and line breaks dropped, case
 * ignored, and the asterisk templates put on required headers dropped.
 */
export const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();

const byHeader = new Map(
  CATALOGUE_COLUMNS.flatMap((c) => [c.header, ...c.alternatives].map((h) => [headerKey(h), c] as const)),
);

/** The column a sheet's header names, or undefined for the many columns a provincial sheet carries besides. */
export const columnOfHeader = (text: string): CatalogueColumn | undefined => byHeader.get(headerKey(text));

/** 行使层级 as written in the export; a hall's items name the level in the government it belongs to. */
export const LEVEL_NAMES: Record<GovernmentLevel, string> = {
  province: '省级',
  region: '自治区级',
  city: '市级',
  district: '区级',
  county: '县级',
  township: '乡镇级',
};

/** The level words provincial sheets use, besides those written; the English enum values are taken as well. */
export const LEVEL_ALIASES: Record<string, GovernmentLevel> = {
  ...Object.fromEntries(Object.entries(LEVEL_NAMES).map(([level, name]) => [name, level as GovernmentLevel])),
  地市级: 'city',
  区县级: 'county',
};

export const KIND_NAMES: Record<ServiceItemKind, string> = { immediate: '即办件', promised: '承诺件' };

export const KIND_ALIASES: Record<string, ServiceItemKind> = {
  即办件: 'immediate',
  承诺件: 'promised',
  承办件: 'promised',
};
