import { type ReportGroup, WAIT_BUCKET_MINUTES, WAIT_BUCKETS } from '@hallq/shared/domain';
import { hourSlots, levelCounts } from '../store/slices/statistics/selectors';
import type { ChartOption } from './EChart';
import { t } from './manager-context';

// Each chart as an ECharts option and as the sentence that stands for it (its aria-label). Pure, so both are tested.

const ISSUED_COLOUR = '#90cdf4';
const SERVED_COLOUR = '#2b6cb0';
const LEVEL_COLOURS = ['#276749', '#48bb78', '#9ae6b4', '#ed8936', '#c53030', '#cbd5e0'];

const grid = { left: 40, right: 12, top: 36, bottom: 28, containLabel: true };

export interface Chart {
  option: ChartOption;
  label: string;
}

/** Tickets issued and served per hour of the day. */
export function hourlyChart(byHour: readonly ReportGroup[]): Chart {
  const slots = hourSlots(byHour);
  const issued = slots.map((s) => s.group?.tickets.issued ?? 0);
  const served = slots.map((s) => s.group?.tickets.served ?? 0);
  const total = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const peak = slots.reduce((best, s, i) => (issued[i]! > issued[best]! ? i : best), 0);
  const label = t('statistics.chart.hourlyLabel', {
    issued: total(issued),
    served: total(served),
    peak:
      total(issued) === 0
        ? t('statistics.chart.noData')
        : t('statistics.chart.hourlyPeak', { hour: slots[peak]!.hour, count: issued[peak] }),
  });
  return {
    label,
    option: {
      animation: false,
      grid,
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: slots.map((s) => t('statistics.chart.hour', { hour: s.hour })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('statistics.headline.issued'), data: issued, color: ISSUED_COLOUR },
        { type: 'bar', name: t('statistics.headline.served'), data: served, color: SERVED_COLOUR },
      ],
    },
  };
}

/** Called tickets by how long they waited: the thirteen five-minute buckets, the last an hour and more. */
export function waitsChart(totals: ReportGroup | null): Chart {
  const buckets = totals?.tickets.waiting.buckets ?? Array.from({ length: WAIT_BUCKETS }, () => 0);
  const names = buckets.map((_, i) =>
    i === WAIT_BUCKETS - 1
      ? t('statistics.chart.lastBucket')
      : t('statistics.chart.bucket', { from: i * WAIT_BUCKET_MINUTES, to: (i + 1) * WAIT_BUCKET_MINUTES }),
  );
  const within = buckets.slice(0, 15 / WAIT_BUCKET_MINUTES).reduce((a, b) => a + b, 0);
  return {
    label: t('statistics.chart.waitsLabel', { count: totals?.tickets.waiting.count ?? 0, within }),
    option: {
      animation: false,
      grid,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 1, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('statistics.chart.people'), data: buckets, color: SERVED_COLOUR }],
    },
  };
}

/** The answers by level and those not rated. */
export function ratingsChart(totals: ReportGroup | null): Chart {
  const levels = levelCounts(totals).map(({ level, count }, i) => ({
    name: t(`level.${level}`),
    value: count,
    itemStyle: { color: LEVEL_COLOURS[i] },
  }));
  const answered = levels.filter((l) => l.value > 0);
  return {
    label: t('statistics.chart.ratingsLabel', {
      levels:
        answered.length === 0
          ? t('statistics.chart.noData')
          : answered.map((l) => t('statistics.chart.levelCount', { level: l.name, count: l.value })).join('，'),
    }),
    option: {
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { orient: 'vertical', right: 0, top: 'middle', itemGap: 6 },
      series: [
        {
          type: 'pie',
          name: t('statistics.chart.ratings'),
          radius: ['35%', '70%'],
          center: ['35%', '50%'],
          label: { show: false },
          data: answered.length === 0 ? [] : levels,
        },
      ],
    },
  };
}
