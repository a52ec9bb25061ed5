using System.Text.Json;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Reads order-book, order-history, order-feed and trade-book rows into our types. Numbers may come as
/// strings, fields may be missing, <c>ordSt</c> may be a word never seen before: a row is only refused
/// (null) when it lacks what identifies it (order number, segment, side).
/// </summary>
public static class KotakOrderRows
{
    /// <summary>An order row (order book, history or order feed); null when it cannot be identified.</summary>
    public static BrokerOrder? Order(JsonElement row, DateTimeOffset fallbackTime)
    {
        var orderId = KotakJson.Text(row, "nOrdNo");
        var side = KotakWireWords.ParseSide(KotakJson.Text(row, "trnsTp"));
        if (orderId is null || side is null || Instrument(row) is not { } instrument)
        {
            return null;
        }

        var quantity = KotakJson.Int(row, "qty") ?? 0;
        var filled = KotakJson.Int(row, "fldQty") ?? 0;
        var word = KotakJson.FirstText(row, "ordSt", "stat") ?? "";
        return new BrokerOrder(
            orderId,
            KotakJson.Text(row, "GuiOrdId"),
            instrument,
            KotakJson.FirstText(row, "trdSym", "sym") ?? "",
            side.Value,
            KotakWireWords.ParsePriceType(KotakJson.Text(row, "prcTp")),
            KotakWireWords.ParseProduct(KotakJson.Text(row, "prod")),
            quantity,
            filled,
            KotakJson.Decimal(row, "prc") ?? 0m,
            KotakJson.Decimal(row, "trgPrc") ?? 0m,
            KotakJson.Decimal(row, "avgPrc") ?? 0m,
            KotakOrderStates.ToStatus(word, quantity, filled),
            word,
            KotakJson.Text(row, "rejRsn"),
            KotakTimes.OrderUpdatedAt(row, fallbackTime),
            IsAfterMarket(row, word));
    }

    /// <summary>
    /// A trade row; null when it cannot be identified. Kotak leaves <c>tok</c> empty in trade rows: such a
    /// trade carries token 0 until the caller fills it in from the order it belongs to.
    /// </summary>
    public static BrokerTrade? Trade(JsonElement row, DateTimeOffset fallbackTime)
    {
        var tradeId = KotakJson.Text(row, "flId");
        var orderId = KotakJson.Text(row, "nOrdNo");
        var side = KotakWireWords.ParseSide(KotakJson.Text(row, "trnsTp"));
        if (tradeId is null || orderId is null || side is null || Instrument(row) is not { } instrument)
        {
            return null;
        }

        return new BrokerTrade(
            tradeId,
            orderId,
            KotakJson.Text(row, "GuiOrdId"),
            instrument,
            KotakJson.FirstText(row, "trdSym", "sym") ?? "",
            side.Value,
            KotakWireWords.ParseProduct(KotakJson.Text(row, "prod")),
            KotakJson.Int(row, "fldQty") ?? 0,
            KotakJson.Decimal(row, "avgPrc") ?? KotakJson.Decimal(row, "prc") ?? 0m,
            KotakTimes.TradeTime(row, fallbackTime));
    }

    /// <summary>Segment and token from <c>exSeg</c> and <c>tok</c>; token 0 when the token is missing; null for a segment we do not trade.</summary>
    public static InstrumentId? Instrument(JsonElement row, string segmentField = "exSeg", string tokenField = "tok")
    {
        if (!ExchangeSegments.TryParse(KotakJson.Text(row, segmentField), out var segment))
        {
            return null;
        }

        return new InstrumentId(segment, KotakJson.Int(row, tokenField) is > 0 and var token ? token : 0);
    }

    private static bool IsAfterMarket(JsonElement row, string word) =>
        string.Equals(KotakJson.Text(row, "ordGenTp"), "AMO", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("after market", StringComparison.OrdinalIgnoreCase);
}
