using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Options;

/// <summary>One strike of an option chain: the call on one side, the put on the other.</summary>
public sealed record OptionChainRow
{
    /// <summary>Creates a row, checking that each side is the option it claims to be.</summary>
    /// <param name="strike">The strike price; must be positive.</param>
    /// <param name="call">The CE at this strike; null when none is listed.</param>
    /// <param name="put">The PE at this strike; null when none is listed.</param>
    /// <exception cref="ArgumentException">A side is not an option of its type at <paramref name="strike"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strike"/> is not positive.</exception>
    public OptionChainRow(decimal strike, OptionQuote? call, OptionQuote? put)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strike);
        ThrowIfWrongSide(call, strike, OptionType.Call, nameof(call));
        ThrowIfWrongSide(put, strike, OptionType.Put, nameof(put));
        Strike = strike;
        Call = call;
        Put = put;
    }

    /// <summary>The strike price.</summary>
    public decimal Strike { get; }

    /// <summary>The call (CE) side; null when no call is listed at this strike.</summary>
    public OptionQuote? Call { get; }

    /// <summary>The put (PE) side; null when no put is listed at this strike.</summary>
    public OptionQuote? Put { get; }

    private static void ThrowIfWrongSide(OptionQuote? quote, decimal strike, OptionType type, string name)
    {
        if (quote is null)
        {
            return;
        }

        var instrument = quote.Instrument;
        if (instrument.Type != InstrumentType.Option || instrument.OptionType != type || instrument.Strike != strike)
        {
            throw new ArgumentException($"{instrument.TradingSymbol} is not the {type} at strike {strike}.", name);
        }
    }
}
