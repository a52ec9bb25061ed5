using System.Globalization;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Components.Strategies;

/// <summary>One signal as the feed shows it, formatted once when it arrives.</summary>
internal sealed class SignalRow
{
    private static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");

    public SignalRow(Signal signal)
    {
        Signal = signal;
        Identity = SignalIdentity.Of(signal);
        var ist = IndianMarketTime.ToIst(signal.Time);
        Time = ist.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        Date = ist.ToString("dd MMM yyyy", CultureInfo.InvariantCulture);
        Strategy = signal.StrategyName;
        Kind = signal.Kind.ToString();
        Legs = [.. signal.Legs.Select(l => new Leg(
            l.TradingSymbol,
            l.Side == OrderSide.Buy ? "BUY" : "SELL",
            l.Side == OrderSide.Buy ? "up" : "down",
            l.Quantity.ToString("N0", India),
            Price(l.Price) + (l.OrderType == OrderType.Market ? "" : " " + l.OrderType.ToString().ToUpperInvariant())))];
        StopLoss = signal.StopLoss is { } stop ? Price(stop) : "–";
        Target = signal.Target is { } target ? Price(target) : "–";
        Confidence = (signal.Confidence * 100m).ToString("0", CultureInfo.InvariantCulture) + "%";
        Reason = signal.Reason;
        Product = signal.Product.ToString().ToUpperInvariant();
    }

    /// <summary>The signal itself, for the ticket's Trade button.</summary>
    public Signal Signal { get; }

    public SignalIdentity Identity { get; }

    public string Time { get; }

    public string Date { get; }

    public string Strategy { get; }

    public string Kind { get; }

    public IReadOnlyList<Leg> Legs { get; }

    public string StopLoss { get; }

    public string Target { get; }

    public string Confidence { get; }

    public string Reason { get; }

    public string Product { get; }

    private static string Price(decimal price) => price.ToString("N2", India);

    /// <summary>One order of the signal.</summary>
    public sealed record Leg(string Symbol, string Side, string SideClass, string Quantity, string Price);
}
