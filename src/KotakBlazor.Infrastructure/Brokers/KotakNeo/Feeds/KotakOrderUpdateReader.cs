using System.Diagnostics.CodeAnalysis;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Reads a pushed order (<c>{"type":"order","data":{...}}</c>) and a pushed position into our types.</summary>
internal static class KotakOrderUpdateReader
{
    /// <summary>The order the fields describe; false with the missing field names when they do not describe one fully.</summary>
    public static bool TryReadOrder(KotakMessageFields fields, DateTimeOffset now, [NotNullWhen(true)] out BrokerOrder? order, out List<string> missing)
    {
        order = null;
        missing = [];
        var orderNumber = Require(fields, "nOrdNo", missing);
        var word = fields.Text("ordSt") ?? fields.Text("stat");
        if (word is null)
        {
            missing.Add("ordSt");
        }

        var symbol = Require(fields, "trdSym", missing);
        var instrument = Instrument(fields, missing);
        var side = Side(fields.Text("trnsTp"));
        var type = Type(fields.Text("prcTp"));
        var product = Product(fields.Text("prod"));
        AddIfNull(side, "trnsTp", missing);
        AddIfNull(type, "prcTp", missing);
        AddIfNull(product, "prod", missing);
        if (!fields.TryWhole("qty", out var quantity))
        {
            missing.Add("qty");
        }

        if (missing.Count > 0)
        {
            return false;
        }

        var filled = fields.WholeOrZero("fldQty");
        var status = KotakOrderStates.ToStatus(word, quantity, filled);
        var afterMarket = string.Equals(fields.Text("ordGenTp"), "AMO", StringComparison.OrdinalIgnoreCase)
            || string.Equals(word?.Trim(), KotakOrderStates.AfterMarket, StringComparison.OrdinalIgnoreCase);
        order = new BrokerOrder(
            orderNumber!, fields.Text("GuiOrdId"), instrument!.Value, symbol!, side!.Value, type!.Value, product!.Value, quantity, filled,
            fields.DecimalOrZero("prc"), fields.DecimalOrZero("trgPrc"), fields.DecimalOrZero("avgPrc"), status, word!, fields.Text("rejRsn"),
            KotakTimes.UpdatedAt(fields, now), afterMarket);
        return true;
    }

    public static KotakPositionUpdate ReadPosition(KotakMessageFields fields, DateTimeOffset now)
    {
        InstrumentId? instrument = ExchangeSegments.TryParse(fields.Text("exSeg") ?? string.Empty, out var segment) && fields.TryWhole("tok", out var token) && token > 0
            ? new InstrumentId(segment, token)
            : null;
        var multiplier = fields.DecimalOrZero("multiplier");
        return new KotakPositionUpdate(
            fields.Text("sym") ?? string.Empty,
            fields.Text("trdSym"),
            fields.Text("exSeg") ?? string.Empty,
            instrument,
            Product(fields.Text("prod")),
            fields.WholeOrZero("cfBuyQty") + fields.WholeOrZero("flBuyQty"),
            fields.WholeOrZero("cfSellQty") + fields.WholeOrZero("flSellQty"),
            fields.DecimalOrZero("cfBuyAmt") + fields.DecimalOrZero("buyAmt"),
            fields.DecimalOrZero("cfSellAmt") + fields.DecimalOrZero("sellAmt"),
            multiplier > 0 ? multiplier : 1m,
            KotakTimes.UpdatedAt(fields, now));
    }

    private static string? Require(KotakMessageFields fields, string name, List<string> missing)
    {
        var text = fields.Text(name);
        if (text is null)
        {
            missing.Add(name);
        }

        return text;
    }

    private static void AddIfNull<T>(T? value, string name, List<string> missing)
        where T : struct
    {
        if (value is null)
        {
            missing.Add(name);
        }
    }

    private static InstrumentId? Instrument(KotakMessageFields fields, List<string> missing)
    {
        if (!ExchangeSegments.TryParse(fields.Text("exSeg") ?? string.Empty, out var segment))
        {
            missing.Add("exSeg");
            return null;
        }

        if (!fields.TryWhole("tok", out var token) || token <= 0)
        {
            missing.Add("tok");
            return null;
        }

        return new InstrumentId(segment, token);
    }

    private static OrderSide? Side(string? text) => text?.ToUpperInvariant() switch
    {
        "B" or "BUY" => OrderSide.Buy,
        "S" or "SELL" => OrderSide.Sell,
        _ => null,
    };

    private static OrderType? Type(string? text) => text?.ToUpperInvariant() switch
    {
        "L" or "LMT" or "LIMIT" => OrderType.Limit,
        "MKT" or "MARKET" => OrderType.Market,
        "SL" or "SL-L" => OrderType.StopLoss,
        "SL-M" or "SLM" => OrderType.StopLossMarket,
        _ => null,
    };

    // MTF is delivery bought on margin; CO and BO (discontinued) were intraday products.
    private static ProductType? Product(string? text) => text?.ToUpperInvariant() switch
    {
        "NRML" => ProductType.Nrml,
        "MIS" or "INTRADAY" or "CO" or "BO" => ProductType.Mis,
        "CNC" or "MTF" => ProductType.Cnc,
        _ => null,
    };
}
