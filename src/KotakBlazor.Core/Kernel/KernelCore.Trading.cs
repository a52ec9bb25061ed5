using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Core.Kernel;

/// <summary>
/// The kernel's trading state: positions marked on every tick, the risk engine and the kill
/// switch. Orders are decided here, on the kernel's one thread, so a risk check sees prices,
/// fills and the kill switch in the same order as everything else.
/// </summary>
public sealed partial class KernelCore
{
    // Snapshots for screens at most this often while only prices move (fills publish at once).
    private static readonly TimeSpan PortfolioPublishInterval = TimeSpan.FromMilliseconds(250);
    private long _publishedVersion = -1;
    private DateTimeOffset _publishedAt;
    private PortfolioSnapshot? _portfolio;

    /// <summary>Positions and P&amp;L, from fills, marked on every tick.</summary>
    public PositionBook Positions { get; }

    /// <summary>The kill switch.</summary>
    public KillSwitch KillSwitch { get; }

    /// <summary>The pre-trade checks.</summary>
    public RiskEngine Risk { get; }

    /// <summary>The latest published portfolio; safe to read from any thread.</summary>
    public PortfolioSnapshot Portfolio => Volatile.Read(ref _portfolio) ?? Positions.Snapshot(Now);

    /// <summary>Checks a request and, when allowed, counts it and plans its slices within the freeze quantity.</summary>
    public OrderDecision Decide(OrderRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        decimal? ltp = _latest.TryGetValue(request.Instrument, out var tick) && tick.LastPrice > 0 ? tick.LastPrice : null;
        var verdict = Risk.Check(request, ltp, now);
        Instruments.TryGet(request.Instrument, out var instrument);
        if (!verdict.IsAllowed)
        {
            // The system's own square-off and unwind orders flatten exposure: a tripped switch must not keep the desk in a position.
            var flattening = IsSystemFlattening(request);
            var refusals = verdict.Refusals.Where(r => !(flattening && r.Rule == RiskRule.KillSwitch)).Select(r => r.Message).ToList();
            if (refusals.Count > 0)
            {
                return new OrderDecision(false, instrument, refusals, [], ltp);
            }
        }

        Risk.Accept(request, now);

        var slices = OrderSlicer.Slice(request.Quantity, instrument!.LotSize, instrument.FreezeQuantity);
        return new OrderDecision(true, instrument, [], slices, ltp);
    }

    private static bool IsSystemFlattening(OrderRequest request) =>
        request.Source == OrderSource.System && request.Purpose is OrderPurpose.Exit or OrderPurpose.Unwind;

    /// <summary>Checks a request without counting it: the verdict an order ticket shows before the trader confirms.</summary>
    public RiskVerdict Preview(OrderRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        decimal? ltp = _latest.TryGetValue(request.Instrument, out var tick) && tick.LastPrice > 0 ? tick.LastPrice : null;
        return Risk.Check(request, ltp, now);
    }

    /// <summary>Applies a fill to the positions, publishes them, and trips the kill switch if the day's loss limit is reached.</summary>
    public void ApplyFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (Positions.Apply(fill))
        {
            PublishPortfolio(force: true);
            CheckDailyLoss(fill.Time);
        }
    }

    /// <summary>Trips the kill switch (an admin, or the system). Returns the change, or null when it was tripped already.</summary>
    public KillSwitchChange? TripKillSwitch(string reason, string actor, DateTimeOffset now)
    {
        var change = KillSwitch.Trip(reason, actor, automatic: false, now);
        if (change is not null)
        {
            _events.KillSwitchChanged(change);
        }

        return change;
    }

    /// <summary>Resets the kill switch (an admin only: the caller checks the role). Returns the change, or null when it was armed already.</summary>
    public KillSwitchChange? ResetKillSwitch(string reason, string actor, DateTimeOffset now)
    {
        var change = KillSwitch.Reset(reason, actor, now);
        if (change is not null)
        {
            _events.KillSwitchChanged(change);
        }

        return change;
    }

    private void MarkPositions(in MarketData.Tick tick)
    {
        Positions.Mark(tick.Instrument, tick.LastPrice);
        if (Positions.Version != _publishedVersion && Positions.OpenPositionCount > 0)
        {
            if (Now - _publishedAt >= PortfolioPublishInterval)
            {
                PublishPortfolio(force: false);
            }

            CheckDailyLoss(Now);
        }
    }

    private void CheckDailyLoss(DateTimeOffset now)
    {
        if (Risk.CheckDailyLoss(now) is { } trip)
        {
            _events.KillSwitchChanged(trip);
        }
    }

    private void PublishPortfolio(bool force)
    {
        if (!force && Positions.Version == _publishedVersion)
        {
            return;
        }

        _publishedVersion = Positions.Version;
        _publishedAt = Now;
        var snapshot = Positions.Snapshot(Now);
        Volatile.Write(ref _portfolio, snapshot);
        _events.PortfolioChanged(snapshot);
    }
}
