using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>
/// A plain margin model, close enough to a broker's RMS to refuse what a real account would:
/// option buyers pay the premium, option sellers block a share of the underlying's notional,
/// futures and intraday equity block a share of their value, delivery buys pay in full.
/// </summary>
internal sealed class PaperMarginModel(PaperBrokerOptions options)
{
    /// <summary>The margin <paramref name="quantity"/> units need, with how it was worked out.</summary>
    /// <param name="instrument">The contract.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="product">Product.</param>
    /// <param name="quantity">Units.</param>
    /// <param name="price">The contract's price (premium for an option).</param>
    /// <param name="underlyingSpot">The underlying's last price, when known (option selling).</param>
    public (decimal Amount, string Explanation) For(Instrument instrument, OrderSide side, ProductType product, int quantity, decimal price, decimal? underlyingSpot)
    {
        switch (instrument.Type)
        {
            case InstrumentType.Option when side == OrderSide.Buy:
                return Explain(price * quantity, $"option buy: premium {Money(price)} x {quantity}");
            case InstrumentType.Option:
                var spot = underlyingSpot ?? instrument.Strike ?? price;
                var basis = underlyingSpot is null ? "strike" : $"{instrument.Underlying} spot";
                return Explain(Percent(options.OptionSellingMarginPercent) * spot * quantity,
                    $"option sell: {options.OptionSellingMarginPercent.ToString("0.##", CultureInfo.InvariantCulture)}% of {basis} {Money(spot)} x {quantity}");
            case InstrumentType.Future:
                return Explain(Percent(options.FuturesMarginPercent) * price * quantity,
                    $"future: {options.FuturesMarginPercent.ToString("0.##", CultureInfo.InvariantCulture)}% of {Money(price)} x {quantity}");
            case InstrumentType.Equity when product == ProductType.Mis:
                return Explain(Percent(options.IntradayEquityMarginPercent) * price * quantity,
                    $"intraday equity: {options.IntradayEquityMarginPercent.ToString("0.##", CultureInfo.InvariantCulture)}% of {Money(price)} x {quantity}");
            case InstrumentType.Equity when side == OrderSide.Sell:
                // A delivery sell hands over shares already held; it blocks no cash.
                return Explain(0m, "delivery sell: no margin");
            case InstrumentType.Equity:
                return Explain(price * quantity, $"delivery buy: {Money(price)} x {quantity}");
            default:
                return Explain(0m, "not tradable");
        }
    }

    internal static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static decimal Percent(decimal percent) => percent / 100m;

    private static (decimal Amount, string Explanation) Explain(decimal amount, string working)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return (rounded, $"{working} = {Money(rounded)}");
    }
}
