using System.Diagnostics;
using System.Globalization;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Latencies recorded as raw <see cref="Stopwatch"/> timestamp differences (no conversion or
/// allocation while measuring), summarised as nearest-rank percentiles.
/// </summary>
internal sealed class LatencySample(int capacity)
{
    private long[] _ticks = new long[capacity];

    public int Count { get; private set; }

    public void Add(long stopwatchTicks)
    {
        if (Count == _ticks.Length)
        {
            Array.Resize(ref _ticks, _ticks.Length * 2);
        }

        _ticks[Count++] = stopwatchTicks;
    }

    /// <summary>Sorted latencies in microseconds.</summary>
    public Summary Summarise()
    {
        var sorted = _ticks.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return new Summary(sorted);
    }

    /// <summary>Nearest-rank percentiles over a sorted copy.</summary>
    internal sealed class Summary(long[] sorted)
    {
        private static readonly double MicrosecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;

        public int Count => sorted.Length;

        /// <summary>The p-th percentile (p in 0..1) in microseconds; NaN when empty.</summary>
        public double Micros(double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * MicrosecondsPerTick;

        public double MaxMicros => sorted.Length == 0 ? double.NaN : sorted[^1] * MicrosecondsPerTick;

        public double MeanMicros => sorted.Length == 0 ? double.NaN : sorted.Average() * MicrosecondsPerTick;

        /// <summary>Latencies of at least <paramref name="micros"/>.</summary>
        public int CountAtLeast(double micros) => sorted.Length - LowerBound((long)Math.Ceiling(micros / MicrosecondsPerTick));

        public static string Us(double value) => value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);

        public static string Ms(double micros) => (micros / 1000).ToString(micros < 10_000 ? "0.000" : "0.0", CultureInfo.InvariantCulture);

        private int LowerBound(long value)
        {
            var index = Array.BinarySearch(sorted, value);
            if (index < 0)
            {
                return ~index;
            }

            while (index > 0 && sorted[index - 1] == value)
            {
                index--;
            }

            return index;
        }
    }
}
