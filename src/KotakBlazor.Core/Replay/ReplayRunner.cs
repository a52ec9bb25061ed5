using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Replay;

/// <summary>
/// Runs recorded market data through a fresh <see cref="KernelCore"/> as fast as it goes: a
/// backtest. Ticks pass the same <see cref="TickIngestion"/> gate as live ticks, so a recorded
/// day gives the signals the live kernel gave. Each run starts from nothing (no warm-up
/// history), and the same input always gives the same signals.
/// </summary>
public sealed class ReplayRunner
{
    // How often a long run looks at its cancellation token.
    private const int CancellationCheckInterval = 4096;

    private readonly IInstrumentCatalog _instruments;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a runner for the instruments of <paramref name="instruments"/>; <paramref name="timeProvider"/> only times the run (default: the system clock).</summary>
    public ReplayRunner(IInstrumentCatalog instruments, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _instruments = instruments;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Replays ticks, in the order given, to the strategies.</summary>
    /// <exception cref="InvalidOperationException">Two settings share an id.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ReplayResult RunTicks(IEnumerable<StrategySettings> strategies, IEnumerable<Tick> ticks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var run = Start(strategies);
        var bus = new TickBus();

        // The queue is read after every tick, so one slot is enough and nothing is ever dropped.
        using var accepted = bus.SubscribeQueue(capacity: 1);
        var ingestion = new TickIngestion(bus, _timeProvider);
        long inputs = 0;
        foreach (var raw in ticks)
        {
            if (++inputs % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (ingestion.Ingest(in raw) == IngestResult.Accepted && accepted.TryRead(out var tick))
            {
                run.Kernel.OnTick(in tick);
                run.Saw(tick.ExchangeTime);
            }
        }

        var counters = ingestion.Counters;
        return run.Finish(counters.Accepted, counters.Dropped, bars: 0);
    }

    /// <summary>
    /// Replays bars, oldest first, to the strategies; each strategy's timeframe must be a whole
    /// multiple of the bars'. A bar that completes a strategy's interval reaches it at once.
    /// </summary>
    /// <exception cref="ArgumentException">A strategy's timeframe is not a whole multiple of the bars'.</exception>
    /// <exception cref="InvalidOperationException">Two settings share an id.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ReplayResult RunBars(IEnumerable<StrategySettings> strategies, IEnumerable<Bar> bars, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var run = Start(strategies);
        long count = 0;
        foreach (var bar in bars)
        {
            if (++count % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            run.Kernel.OnBar(in bar);
            run.Saw(bar.End);
        }

        return run.Finish(ticks: 0, droppedTicks: 0, count);
    }

    private Run Start(IEnumerable<StrategySettings> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        var run = new Run(_instruments, _timeProvider);
        foreach (var settings in strategies)
        {
            run.Kernel.Add(settings);
        }

        return run;
    }

    private sealed class Run : IKernelEvents
    {
        private readonly List<Signal> _signals = [];
        private readonly TimeProvider _timeProvider;
        private readonly long _started;
        private DateTimeOffset? _from;
        private DateTimeOffset? _to;

        public Run(IInstrumentCatalog instruments, TimeProvider timeProvider)
        {
            _timeProvider = timeProvider;
            _started = timeProvider.GetTimestamp();
            Kernel = new KernelCore(instruments, this);
        }

        public KernelCore Kernel { get; }

        public void Saw(DateTimeOffset time)
        {
            _from ??= time;
            _to = time;
        }

        public ReplayResult Finish(long ticks, long droppedTicks, long bars) => new(
            _signals,
            Kernel.Strategies,
            new ReplayStats(ticks, droppedTicks, bars, _signals.Count, _from, _to, _timeProvider.GetElapsedTime(_started)));

        public void SignalRaised(Signal signal) => _signals.Add(signal);

        public void StrategyChanged(StrategyStatus status, bool removed, Exception? fault)
        {
            // The final statuses are read from the kernel; a fault shows there as the strategy's error.
        }
    }
}
