using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using static System.FormattableString;

namespace KotakBlazor.Core.Options.Builder;

/// <summary>
/// Lays out the legs of a short strangle, straddle, iron condor, bull call or bear put spread on
/// an option chain, and keeps edited legs quoted. A pure function of the chain: the screen
/// rebuilds or requotes on its own schedule.
/// </summary>
/// <remarks>
/// A strike "by points" is the listed strike nearest spot ± points; on a tie the one further out
/// of the money wins (a seller would rather be further away). A strike "by delta" is the listed
/// one whose delta is nearest the target; contracts without a delta (no trade yet) are skipped.
/// </remarks>
public static class OptionStrategyBuilder
{
    /// <summary>The legs for <paramref name="shape"/> on <paramref name="chain"/>, quoted from it.</summary>
    public static BuiltLegs Build(OptionChainSnapshot chain, StrategyShape shape)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Lots <= 0)
        {
            return BuiltLegs.Fail(Invariant($"Lots must be at least 1 (given {shape.Lots})."));
        }

        if (chain.Rows.Count == 0)
        {
            return BuiltLegs.Fail(Invariant($"No {chain.Underlying} options are listed for {chain.Expiry:dd MMM yyyy}."));
        }

        return shape.Kind switch
        {
            OptionStrategyKind.ShortStraddle => Straddle(chain, shape.Lots),
            OptionStrategyKind.ShortStrangle => Strangle(chain, shape, wings: false),
            OptionStrategyKind.IronCondor => Strangle(chain, shape, wings: true),
            OptionStrategyKind.BullCallSpread => Spread(chain, shape, OptionType.Call),
            OptionStrategyKind.BearPutSpread => Spread(chain, shape, OptionType.Put),
            _ => BuiltLegs.Fail($"{shape.Kind} is not a structure the builder knows."),
        };
    }

    /// <summary>The legs with their premium, volatility and delta read again from a newer chain; a leg the chain no longer lists keeps its last reading.</summary>
    public static IReadOnlyList<BuilderLeg> Requote(IReadOnlyList<BuilderLeg> legs, OptionChainSnapshot chain)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(chain);
        return [.. legs.Select(leg => Find(chain, leg.Instrument.Strike, leg.Instrument.OptionType) is { } quote && quote.Instrument.Id == leg.Instrument.Id
            ? Quoted(leg, quote)
            : leg)];
    }

    /// <summary>The leg moved to another listed strike of the same type, quoted; null when the chain has no such contract.</summary>
    public static BuilderLeg? MoveTo(BuilderLeg leg, OptionChainSnapshot chain, decimal strike)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(chain);
        return Find(chain, strike, leg.Instrument.OptionType) is { } quote ? Quoted(leg with { Instrument = quote.Instrument }, quote) : null;
    }

    /// <summary>A new leg on the chain's contract at <paramref name="strike"/>; null when it is not listed.</summary>
    public static BuilderLeg? LegAt(OptionChainSnapshot chain, decimal strike, OptionType type, OrderSide side, int lots)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return Find(chain, strike, type) is { } quote ? Quoted(new BuilderLeg(quote.Instrument, side, lots), quote) : null;
    }

    private static BuiltLegs Straddle(OptionChainSnapshot chain, int lots)
    {
        var atm = chain.Rows[chain.AtmIndex];
        if (atm.Call is null || atm.Put is null)
        {
            return BuiltLegs.Fail(Invariant($"The at-the-money strike {atm.Strike} does not list both a call and a put."));
        }

        return new BuiltLegs([Quoted(new BuilderLeg(atm.Call.Instrument, OrderSide.Sell, lots), atm.Call), Quoted(new BuilderLeg(atm.Put.Instrument, OrderSide.Sell, lots), atm.Put)], null);
    }

    private static BuiltLegs Strangle(OptionChainSnapshot chain, StrategyShape shape, bool wings)
    {
        OptionQuote? call;
        OptionQuote? put;
        if (shape.Choice == StrikeChoice.Delta)
        {
            if (shape.Delta is <= 0 or >= 1)
            {
                return BuiltLegs.Fail(Invariant($"The delta must be between 0 and 1 (given {shape.Delta})."));
            }

            call = ByDelta(chain, OptionType.Call, shape.Delta);
            put = ByDelta(chain, OptionType.Put, shape.Delta);
            if (call is null || put is null)
            {
                return BuiltLegs.Fail("No deltas yet: the options have not traded, so strikes cannot be picked by delta. Pick them by points.");
            }
        }
        else
        {
            if (shape.Points < 0)
            {
                return BuiltLegs.Fail(Invariant($"The distance from spot cannot be negative (given {shape.Points})."));
            }

            call = Nearest(chain, OptionType.Call, chain.Spot + shape.Points, preferHigher: true);
            put = Nearest(chain, OptionType.Put, chain.Spot - shape.Points, preferHigher: false);
        }

        if (call is null || put is null)
        {
            return BuiltLegs.Fail("The chain lists no call or no put to sell.");
        }

        var shortCall = Quoted(new BuilderLeg(call.Instrument, OrderSide.Sell, shape.Lots), call);
        var shortPut = Quoted(new BuilderLeg(put.Instrument, OrderSide.Sell, shape.Lots), put);
        if (!wings)
        {
            return new BuiltLegs([shortCall, shortPut], null);
        }

        if (shape.WingPoints <= 0)
        {
            return BuiltLegs.Fail(Invariant($"The wings must sit beyond the short strikes (given {shape.WingPoints} points)."));
        }

        var callWing = Nearest(chain, OptionType.Call, call.Instrument.Strike!.Value + shape.WingPoints, preferHigher: true);
        var putWing = Nearest(chain, OptionType.Put, put.Instrument.Strike!.Value - shape.WingPoints, preferHigher: false);
        if (callWing is null || putWing is null || callWing.Instrument.Strike <= call.Instrument.Strike || putWing.Instrument.Strike >= put.Instrument.Strike)
        {
            return BuiltLegs.Fail("The chain lists no strikes beyond the short legs for the wings: choose nearer shorts or narrower wings.");
        }

        return new BuiltLegs(
        [
            Quoted(new BuilderLeg(callWing.Instrument, OrderSide.Buy, shape.Lots), callWing),
            shortCall,
            shortPut,
            Quoted(new BuilderLeg(putWing.Instrument, OrderSide.Buy, shape.Lots), putWing),
        ], null);
    }

    private static BuiltLegs Spread(OptionChainSnapshot chain, StrategyShape shape, OptionType type)
    {
        if (shape.WingPoints <= 0)
        {
            return BuiltLegs.Fail(Invariant($"The spread needs a width above 0 points (given {shape.WingPoints})."));
        }

        // A bull call buys at (or above) spot and sells higher; a bear put buys at (or below) spot and sells lower.
        var up = type == OptionType.Call;
        var bought = Nearest(chain, type, up ? chain.Spot + shape.Points : chain.Spot - shape.Points, preferHigher: !up);
        if (bought is null)
        {
            return BuiltLegs.Fail($"The chain lists no {type} to buy.");
        }

        var boughtStrike = bought.Instrument.Strike!.Value;
        var sold = Nearest(chain, type, up ? boughtStrike + shape.WingPoints : boughtStrike - shape.WingPoints, preferHigher: up);
        if (sold is null || sold.Instrument.Strike == boughtStrike || (sold.Instrument.Strike > boughtStrike) != up)
        {
            return BuiltLegs.Fail(Invariant($"The chain lists no {type} {(up ? "above" : "below")} {boughtStrike} to sell."));
        }

        return new BuiltLegs([Quoted(new BuilderLeg(bought.Instrument, OrderSide.Buy, shape.Lots), bought), Quoted(new BuilderLeg(sold.Instrument, OrderSide.Sell, shape.Lots), sold)], null);
    }

    private static OptionQuote? Nearest(OptionChainSnapshot chain, OptionType type, decimal target, bool preferHigher)
    {
        OptionQuote? best = null;
        var bestDistance = decimal.MaxValue;
        foreach (var row in chain.Rows)
        {
            if (Side(row, type) is not { } quote)
            {
                continue;
            }

            var distance = Math.Abs(row.Strike - target);
            // Rows come in ascending strikes: on a tie, the higher strike replaces the lower only when it is preferred.
            if (distance < bestDistance || (distance == bestDistance && preferHigher))
            {
                best = quote;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static OptionQuote? ByDelta(OptionChainSnapshot chain, OptionType type, double target)
    {
        OptionQuote? best = null;
        var bestDistance = double.MaxValue;
        foreach (var row in chain.Rows)
        {
            if (Side(row, type) is not { Delta: { } delta } quote)
            {
                continue;
            }

            var distance = Math.Abs(Math.Abs(delta) - target);
            if (distance < bestDistance)
            {
                best = quote;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static OptionQuote? Find(OptionChainSnapshot chain, decimal? strike, OptionType? type)
    {
        if (strike is not { } k || type is not { } t)
        {
            return null;
        }

        foreach (var row in chain.Rows)
        {
            if (row.Strike == k)
            {
                return Side(row, t);
            }
        }

        return null;
    }

    private static OptionQuote? Side(OptionChainRow row, OptionType type) => type == OptionType.Call ? row.Call : row.Put;

    private static BuilderLeg Quoted(BuilderLeg leg, OptionQuote quote) =>
        leg with { Premium = quote.LastPrice, ImpliedVolatility = quote.ImpliedVolatility, Delta = quote.Delta };
}
