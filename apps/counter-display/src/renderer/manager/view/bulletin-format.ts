import { changeWordKey, type FigureChange, type FigureUnit } from '@hallq/shared/domain';
import { t } from './manager-context';

/** A figure as the bulletin prints it: counts whole, minutes to one decimal, shares as percentages; — for none. */
export function figure(value: number | null, unit: FigureUnit): string {
  if (value === null) return '—';
  if (unit === 'share') return `${(value * 100).toFixed(1)}%`;
  return unit === 'minutes' ? value.toFixed(1) : String(value);
}

export const share = (value: number | null) => figure(value, 'share');
export const minutes = (value: number | null) => figure(value, 'minutes');

/** ↑12.5%, ↓3个百分点, 持平, or — without last month's figure. */
export const changeText = (change: FigureChange | null) =>
  t(`bulletin.change.${changeWordKey(change)}`, { amount: change?.amount });

/** The date the bulletin is issued on, as a Chinese document dates itself (2026年12月1日), in the hall's zone. */
export const issuedOn = (now: Date, timeZone: string) =>
  now.toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone });
