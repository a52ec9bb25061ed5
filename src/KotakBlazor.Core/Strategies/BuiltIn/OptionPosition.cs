using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// The legs an option strategy holds, from its own signals, and their combined premium: the net
/// credit of a short structure (what it costs to buy it back) or the value of a debit spread.
/// The stop-loss and target are percentages of the entry premium, against the premium: a credit
/// is stopped when the cost to close rises, a debit when the spread's value falls.
/// </summary>
internal sealed class OptionPosition(StrategySettings settings)
{
    private OptionLeg[] _legs = [];
    private DateOnly _entryDate;

    /// <summary>Whether legs are held.</summary>
    public bool IsOpen => _legs.Length > 0;

    /// <summary>The held legs, in entry order.</summary>
    public IReadOnlyList<OptionLeg> Legs => _legs;

    /// <summary>The IST date of the latest entry (held or closed), for one entry a day.</summary>
    public DateOnly LastEntryDate { get; private set; }

    /// <summary>True when the net premium was received (sold more than bought).</summary>
    public bool IsCredit { get; private set; }

    /// <summary>The combined premium at entry, per unit, as a positive number.</summary>
    public decimal EntryPremium { get; private set; }

    /// <summary>The combined premium at which the position is stopped out.</summary>
    public decimal? StopLevel { get; private set; }

    /// <summary>The combined premium at which profit is taken.</summary>
    public decimal? TargetLevel { get; private set; }

    /// <summary>The combined premium per unit of <paramref name="legs"/> at their prices: sold minus bought, positive for a credit.</summary>
    public static decimal NetCredit(IEnumerable<OptionLeg> legs) => legs.Sum(l => l.Side == OrderSide.Sell ? l.Price : -l.Price);

    /// <summary>
    /// Enters every leg in one signal, at limit prices equal to their LTPs, in the order given
    /// (hedges first). A percentage of 0 means no stop or no target.
    /// </summary>
    public void Open(IStrategyContext context, IReadOnlyList<OptionLeg> legs, decimal stopPercent, decimal targetPercent, decimal confidence, string reason, Dictionary<string, string> metadata)
    {
        var credit = NetCredit(legs);
        var isCredit = credit > 0m;
        var premium = Math.Abs(credit);

        // A credit loses when the cost to close rises; a debit when its value falls.
        var adverse = isCredit ? 1m : -1m;
        decimal? stop = stopPercent > 0m ? Math.Round(premium * (1m + (adverse * stopPercent / 100m)), 2) : null;
        decimal? target = targetPercent > 0m ? Math.Round(premium * (1m - (adverse * targetPercent / 100m)), 2) : null;
        metadata["premium"] = SignalText.Number(premium);
        metadata["premiumKind"] = isCredit ? "credit" : "debit";
        context.Emit(SignalKind.Entry, [.. legs.Select(l => LegOf(l, l.Side, l.Price))], stop, target, confidence, reason, metadata);
        if (context.IsWarmingUp)
        {
            return;
        }

        _legs = [.. legs];
        IsCredit = isCredit;
        EntryPremium = premium;
        StopLevel = stop;
        TargetLevel = target;
        _entryDate = IndianMarketTime.IstDate(context.Now);
        LastEntryDate = _entryDate;
        foreach (var leg in legs)
        {
            context.WatchTicks(leg.Instrument.Id);
        }
    }

    /// <summary>The combined premium now, from the legs' latest prices (entry prices for legs that have not ticked since).</summary>
    public decimal CurrentPremium(IStrategyContext context)
    {
        var net = NetCredit(_legs.Select(l => l with { Price = LatestPrice(context, l) }));
        return IsCredit ? net : -net;
    }

    /// <summary>Why the position should close now on premium or time, or null to hold on.</summary>
    public string? ExitReason(IStrategyContext context, TimeOnly exitTime)
    {
        if (!IsOpen)
        {
            return null;
        }

        var premium = CurrentPremium(context);
        var kind = IsCredit ? "Cost to close" : "Spread value";
        if (StopLevel is { } stop && (IsCredit ? premium >= stop : premium <= stop))
        {
            return SignalText.Of($"{kind} {premium:0.00} reached the stop-loss {stop:0.00} (entry {EntryPremium:0.00})");
        }

        if (TargetLevel is { } target && (IsCredit ? premium <= target : premium >= target))
        {
            return SignalText.Of($"{kind} {premium:0.00} reached the target {target:0.00} (entry {EntryPremium:0.00})");
        }

        var ist = IndianMarketTime.ToIst(context.Now);
        if (DateOnly.FromDateTime(ist.DateTime) > _entryDate || TimeOnly.FromDateTime(ist.DateTime) >= exitTime)
        {
            return SignalText.Of($"Exit time {exitTime:HH\\:mm} IST reached with {kind.ToLowerInvariant()} {premium:0.00} (entry {EntryPremium:0.00})");
        }

        return null;
    }

    /// <summary>
    /// Closes every leg in one signal at limit prices equal to their LTPs. Sold legs are bought
    /// back first, so a hedge is never removed while the leg it protects is still open.
    /// </summary>
    public void Close(IStrategyContext context, string reason, Dictionary<string, string> metadata)
    {
        if (!IsOpen)
        {
            return;
        }

        metadata["premium"] = SignalText.Number(CurrentPremium(context));
        metadata["entryPremium"] = SignalText.Number(EntryPremium);
        metadata["stopLevel"] = StopLevel is { } stop ? SignalText.Number(stop) : string.Empty;
        metadata["targetLevel"] = TargetLevel is { } target ? SignalText.Number(target) : string.Empty;
        var legs = _legs.OrderBy(l => l.Side == OrderSide.Sell ? 0 : 1).Select(l => LegOf(l, Opposite(l.Side), LatestPrice(context, l))).ToList();
        context.Emit(SignalKind.Exit, legs, null, null, 1m, reason, metadata);
        foreach (var leg in _legs)
        {
            context.UnwatchTicks(leg.Instrument.Id);
        }

        _legs = [];
        StopLevel = null;
        TargetLevel = null;
    }

    private static OrderSide Opposite(OrderSide side) => side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;

    private static decimal LatestPrice(IStrategyContext context, OptionLeg leg) =>
        context.TryGetLatest(leg.Instrument.Id, out var tick) && tick.LastPrice > 0m ? tick.LastPrice : leg.Price;

    private SignalLeg LegOf(OptionLeg leg, OrderSide side, decimal price) =>
        new(leg.Instrument.Id, leg.Instrument.TradingSymbol, side, settings.Lots * leg.Instrument.LotSize, OrderType.Limit, price);
}
