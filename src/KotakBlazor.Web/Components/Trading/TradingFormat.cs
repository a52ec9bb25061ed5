using System.Globalization;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>How the trading screens write money, prices, quantities and times: rupees with two decimals in Indian grouping, times in IST.</summary>
internal static class TradingFormat
{
    private static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");

    /// <summary>₹1,23,456.78; a loss with a minus sign.</summary>
    public static string Money(decimal amount) => (amount < 0 ? "-₹" : "₹") + Math.Abs(amount).ToString("N2", India);

    /// <summary>A P&amp;L figure with its sign: +₹1,234.50 or -₹1,234.50.</summary>
    public static string SignedMoney(decimal amount) => (amount > 0 ? "+" : string.Empty) + Money(amount);

    public static string Price(decimal price) => price.ToString("N2", India);

    public static string Price(decimal? price) => price is { } p && p != 0 ? Price(p) : "–";

    public static string Quantity(int quantity) => quantity.ToString("N0", India);

    /// <summary>The css class that colours a P&amp;L figure.</summary>
    public static string Direction(decimal amount) => amount > 0 ? "up" : amount < 0 ? "down" : string.Empty;

    public static string Time(DateTimeOffset time) => IndianMarketTime.ToIst(time).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string PreciseTime(DateTimeOffset time) => IndianMarketTime.ToIst(time).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset time) => IndianMarketTime.ToIst(time).ToString("dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " IST";

    /// <summary>A raw number for data attributes (tests and scripts read these).</summary>
    public static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static string Type(OrderType type) => type switch
    {
        OrderType.Market => "MKT",
        OrderType.Limit => "L",
        OrderType.StopLoss => "SL",
        _ => "SL-M",
    };

    public static string Product(ProductType product) => product.ToString().ToUpperInvariant();

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PendingSubmit => "Pending",
        OrderStatus.PartiallyFilled => "Part filled",
        _ => status.ToString(),
    };

    /// <summary>The badge colour of a status.</summary>
    public static string StatusClass(OrderStatus status) => status switch
    {
        OrderStatus.Filled => "kb-status-filled",
        OrderStatus.Open or OrderStatus.PartiallyFilled => "kb-status-open",
        OrderStatus.PendingSubmit => "kb-status-pending",
        OrderStatus.Cancelled => "kb-status-cancelled",
        _ => "kb-status-failed",
    };
}
