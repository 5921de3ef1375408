import { BarChart, type BarSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the 统计 page draws: the whole of ECharts would weigh more than the rest of the console together.
use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * One ECharts chart, redrawn whenever `option` changes and resized with its box. A canvas says nothing to a screen
 * reader: `label` is the chart's text alternative, its figures in a sentence.
 */
export function EChart({ option, label, testId }: { option: ChartOption; label: string; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // A canvas cannot use CSS fonts by name of a variable: the hall's Chinese font is handed over as resolved.
    const fontFamily = getComputedStyle(box.current!).fontFamily;
    chart.current?.setOption({ textStyle: { fontFamily }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className="mgr-chart" role="img" aria-label={label} data-testid={testId} />;
}
