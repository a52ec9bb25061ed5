// Candlestick + volume chart on TradingView's lightweight-charts, driven from Blazor through
// IJSRuntime. Blazor sends the history once (setBars) and then only the forming bar (updateBar):
// lightweight-charts' update() is incremental, so a live chart costs one small call per render.
import { createChart, CandlestickSeries, HistogramSeries, ColorType, CrosshairMode } from '../lib/lightweight-charts/lightweight-charts.standalone.production.mjs';

// The library shows UTC; shifting by IST's fixed offset makes the axis read in IST.
const IST_OFFSET_SECONDS = 19800;
const charts = new Map();
let nextId = 1;

const UP = '#26a69a';
const DOWN = '#ef5350';

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
    timeScale: { borderColor: 'rgba(255,255,255,0.15)', timeVisible: true, secondsVisible: false },
  });
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: UP, downColor: DOWN, borderVisible: false, wickUpColor: UP, wickDownColor: DOWN,
  });
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, priceScaleId: '', lastValueVisible: false, priceLineVisible: false });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });

  const id = nextId++;
  charts.set(id, { chart, candles, volume, element, count: 0, lastTime: 0 });
  return id;
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
