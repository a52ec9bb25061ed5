using System.Collections.Concurrent;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.MarketData.Bars;

/// <summary>
/// Recent bars of one timeframe for every instrument: the forming bar plus a bounded ring of
/// closed bars per instrument. Written by one thread (the projection), read by charts on any
/// thread through copies.
/// </summary>
public sealed class CandleHistory
{
    /// <summary>Closed bars kept per instrument when no capacity is given: over a full session of 1-minute bars.</summary>
    public const int DefaultCapacity = 500;

    private readonly ConcurrentDictionary<InstrumentId, Series> _series = new();

    /// <summary>Creates an empty history.</summary>
    public CandleHistory(Timeframe timeframe, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Timeframe = timeframe;
        Capacity = capacity;
    }

    /// <summary>The bar length.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>Closed bars kept per instrument; older ones are forgotten.</summary>
    public int Capacity { get; }

    /// <summary>Adds a tick; true, with the bar in <paramref name="closed"/>, when it closed a bar. One writer at a time.</summary>
    public bool Update(in Tick tick, out Bar closed)
    {
        if (!_series.TryGetValue(tick.Instrument, out var series))
        {
            series = _series.GetOrAdd(tick.Instrument, id => new Series(new BarAggregator(id, Timeframe), Capacity));
        }

        return series.Update(in tick, out closed);
    }

    /// <summary>The instrument's closed bars followed by the forming bar, oldest first; empty when it has not ticked.</summary>
    public IReadOnlyList<Bar> GetBars(InstrumentId instrument) =>
        _series.TryGetValue(instrument, out var series) ? series.Snapshot() : [];

    /// <summary>The instrument's forming bar, without copying the history (for live chart updates).</summary>
    public bool TryGetForming(InstrumentId instrument, out Bar bar)
    {
        bar = default;
        return _series.TryGetValue(instrument, out var series) && series.TryGetForming(out bar);
    }

    private sealed class Series(BarAggregator aggregator, int capacity)
    {
        private readonly object _gate = new();
        private readonly Bar[] _closed = new Bar[capacity];
        private int _next;
        private int _count;
        private bool _hasForming;
        private Bar _forming;

        public bool Update(in Tick tick, out Bar closed)
        {
            // The aggregator is touched only by the writer; the lock guards what readers copy.
            var didClose = aggregator.Update(in tick, out closed);
            var hasForming = aggregator.TryGetForming(out var forming);
            lock (_gate)
            {
                if (didClose)
                {
                    _closed[_next] = closed;
                    _next = (_next + 1) % _closed.Length;
                    _count = Math.Min(_count + 1, _closed.Length);
                }

                _hasForming = hasForming;
                _forming = forming;
            }

            return didClose;
        }

        public bool TryGetForming(out Bar bar)
        {
            lock (_gate)
            {
                bar = _forming;
                return _hasForming;
            }
        }

        public Bar[] Snapshot()
        {
            lock (_gate)
            {
                var result = new Bar[_count + (_hasForming ? 1 : 0)];
                var oldest = (_next - _count + _closed.Length) % _closed.Length;
                for (var i = 0; i < _count; i++)
                {
                    result[i] = _closed[(oldest + i) % _closed.Length];
                }

                if (_hasForming)
                {
                    result[^1] = _forming;
                }

                return result;
            }
        }
    }
}
