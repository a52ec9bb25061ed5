using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// A market-data feed that runs the <see cref="SimulatedMarket"/> on the injected clock: one
/// step every <see cref="SimulatorOptions.TickInterval"/>, its ticks written to the sink.
/// </summary>
/// <remarks>
/// The feed always reports itself connected: the simulator is there. With
/// <see cref="SimulatorOptions.MarketHoursOnly"/> it stays connected but quiet outside the
/// normal session, says so in the connection reason, and its prices do not walk meanwhile,
/// just as a real feed is silent while the exchange is closed.
/// </remarks>
public sealed partial class SimulatedMarketFeed : IMarketDataFeed
{
    internal const string RunningReason = "simulated market running";
    internal const string ClosedReason = "simulated market closed: no ticks outside the normal session on trading days";
    internal const string StoppedReason = "simulated market stopped";

    private readonly Lazy<SimulatedMarket> _market;
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IMarketHours _hours;
    private readonly ILogger<SimulatedMarketFeed> _logger;

    /// <summary>Creates the feed; its market (seeded from <see cref="SimulatorOptions.Seed"/>) is built on the first run.</summary>
    /// <param name="source">The simulated instruments.</param>
    /// <param name="options">The simulator's settings.</param>
    /// <param name="timeProvider">The clock the market steps on.</param>
    /// <param name="logger">Where session changes are logged.</param>
    /// <param name="marketHours">
    /// The sessions kept with <see cref="SimulatorOptions.MarketHoursOnly"/> (the app's calendar: no ticks on
    /// holidays); NSE's times on weekdays when null.
    /// </param>
    public SimulatedMarketFeed(
        SimulatedInstrumentSource source,
        IOptions<SimulatorOptions> options,
        TimeProvider timeProvider,
        ILogger<SimulatedMarketFeed> logger,
        IMarketHours? marketHours = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        if (_options.TickInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.TickInterval, "TickInterval must be positive.");
        }

        // Built when the feed first runs: start-up may still be choosing the source's instruments when the feed is created.
        _market = new Lazy<SimulatedMarket>(() => SimulatedMarket.Create(source.Universe, _options), LazyThreadSafetyMode.ExecutionAndPublication);
        _timeProvider = timeProvider;
        _logger = logger;
        _hours = marketHours ?? new NseMarketHours();
    }

    /// <inheritdoc />
    public string Name => "simulated";

    /// <inheritdoc />
    public async Task RunAsync(IFeedSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);

        // A periodic timer keeps the cadence fixed however long a step's writes take, and
        // remembers a period that elapsed while we were still writing.
        using var timer = new PeriodicTimer(_options.TickInterval, _timeProvider);
        bool? wasOpen = null;
        try
        {
            do
            {
                var now = _timeProvider.GetUtcNow();
                var open = !_options.MarketHoursOnly || _hours.IsOpen(now);
                if (open != wasOpen)
                {
                    sink.ReportConnection(true, open ? RunningReason : ClosedReason);
                    LogSessionState(open);
                    wasOpen = open;
                }

                if (open)
                {
                    var ticks = _market.Value.Step(now);
                    for (var i = 0; i < ticks.Count; i++)
                    {
                        await sink.WriteAsync(ticks[i], cancellationToken);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: a clean end, not a failure.
        }
        finally
        {
            sink.ReportConnection(false, StoppedReason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated market session open: {Open}")]
    private partial void LogSessionState(bool open);
}
