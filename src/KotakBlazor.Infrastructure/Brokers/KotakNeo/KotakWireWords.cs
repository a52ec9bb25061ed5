using System.Globalization;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Kotak's short words for sides, price types, products and validities, both ways, and its number format.</summary>
public static class KotakWireWords
{
    /// <summary><c>tt</c>: B or S.</summary>
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "B" : "S";

    /// <summary><c>pt</c>: L, MKT, SL, SL-M.</summary>
    public static string PriceType(OrderType type) => type switch
    {
        OrderType.Market => "MKT",
        OrderType.Limit => "L",
        OrderType.StopLoss => "SL",
        OrderType.StopLossMarket => "SL-M",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type."),
    };

    /// <summary><c>pc</c>: NRML, MIS, CNC.</summary>
    public static string Product(ProductType product) => product switch
    {
        ProductType.Nrml => "NRML",
        ProductType.Mis => "MIS",
        ProductType.Cnc => "CNC",
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "Unknown product."),
    };

    /// <summary><c>rt</c> / <c>vd</c>: DAY or IOC.</summary>
    public static string Validity(OrderValidity validity) => validity == OrderValidity.Ioc ? "IOC" : "DAY";

    /// <summary>
    /// A price or quantity as Kotak wants it: invariant digits, no exponent, no trailing zeros, so zero is
    /// <c>"0"</c> (a <c>"0.0"</c> has been seen refused).
    /// </summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>A whole number as Kotak wants it.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>trnsTp</c>; null when it is neither B/BUY nor S/SELL.</summary>
    public static OrderSide? ParseSide(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "B" or "BUY" => OrderSide.Buy,
        "S" or "SELL" => OrderSide.Sell,
        _ => null,
    };

    /// <summary>Reads <c>prcTp</c>; an unknown word reads as a limit order (the price field then says what it was).</summary>
    public static OrderType ParsePriceType(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "MKT" or "MARKET" => OrderType.Market,
        "SL" => OrderType.StopLoss,
        "SL-M" or "SLM" => OrderType.StopLossMarket,
        _ => OrderType.Limit,
    };

    /// <summary>
    /// Reads <c>prod</c>. Products our model lacks are mapped by what they mean for a position: MTF is
    /// delivery (CNC), INTRADAY/CO/BO are intraday (MIS); anything unknown is treated as carry-forward (NRML).
    /// </summary>
    public static ProductType ParseProduct(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "MIS" or "INTRADAY" or "CO" or "BO" => ProductType.Mis,
        "CNC" or "MTF" => ProductType.Cnc,
        _ => ProductType.Nrml,
    };
}
