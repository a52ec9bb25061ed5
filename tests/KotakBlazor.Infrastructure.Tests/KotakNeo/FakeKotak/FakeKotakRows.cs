using System.Globalization;
using System.Text.Json.Nodes;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>
/// Rows in the documented shapes, types included: in order rows <c>qty</c>/<c>fldQty</c> are numbers and
/// prices strings; trade rows leave <c>tok</c> empty; position amounts are strings. Shared with the order feed.
/// </summary>
internal static class FakeKotakRows
{
    private static readonly TimeSpan Ist = TimeSpan.FromMinutes(330);

    public static JsonObject Order(FakeOrder order) => Row(order, new FakeOrderState(order.State, order.Quantity, order.Price, order.TriggerPrice,
        order.FilledQuantity, order.AveragePrice, order.RejectReason, order.UpdatedAt));

    /// <summary>An order as it stood in one state (history rows; the order book row is the latest state).</summary>
    public static JsonObject Row(FakeOrder order, FakeOrderState state) => new()
    {
        ["nOrdNo"] = order.Id,
        ["ordSt"] = state.State,
        ["stat"] = state.State,
        ["exOrdId"] = order.ExchangeOrderId ?? "NA",
        ["exchOrdId"] = order.ExchangeOrderId ?? "NA",
        ["trdSym"] = order.Instrument.TradingSymbol,
        ["sym"] = order.Instrument.Name,
        ["tok"] = order.Instrument.Id.Token.ToString(CultureInfo.InvariantCulture),
        ["exSeg"] = order.Instrument.Id.Segment.ToWireName(),
        ["prod"] = order.Product,
        ["prcTp"] = order.PriceType,
        ["prc"] = Money(state.Price),
        ["avgPrc"] = Money(state.AveragePrice),
        ["trgPrc"] = Money(state.TriggerPrice),
        ["qty"] = state.Quantity,
        ["fldQty"] = state.FilledQuantity,
        ["unFldSz"] = state.Quantity - state.FilledQuantity,
        ["cnlQty"] = state.State == "cancelled" ? state.Quantity - state.FilledQuantity : 0,
        ["trnsTp"] = order.Side,
        ["vldt"] = order.Validity,
        ["ordDur"] = order.Validity,
        ["rejRsn"] = state.RejectReason ?? "--",
        ["ordDtTm"] = Dashed(order.PlacedAt),
        ["exCfmTm"] = order.ExchangeOrderId is null ? "--" : Dashed(order.PlacedAt),
        ["flDtTm"] = Dashed(state.At),
        ["hsUpTm"] = Slashed(state.At),
        ["updRecvTm"] = state.At.ToUnixTimeMilliseconds() * 1_000_000,
        ["ordGenTp"] = order.AfterMarket ? "AMO" : "NA",
        ["GuiOrdId"] = order.Tag ?? "",
        ["lotSz"] = order.Instrument.LotSize.ToString(CultureInfo.InvariantCulture),
        ["multiplier"] = "1",
        ["precision"] = "2",
        ["genNum"] = "1",
        ["genDen"] = "1",
        ["prcNum"] = "1",
        ["prcDen"] = "1",
        ["tckSz"] = order.Instrument.TickSize.ToString("0.0000", CultureInfo.InvariantCulture),
        ["algId"] = "NA",
    };

    public static JsonObject Trade(FakeTrade trade, bool withTag)
    {
        var ist = trade.At.ToOffset(Ist);
        return new JsonObject
        {
            ["flId"] = trade.Id,
            ["nOrdNo"] = trade.Order.Id,
            ["exOrdId"] = trade.Order.ExchangeOrderId ?? "NA",
            ["exSeg"] = trade.Order.Instrument.Id.Segment.ToWireName(),
            ["trdSym"] = trade.Order.Instrument.TradingSymbol,
            ["sym"] = trade.Order.Instrument.Name,
            ["trnsTp"] = trade.Order.Side,
            ["prod"] = trade.Order.Product,
            ["prcTp"] = trade.Order.PriceType,
            ["avgPrc"] = Money(trade.Price),
            ["fldQty"] = trade.Quantity,
            ["flDt"] = ist.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture),
            ["flTm"] = ist.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["exTm"] = Dashed(trade.At),
            ["hsUpTm"] = Slashed(trade.At),
            ["rptTp"] = "fill",
            ["GuiOrdId"] = withTag ? trade.Order.Tag ?? "" : "",
            ["lotSz"] = trade.Order.Instrument.LotSize.ToString(CultureInfo.InvariantCulture),
            ["multiplier"] = "1",
            ["genNum"] = "1",
            ["genDen"] = "1",
            ["prcNum"] = "1",
            ["prcDen"] = "1",
            ["precision"] = "2",
            // As documented: trade rows leave the token empty, and carry no order price or quantity.
            ["tok"] = "",
            ["prc"] = "",
            ["qty"] = 0,
        };
    }

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Dashed(DateTimeOffset at) => at.ToOffset(Ist).ToString("dd-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Slashed(DateTimeOffset at) => at.ToOffset(Ist).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
}
