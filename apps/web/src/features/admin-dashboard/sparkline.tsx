// A small live line chart (uPlot: canvas, ~50 kB, loaded only with the dashboard route).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface SparklineProps {
  label: string;
  at: number[];
  values: number[];
  color: string;
  height?: number;
}

export const Sparkline = ({ label, at, values, color, height = 64 }: SparklineProps) => {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = new uPlot(
      {
        width: Math.max(120, element.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        axes: [{ show: false }, { show: false }],
        scales: { x: { time: true }, y: { range: (_u, min, max) => [0, Math.max(1, max, min)] } },
        series: [{}, { stroke: color, width: 2, fill: `${color}22` }],
      },
      [[], []],
      element,
    );
    plot.current = chart;
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(120, element.clientWidth), height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [color, height]);

  useEffect(() => {
    plot.current?.setData([at, values]);
  }, [at, values]);

  return <div ref={box} role="img" aria-label={`${label}, last two minutes`} className="w-full" />;
};
