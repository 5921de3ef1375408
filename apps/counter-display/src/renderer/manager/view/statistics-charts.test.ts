import { type ReportGroup, ratingFigures, ticketFigures } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { hourlyChart, ratingsChart, waitsChart } from './statistics-charts';

function group(key: string, over: { issued?: number; served?: number; buckets?: number[] } = {}): ReportGroup {
  const tickets = ticketFigures([], () => null);
  const waits = over.buckets ?? tickets.waiting.buckets;
  return {
    key,
    tickets: {
      ...tickets,
      issued: over.issued ?? 0,
      served: over.served ?? 0,
      waiting: { ...tickets.waiting, buckets: waits, count: waits.reduce((a, b) => a + b, 0) },
    },
    ratings: ratingFigures([], new Date(), 'Asia/Shanghai'),
  };
}

describe('the 统计 charts', () => {
  it('chart every office hour, and an hour outside them only when it had work; the label names the busiest', () => {
    const chart = hourlyChart([group('07', { issued: 1 }), group('10', { issued: 6, served: 5 })]);
    const xAxis = chart.option.xAxis as { data: string[] };
    expect(xAxis.data[0]).toBe('07时');
    expect(xAxis.data.at(-1)).toBe('18时');
    expect(chart.label).toBe('柱状图：每小时取号与办理。共取号 7 人，办理 5 人；取号最多的是 10时（6 人）');
    expect(hourlyChart([]).label).toContain('取号最多的是 无数据');
  });

  it('put waits in the thirteen five-minute buckets, and say how many were called within 15 minutes', () => {
    const buckets = [4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const chart = waitsChart(group('hall', { buckets }));
    const xAxis = chart.option.xAxis as { data: string[] };
    expect(xAxis.data).toHaveLength(13);
    expect([xAxis.data[0], xAxis.data[12]]).toEqual(['0–5分', '60分以上']);
    expect(chart.label).toBe('柱状图：等候时长分布。叫号 11 人，其中 9 人等候不超过 15 分钟');
  });

  it('name each rating level given in the pie’s label, and draw no slices without ratings', () => {
    const totals = group('hall');
    totals.ratings.byLevel.very_satisfied = 3;
    totals.ratings.byLevel.dissatisfied = 1;
    expect(ratingsChart(totals).label).toBe('饼图：好差评。非常满意 3 人，不满意 1 人');
    const empty = ratingsChart(group('hall'));
    expect(empty.label).toBe('饼图：好差评。无数据');
    expect((empty.option.series as { data: unknown[] }[])[0]!.data).toEqual([]);
  });
});
