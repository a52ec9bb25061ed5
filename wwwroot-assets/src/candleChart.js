// Candlestick + volume chart on TradingView's lightweight-charts, driven from Blazor through
// IJSRuntime. Blazor sends the history once (setBars) and then only the forming bar (updateBar):
// lightweight-charts' update() is incremental, so a live chart costs one small call per render.
// Indicator lines (EMA, VWAP) are computed on the server and drawn here the same way: the whole
// line once (setOverlays), then the latest point (updateOverlay). Signal markers come as a list.
import { createChart, createSeriesMarkers, CandlestickSeries, HistogramSeries, LineSeries, LineStyle, ColorType, CrosshairMode } from '../lib/lightweight-charts/lightweight-charts.standalone.production.mjs';

// The library shows UTC; shifting by IST's fixed offset makes the axis read in IST.
const IST_OFFSET_SECONDS = 19800;
const charts = new Map();
let nextId = 1;

const UP = '#26a69a';
const DOWN = '#ef5350';
const OVERLAY_STYLES = {
  ema: { color: '#ffb74d', lineWidth: 2, lineStyle: LineStyle.Solid },
  vwap: { color: '#ba68c8', lineWidth: 2, lineStyle: LineStyle.Dashed },
};

function toCandle(bar) {
  return { time: bar.time + IST_OFFSET_SECONDS, open: bar.open, high: bar.high, low: bar.low, close: bar.close };
}

function toVolume(bar) {
  return { time: bar.time + IST_OFFSET_SECONDS, value: bar.volume, color: bar.close >= bar.open ? 'rgba(38,166,154,0.45)' : 'rgba(239,83,80,0.45)' };
}

export function create(element) {
  const chart = createChart(element, {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#c7cdd6', fontSize: 12 },
    grid: { vertLines: { color: 'rgba(255,255,255,0.05)' }, horzLines: { color: 'rgba(255,255,255,0.05)' } },
    crosshair: { mode: CrosshairMode.Normal },
    rightPriceScale: { borderColor: 'rgba(255,255,255,0.15)' },
    timeScale: { borderColor: 'rgba(255,255,255,0.15)', timeVisible: true, secondsVisible: false, rightOffset: 4 },
  });
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: UP, downColor: DOWN, borderVisible: false, wickUpColor: UP, wickDownColor: DOWN,
  });
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, priceScaleId: '', lastValueVisible: false, priceLineVisible: false });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });

  const overlays = {};
  for (const [name, style] of Object.entries(OVERLAY_STYLES)) {
    overlays[name] = chart.addSeries(LineSeries, { ...style, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false });
  }
  const markers = createSeriesMarkers(candles, []);

  const id = nextId++;
  charts.set(id, { chart, candles, volume, overlays, markers, element, count: 0, lastTime: 0, overlayTimes: {} });
  return id;
}

function toPoint(point) {
  return { time: point.time + IST_OFFSET_SECONDS, value: point.value };
}

// lines: { ema: [{ time, value }], vwap: [...] }, times in Unix seconds (UTC), oldest first.
export function setOverlays(id, lines) {
  const entry = charts.get(id);
  if (!entry) return;
  for (const [name, series] of Object.entries(entry.overlays)) {
    const points = lines[name] || [];
    series.setData(points.map(toPoint));
    entry.overlayTimes[name] = points.length ? points[points.length - 1].time : 0;
    entry.element.dataset[name + 'Points'] = String(points.length);
  }
}

// points: { ema: { time, value } | null, vwap: ... }: the latest value of each line (the forming bar's is replaced until it closes).
export function updateOverlay(id, points) {
  const entry = charts.get(id);
  if (!entry) return;
  for (const [name, point] of Object.entries(points)) {
    const series = entry.overlays[name];
    if (!series || !point || point.time < (entry.overlayTimes[name] || 0)) continue;
    if (point.time > (entry.overlayTimes[name] || 0)) {
      entry.element.dataset[name + 'Points'] = String(Number(entry.element.dataset[name + 'Points'] || 0) + 1);
    }
    series.update(toPoint(point));
    entry.overlayTimes[name] = point.time;
  }
}

// markers: [{ time, position, shape, color, text }], time in Unix seconds (UTC) of the candle it belongs to.
export function setMarkers(id, markers) {
  const entry = charts.get(id);
  if (!entry) return;
  const shifted = markers.map(m => ({ ...m, time: m.time + IST_OFFSET_SECONDS })).sort((a, b) => a.time - b.time);
  entry.markers.setMarkers(shifted);
  entry.element.dataset.markers = String(shifted.length);
}

export function setBars(id, bars, precision) {
  const entry = charts.get(id);
  if (!entry) return;
  const minMove = Math.pow(10, -precision);
  entry.candles.applyOptions({ priceFormat: { type: 'price', precision, minMove } });
  entry.candles.setData(bars.map(toCandle));
  entry.volume.setData(bars.map(toVolume));
  entry.count = bars.length;
  entry.lastTime = bars.length ? bars[bars.length - 1].time : 0;
  entry.element.dataset.bars = String(entry.count);
  entry.chart.timeScale().scrollToRealTime();
}

export function updateBar(id, bar) {
  const entry = charts.get(id);
  if (!entry || bar.time < entry.lastTime) return;
  entry.candles.update(toCandle(bar));
  entry.volume.update(toVolume(bar));
  if (bar.time > entry.lastTime) {
    entry.count += 1;
    entry.lastTime = bar.time;
    entry.element.dataset.bars = String(entry.count);
  }
}

export function dispose(id) {
  const entry = charts.get(id);
  if (!entry) return;
  entry.chart.remove();
  charts.delete(id);
}
