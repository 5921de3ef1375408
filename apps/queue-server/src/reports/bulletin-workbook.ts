import ExcelJS from 'exceljs';
import type { Bulletin, HallConfig } from '@hallq/shared/contracts';
import {
  BULLETIN_TOTALS,
  changeWordKey,
  figureChange,
  localClock,
  windowTargets,
  type EmptyPostInterval,
  type FigureChange,
} from '@hallq/shared/domain';
import { consoleMessages, createI18n } from '@hallq/shared/i18n';
import { addTableSheet, type Cell } from './workbook-sheet';

/** The workbook is the hall's own document, in Chinese, with the printed bulletin's words. */
const t = createI18n({ console: consoleMessages }).getFixedT('zh', 'console');
const w = (key: string, options?: Record<string, unknown>) => t(`bulletin.${key}`, options);

/** The change as the bulletin words it: ↑12.5%, ↓3个百分点, 持平, or — without last month's figure. */
const changeText = (change: FigureChange | null) => w(`change.${changeWordKey(change)}`, { amount: change?.amount });

type Hall = Pick<
  HallConfig,
  'name' | 'timeZone' | 'departments' | 'windowTypes' | 'windows' | 'serviceItems' | 'staff'
>;

/** The names the sheets show for the codes the bulletin carries. */
function namesOf(hall: Hall) {
  const named = <T extends { code: string; name: { zh: string } }>(list: readonly T[]) => {
    const names = new Map(list.map((x) => [x.code, x.name.zh]));
    return (code: string | null) => (code === null ? null : (names.get(code) ?? code));
  };
  const staff = new Map(hall.staff.map((s) => [s.id, s.name]));
  return {
    department: named(hall.departments),
    windowType: named(hall.windowTypes),
    item: named(hall.serviceItems),
    windowDepartment: (window: number) => hall.windows.find((x) => x.number === window)?.department ?? null,
    /** 姓名（工号）, as staff screens name a colleague. */
    clerk: (id: string | null) =>
      id === null ? null : staff.has(id) ? t('person.named', { name: staff.get(id), id }) : id,
  };
}

/**
 * The monthly bulletin as an Excel workbook: one sheet per table of the printed bulletin (总体 with last month and the
 * change, 部门, 窗口 against their type's targets, 排名, 差评 with each follow-up's state, 空岗 with each incident,
 * 考勤异常), Chinese headers, frozen header rows.
 */
export async function bulletinWorkbook(
  bulletin: Bulletin,
  emptyPosts: readonly EmptyPostInterval[],
  hall: Hall,
): Promise<Buffer> {
  const names = namesOf(hall);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = hall.name.zh;
  workbook.title = bulletinTitle(bulletin, hall);
  const col = (key: string) => w(`column.${key}`);
  const { current, previous } = bulletin.totals;

  addTableSheet(
    workbook,
    w('sheet.totals'),
    [
      { header: col('figure'), width: 24 },
      { header: col('current'), width: 12 },
      { header: col('previous'), width: 12 },
      { header: col('change'), width: 18 },
    ],
    BULLETIN_TOTALS.map((row): Cell[] => {
      const now = current ? row.value(current) : null;
      const before = previous ? row.value(previous) : null;
      return [
        w(`total.${row.key}`),
        { value: now, format: row.unit },
        { value: before, format: row.unit },
        changeText(figureChange(row.unit, now, before)),
      ];
    }),
  );

  addTableSheet(
    workbook,
    w('sheet.departments'),
    [
      { header: col('department'), width: 26 },
      { header: col('issued'), width: 10, format: 'count' },
      { header: col('served'), width: 10, format: 'count' },
      { header: col('meanWait'), width: 14, format: 'minutes' },
      { header: col('aboveServiceLevel'), width: 12, format: 'count' },
      { header: col('meanService'), width: 14, format: 'minutes' },
      { header: col('ratedShare'), width: 10, format: 'share' },
      { header: col('goodShare'), width: 10, format: 'share' },
      { header: col('bad'), width: 8, format: 'count' },
    ],
    bulletin.departments.map((g): Cell[] => [
      names.department(g.key),
      g.tickets.issued,
      g.tickets.served,
      g.tickets.waiting.mean,
      g.tickets.waiting.aboveServiceLevel,
      g.tickets.service.mean,
      g.ratings.ratedShare,
      g.ratings.goodShare,
      g.ratings.bad,
    ]),
  );

  addTableSheet(
    workbook,
    w('sheet.windows'),
    [
      { header: col('window'), width: 8 },
      { header: col('department'), width: 26 },
      { header: col('windowType'), width: 16 },
      { header: col('served'), width: 10, format: 'count' },
      { header: col('meanWait'), width: 14, format: 'minutes' },
      { header: col('waitTarget'), width: 14, format: 'count' },
      { header: col('aboveServiceLevel'), width: 12, format: 'count' },
      { header: col('meanService'), width: 14, format: 'minutes' },
      { header: col('serviceTarget'), width: 14, format: 'minutes' },
      { header: col('goodShare'), width: 10, format: 'share' },
      { header: col('bad'), width: 8, format: 'count' },
    ],
    bulletin.windows.map((g): Cell[] => {
      const number = Number(g.key);
      const targets = windowTargets(hall, number);
      return [
        number,
        names.department(names.windowDepartment(number)),
        names.windowType(targets?.windowType ?? null),
        g.tickets.served,
        g.tickets.waiting.mean,
        targets?.waitMinutes ?? null,
        g.tickets.waiting.aboveServiceLevel,
        g.tickets.service.mean,
        targets?.serviceMinutes ?? null,
        g.ratings.goodShare,
        g.ratings.bad,
      ];
    }),
  );

  addTableSheet(
    workbook,
    w('sheet.ranking'),
    [
      { header: col('rank'), width: 8, format: 'count' },
      { header: col('window'), width: 8 },
      { header: col('served'), width: 10, format: 'count' },
      { header: col('goodShare'), width: 10, format: 'share' },
      { header: col('meanWait'), width: 14, format: 'minutes' },
    ],
    bulletin.ranking.map((r): Cell[] => [r.rank, Number(r.window), r.served, r.goodShare, r.meanWaitMinutes]),
  );

  addTableSheet(
    workbook,
    w('sheet.bad'),
    [
      { header: col('day'), width: 12 },
      { header: col('window'), width: 8 },
      { header: col('clerk'), width: 16 },
      { header: col('windowType'), width: 16 },
      { header: col('item'), width: 30 },
      { header: col('level'), width: 12 },
      { header: col('followUp'), width: 12 },
    ],
    bulletin.badRatings.map((b): Cell[] => [
      b.day,
      b.window,
      names.clerk(b.clerk),
      names.windowType(b.windowType),
      b.items.map((i) => names.item(i)).join('、'),
      t(`level.${b.level}`),
      w(`followUp.${b.followUp}`),
    ]),
  );

  const clock = (iso: string) => localClock(new Date(iso), hall.timeZone).time;
  addTableSheet(
    workbook,
    w('sheet.emptyPosts'),
    [
      { header: col('day'), width: 12 },
      { header: col('windowType'), width: 16 },
      { header: col('from'), width: 8 },
      { header: col('to'), width: 8 },
      { header: col('minutes'), width: 12, format: 'minutes' },
    ],
    emptyPosts.map((i): Cell[] => [i.day, names.windowType(i.windowType), clock(i.from), clock(i.to), i.minutes]),
  );

  addTableSheet(
    workbook,
    w('sheet.away'),
    [
      { header: col('clerk'), width: 18 },
      { header: col('awayMinutes'), width: 16, format: 'minutes' },
    ],
    bulletin.away.map((a): Cell[] => [names.clerk(a.clerk), a.minutes]),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 2026年11月 政务服务大厅运行情况通报, or the department's. */
export function bulletinTitle(bulletin: Bulletin, hall: Pick<HallConfig, 'departments'>): string {
  const [year, month] = bulletin.month.split('-').map(Number);
  if (bulletin.scope.kind !== 'department') return w('title', { year, month });
  const code = bulletin.scope.department;
  const department = hall.departments.find((d) => d.code === code)?.name.zh ?? code;
  return w('titleDepartment', { year, month, department });
}
