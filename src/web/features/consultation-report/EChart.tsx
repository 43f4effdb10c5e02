import * as chartsModule from 'echarts/charts';
import * as componentsModule from 'echarts/components';
import * as coreModule from 'echarts/core';
import * as renderersModule from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { ChartDataTable, type ChartTable } from './ChartDataTable.js';

/**
 * ECharts 5 ships declarations that TypeScript cannot follow under `moduleResolution: NodeNext`
 * (extensionless relative re-exports in a `"type": "module"` package), so the few calls used here
 * are typed by this facade. The imports stay the tree-shaken `echarts/core` entry points.
 */
interface ChartInstance {
  setOption(option: ChartOption, options?: { notMerge?: boolean }): void;
  resize(): void;
  dispose(): void;
}
interface ChartCore {
  init(element: HTMLElement, theme?: string | null, options?: { renderer?: 'canvas' | 'svg' }): ChartInstance;
  use(extensions: unknown[]): void;
}
// Members are read straight off the namespaces (never the namespace object itself) so the bundler keeps tree-shaking.
(coreModule as unknown as ChartCore).use([
  (chartsModule as unknown as Record<'BarChart', unknown>).BarChart,
  (chartsModule as unknown as Record<'LineChart', unknown>).LineChart,
  (chartsModule as unknown as Record<'PieChart', unknown>).PieChart,
  (componentsModule as unknown as Record<'GridComponent', unknown>).GridComponent,
  (componentsModule as unknown as Record<'LegendComponent', unknown>).LegendComponent,
  (componentsModule as unknown as Record<'TooltipComponent', unknown>).TooltipComponent,
  (renderersModule as unknown as Record<'CanvasRenderer', unknown>).CanvasRenderer,
]);

/** An ECharts option object (https://echarts.apache.org/en/option.html). */
export type ChartOption = Record<string, unknown>;

/**
 * A small React wrapper over ECharts: one chart instance per element, options replaced on change,
 * resized with its box (so it follows the layout on phones and when the menu folds). The canvas is an
 * image named `ariaLabel`; `table`, its figures, is the text equivalent screen readers read.
 */
export function EChart({ option, height = 280, 'data-testid': testId, ariaLabel, table }: { option: ChartOption; height?: number; 'data-testid'?: string; ariaLabel: string; table: ChartTable }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = (coreModule as unknown as ChartCore).init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <>
      <div ref={element} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />
      <ChartDataTable caption={ariaLabel} table={table} />
    </>
  );
}
