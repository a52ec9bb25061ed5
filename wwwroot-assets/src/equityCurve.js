// The journal's equity curve: cumulative P&L after each closed round trip, a line on TradingView's
// lightweight-charts. Blazor sends the whole curve when the range or filter changes (setPoints);
// it is small (one point per round trip), so no incremental updates are needed.
import { createChart, LineSeries, ColorType, LineStyle } from '../lib/lightweight-charts/lightweight-charts.standalone.production.mjs';

// The library shows UTC; shifting by IST's fixed offset makes the axis read in IST.
const IST_OFFSET_SECONDS = 19800;
const charts = new Map();
let nextId = 1;

export function create(element) {
  const chart = createChart(element, {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#c7cdd6', fontSize: 12 },
    grid: { vertLines: { color: 'rgba(255,255,255,0.05)' }, horzLines: { color: 'rgba(255,255,255,0.05)' } },
    rightPriceScale: { borderColor: 'rgba(255,255,255,0.15)' },
    timeScale: { borderColor: 'rgba(255,255,255,0.15)', timeVisible: true, secondsVisible: false },
  });
  const line = chart.addSeries(LineSeries, {
    color: '#42a5f5',
    lineWidth: 2,
    priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
  });
  // The zero line: above it the period made money, below it lost.
  line.createPriceLine({ price: 0, color: 'rgba(255,255,255,0.35)', lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: false });
  const id = nextId++;
  charts.set(id, { chart, line, element });
  return id;
}

// points: [{ time, value }], time in Unix seconds (UTC), strictly ascending (the server merges ties).
export function setPoints(id, points) {
  const entry = charts.get(id);
  if (!entry) return;
  entry.line.setData(points.map(p => ({ time: p.time + IST_OFFSET_SECONDS, value: p.value })));
  entry.chart.timeScale().fitContent();
  entry.element.dataset.points = String(points.length);
}

export function dispose(id) {
  const entry = charts.get(id);
  if (!entry) return;
  entry.chart.remove();
  charts.delete(id);
}
