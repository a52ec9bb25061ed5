using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>
/// The embedded default broker: a matching engine on live ticks that behaves like Kotak Neo
/// (order numbers, echoed tags, Kotak's state words, accept-then-reject with a reason, the
/// positions P&amp;L formula), so the app runs with no account and the execution engine can be
/// tested against a broker that refuses, fills in parts, lags and fails on demand.
/// </summary>
/// <remarks>
/// Thread safety: one lock guards all state. The tick loop (<see cref="OnTick"/>), broker calls
/// from any thread and latency timers all take it, and order rows and trades are published while
/// it is held, so every subscriber sees an order's changes in the order they happened. Nothing
/// waits under the lock: publishing only writes to bounded queues. A lock was preferred to a
/// single-threaded actor because every call would otherwise need a round trip through a queue,
/// and the state is small enough that contention never matters.
/// </remarks>
public sealed partial class PaperBroker : IBrokerGateway, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IInstrumentCatalog _instruments;
    private readonly TickBus _ticks;
    private readonly IMarketHours _hours;
    private readonly TimeProvider _clock;
    private readonly PaperBrokerOptions _options;
    private readonly ILogger<PaperBroker> _logger;
    private readonly PaperMarginModel _margin;
    private readonly TimeSpan _latency;
    private readonly OrderedDictionary<string, PaperOrder> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly Dictionary<InstrumentId, List<PaperOrder>> _workingByInstrument = [];
    private readonly Dictionary<InstrumentId, PaperQuote> _quotes = [];
    private readonly OrderedDictionary<(InstrumentId Instrument, ProductType Product), PaperPosition> _positions = new();
    private readonly List<BrokerTrade> _trades = [];
    private readonly List<(Instrument Instrument, PaperHolding Seed)> _holdings = [];
    private readonly Dictionary<string, InstrumentId?> _spotByUnderlying = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<PaperPendingMatch> _pending = [];
    private long _orderSequence;
    private long _tradeSequence;
    private TickQueueSubscription? _subscription;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private bool _disposed;

    /// <summary>Creates the broker; call <see cref="StartAsync"/> to let it see ticks.</summary>
    /// <exception cref="InvalidOperationException">A seeded holding names a symbol the catalog does not know.</exception>
    public PaperBroker(IInstrumentCatalog instruments, TickBus ticks, IMarketHours hours, TimeProvider clock, PaperBrokerOptions options, ILogger<PaperBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Capital, nameof(options.Capital));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SpreadTicks, nameof(options.SpreadTicks));
        ArgumentOutOfRangeException.ThrowIfNegative(options.LatencyMilliseconds, nameof(options.LatencyMilliseconds));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PartialFillQuantity, nameof(options.PartialFillQuantity));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CircuitBandPercent, nameof(options.CircuitBandPercent));
        _instruments = instruments;
        _ticks = ticks;
        _hours = hours;
        _clock = clock;
        _options = options;
        _logger = logger;
        _margin = new PaperMarginModel(options);
        _latency = TimeSpan.FromMilliseconds(options.LatencyMilliseconds);
        foreach (var seed in options.Holdings)
        {
            if (!instruments.TryGetBySymbol(seed.Symbol, out var instrument))
            {
                throw new InvalidOperationException($"Paper holding '{seed.Symbol}' is not in the instrument catalog.");
            }

            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seed.Quantity, nameof(options.Holdings));
            _holdings.Add((instrument, seed));
        }
    }

    /// <inheritdoc />
    public string Name => "Paper";

    /// <inheritdoc />
    public EventStream<BrokerOrder> OrderUpdates { get; } = new();

    /// <inheritdoc />
    public EventStream<BrokerTrade> Trades { get; } = new();

    /// <summary>Failures to produce on demand (tests of the execution engine).</summary>
    public PaperBrokerFaults Faults { get; } = new();

    /// <summary>Subscribes to the tick bus and starts the matching loop.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loop is not null)
            {
                throw new InvalidOperationException("The paper broker is already started.");
            }

            _subscription = _ticks.SubscribeQueue();
            _stop = new CancellationTokenSource();
            var subscription = _subscription;
            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(subscription, stop), CancellationToken.None);
        }

        LogStarted(_options.Capital, _options.LatencyMilliseconds);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes one tick: remembers it as the instrument's quote and matches the instrument's working
    /// orders against it. The matching loop calls this for every tick of the bus; tests may call it
    /// directly to drive the market deterministically.
    /// </summary>
    public void OnTick(in Tick tick)
    {
        // A tick without a price is bad data: it must neither fill an order nor move a band.
        if (tick.LastPrice <= 0m)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var reference = tick.PreviousClose > 0m ? tick.PreviousClose
                : _quotes.TryGetValue(tick.Instrument, out var known) ? known.BandReference
                : tick.LastPrice;
            _quotes[tick.Instrument] = new PaperQuote(tick, reference);
            if (!_workingByInstrument.TryGetValue(tick.Instrument, out var working) || working.Count == 0)
            {
                return;
            }

            var now = _clock.GetUtcNow();

            // A copy, in time priority: a fill takes the order out of the list.
            foreach (var order in working.ToArray())
            {
                MatchLocked(order, tick, now);
            }
        }
    }

    /// <summary>
    /// Records a trade the trader made outside this system (in the Kotak app): an order without our
    /// tag that fills at once at <paramref name="price"/>, and shows in the order book, trade book and
    /// positions. Returns its order number.
    /// </summary>
    public string InjectManualTrade(InstrumentId instrument, OrderSide side, int quantity, decimal price, ProductType product)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        if (!_instruments.TryGet(instrument, out var known) || !known.IsTradable)
        {
            throw new ArgumentException($"No tradable instrument {instrument} in the catalog.", nameof(instrument));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _clock.GetUtcNow();
            var order = new PaperOrder(NextOrderIdLocked(now), null, known, side, product, OrderValidity.Day, false)
            {
                Type = OrderType.Limit,
                Quantity = quantity,
                Price = price,
                Status = OrderStatus.Open,
                UpdatedAt = now,
            };
            _orders.Add(order.Id, order);
            PublishLocked(order);
            ApplyLocked(order, new PaperMatch(false, false, quantity, price, false), now);
            LogManualTrade(order.Id, known.TradingSymbol, side, quantity, price);
            return order.Id;
        }
    }

    /// <summary>Stops the matching loop and every pending latency timer.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var pending in _pending)
            {
                pending.Timer?.Dispose();
            }

            _pending.Clear();
            loop = _loop;
            _stop?.Cancel();
            _subscription?.Dispose();
        }

        if (loop is not null)
        {
            await loop;
        }

        _stop?.Dispose();
    }

    private async Task RunAsync(TickQueueSubscription subscription, CancellationToken stop)
    {
        try
        {
            while (await subscription.WaitToReadAsync(stop))
            {
                while (subscription.TryRead(out var tick))
                {
                    try
                    {
                        OnTick(tick);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A fault on one tick must not stop matching for every order after it.
                        LogTickFailed(ex, tick.Instrument);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the loop ends.
        }
    }

    private void PublishLocked(PaperOrder order) => OrderUpdates.Publish(order.ToRow());

    private string NextOrderIdLocked(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{IndianMarketTime.ToIst(now):yyMMdd}{++_orderSequence:D9}");

    private string NextTradeIdLocked(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{IndianMarketTime.ToIst(now):yyMMdd}{++_tradeSequence:D8}");
}
