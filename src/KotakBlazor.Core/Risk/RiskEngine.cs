using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Time;
using static System.FormattableString;

namespace KotakBlazor.Core.Risk;

/// <summary>
/// Checks every order against the kill switch, the market hours, the contract's rules and the
/// account's limits before it may reach a broker, whatever path it came from. Runs on the kernel
/// thread: not thread-safe, no locks, no clock (time is passed in).
/// </summary>
/// <remarks>
/// <para><see cref="Check"/> evaluates every rule and returns every refusal; it changes nothing, so
/// the order ticket can preview a verdict. <see cref="Accept"/> records an order that is going out,
/// for the rate, day and duplicate rules.</para>
/// <para>Exits (purpose exit, unwind, stop-loss, target) and orders that only reduce a position skip
/// the open-positions, exposure and daily-loss rules: getting out must stay possible when limits
/// are reached. Nothing skips the kill switch. Protective stops and targets (purpose stop-loss,
/// target) also skip the price band: they rest far from the LTP by design.</para>
/// <para>The duplicate rule compares instrument, side, quantity and strategy: two strategies that
/// happen to send the same order are not duplicates of each other; a double click is. Orders of one
/// multi-leg group (a batched placement's repeated slices) are not duplicates of each other either.</para>
/// </remarks>
public sealed partial class RiskEngine
{
    /// <summary>The actor named on automatic trips.</summary>
    public const string RiskActor = "risk";

    private static readonly RiskRefusal[] NoRefusals = [];

    private readonly KillSwitch _killSwitch;
    private readonly IMarketHours _hours;
    private readonly PositionBook _book;
    private readonly IInstrumentCatalog _catalog;
    private readonly OrderFlow _flow = new();

    /// <summary>Creates the engine.</summary>
    /// <exception cref="ArgumentException">A limit is negative.</exception>
    public RiskEngine(RiskLimits limits, KillSwitch killSwitch, IMarketHours hours, PositionBook book, IInstrumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(killSwitch);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(catalog);
        Limits = Validate(limits);
        _killSwitch = killSwitch;
        _hours = hours;
        _book = book;
        _catalog = catalog;
    }

    /// <summary>The limits in force.</summary>
    public RiskLimits Limits { get; private set; }

    /// <summary>The kill switch the engine checks and the daily-loss limit trips.</summary>
    public KillSwitch KillSwitch => _killSwitch;

    /// <summary>Puts new limits in force from the next check on (an admin edited them).</summary>
    /// <exception cref="ArgumentException">A limit is negative.</exception>
    public void UpdateLimits(RiskLimits limits) => Limits = Validate(limits);

    /// <summary>
    /// Checks an order against every rule without recording it.
    /// </summary>
    /// <param name="request">The order.</param>
    /// <param name="lastPrice">The instrument's last traded price from the market state; when null the position book's last price is used.</param>
    /// <param name="now">The kernel's time.</param>
    public RiskVerdict Check(OrderRequest request, decimal? lastPrice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = Limits;
        List<RiskRefusal>? refusals = null;

        CheckKillSwitch(ref refusals);
        CheckMarketHours(request, limits, now, ref refusals);
        var known = _catalog.TryGet(request.Instrument, out var instrument);
        var symbol = known ? instrument.TradingSymbol : request.Instrument.ToString();
        if (!known)
        {
            Refuse(ref refusals, RiskRule.UnknownInstrument, $"Instrument {symbol} is not in the instrument list");
        }
        else if (!instrument.IsTradable)
        {
            Refuse(ref refusals, RiskRule.NotTradable, $"{symbol} is an index: it is quoted, not traded");
        }

        var sliceCount = 1;
        if (request.Quantity <= 0)
        {
            Refuse(ref refusals, RiskRule.InvalidQuantity, Invariant($"Quantity {request.Quantity} must be positive"));
        }
        else if (known)
        {
            sliceCount = CheckLots(request, instrument, limits, ref refusals);
        }

        CheckPrices(request, known ? instrument.TickSize : 0m, symbol, ref refusals);
        var ltp = lastPrice is > 0 ? lastPrice : _book.LastPrice(request.Instrument);
        var exit = IsExit(request.Purpose);
        CheckPriceBand(request, ltp, limits, symbol, exit, ref refusals);

        var reference = ltp ?? (request.LimitPrice is > 0 ? request.LimitPrice : request.TriggerPrice is > 0 ? request.TriggerPrice : null) ?? 0m;
        var multiplier = _book.Multiplier(request.Instrument);
        var notional = Math.Max(request.Quantity, 0) * reference * multiplier;
        if (request.Quantity > 0 && !exit && !IsReducing(request))
        {
            CheckNewRisk(request, reference, multiplier, limits, symbol, ref refusals);
        }

        CheckOrderFlow(request, limits, now, exit, symbol, ref refusals);
        return new RiskVerdict(refusals ?? (IReadOnlyList<RiskRefusal>)NoRefusals, sliceCount, notional);
    }

    /// <summary>
    /// Records an order that is going out (after an allowed <see cref="Check"/>), so it counts for
    /// the orders-per-second, orders-per-day and duplicate rules. One request counts once, however
    /// many slices it is sent in.
    /// </summary>
    public void Accept(OrderRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        _flow.Record(request, now, TimeSpan.FromSeconds(Limits.DuplicateWindowSeconds));
    }

    /// <summary>Checks an order and, when it is allowed, records it: the execution engine's single call.</summary>
    public RiskVerdict CheckAndAccept(OrderRequest request, decimal? lastPrice, DateTimeOffset now)
    {
        var verdict = Check(request, lastPrice, now);
        if (verdict.IsAllowed)
        {
            Accept(request, now);
        }

        return verdict;
    }

    /// <summary>
    /// Trips the kill switch when the day's loss has reached <see cref="RiskLimits.MaxDailyLoss"/>;
    /// called after fills and marks. After an admin resets an automatic trip, it does not trip again
    /// the same IST day (the admin has seen the loss and may need to square off); the daily-loss rule
    /// still refuses every order that adds risk.
    /// </summary>
    /// <returns>The trip to store and announce, or null when nothing changed.</returns>
    public KillSwitchChange? CheckDailyLoss(DateTimeOffset now)
    {
        var limit = Limits.MaxDailyLoss;
        if (limit <= 0 || _killSwitch.IsTripped || _killSwitch.TrippedAutomaticallyOn(now))
        {
            return null;
        }

        var pnl = _book.DayPnl;
        if (pnl > -limit)
        {
            return null;
        }

        var reason = $"Daily loss {RiskText.Money(-pnl)} reached the limit of {RiskText.Money(limit)}";
        return _killSwitch.Trip(reason, RiskActor, automatic: true, now);
    }

    /// <summary>Where the account stands against its limits, for reports and the risk page.</summary>
    public RiskSummary Summary(DateTimeOffset now)
    {
        var limits = Limits;
        var pnl = _book.DayPnl;
        var exposure = _book.TotalExposure;
        var ordersToday = _flow.OrdersOn(IndianMarketTime.IstDate(now));
        return new RiskSummary(
            now,
            pnl,
            _book.RealizedPnl,
            _book.UnrealizedPnl,
            limits.MaxDailyLoss,
            Utilisation(Math.Max(0m, -pnl), limits.MaxDailyLoss),
            exposure,
            limits.MaxTotalExposure,
            Utilisation(exposure, limits.MaxTotalExposure),
            ordersToday,
            limits.MaxOrdersPerDay,
            Utilisation(ordersToday, limits.MaxOrdersPerDay),
            _book.OpenPositionCount,
            limits.MaxOpenPositions,
            Utilisation(_book.OpenPositionCount, limits.MaxOpenPositions),
            _killSwitch.State,
            limits);
    }

    private static decimal? Utilisation(decimal used, decimal limit) => limit > 0 ? Math.Round(used / limit * 100m, 2) : null;

    private static bool IsExit(OrderPurpose purpose) => purpose is OrderPurpose.Exit or OrderPurpose.Unwind or OrderPurpose.StopLoss or OrderPurpose.Target;

    /// <summary>An order that only shrinks the account's position in its instrument and product (never flips it).</summary>
    private bool IsReducing(OrderRequest request)
    {
        var net = _book.NetQuantity(request.Instrument, request.Product);
        return request.Side == OrderSide.Buy ? net < 0 && request.Quantity <= -net : net > 0 && request.Quantity <= net;
    }

    private static RiskLimits Validate(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.MaxLotsPerOrder < 0 || limits.MaxOpenPositions < 0 || limits.MaxExposurePerInstrument < 0 ||
            limits.MaxTotalExposure < 0 || limits.MaxDailyLoss < 0 || limits.MaxOrdersPerSecond < 0 ||
            limits.MaxOrdersPerDay < 0 || limits.PriceBandPercent < 0 || limits.DuplicateWindowSeconds < 0)
        {
            throw new ArgumentException("Risk limits cannot be negative (0 turns a limit off).", nameof(limits));
        }

        return limits;
    }
}
