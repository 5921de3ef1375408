import type { PublicHall } from '@hallq/shared/contracts';
import type { DrillDown } from '../store/slices/statistics/state';
import { t } from './manager-context';

/** Minutes to one decimal as the server gives them; a dash where there were none to measure. */
export const minutesText = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

/** A share (0…1) as a percentage to one decimal; a dash where there was nothing to divide by. */
export const percentText = (share: number | null): string =>
  share === null ? '—' : t('statistics.percent', { value: (share * 100).toFixed(1) });

/** What staff call a group of a grouping: a window type's or an item's name, 3号窗口, a colleague by name. */
export function groupName(
  hall: PublicHall | null,
  person: (id: string) => string,
  by: DrillDown['by'],
  key: string,
): string {
  switch (by) {
    case 'hall':
      return t('statistics.drill.hall');
    case 'windowType':
      return hall?.windowTypes.find((w) => w.code === key)?.name.zh ?? key;
    case 'window':
      return t('statistics.table.windowNumber', { number: key });
    case 'clerk':
      return person(key);
    case 'item':
      return hall?.serviceItems.find((i) => i.code === key)?.name.zh ?? key;
  }
}
