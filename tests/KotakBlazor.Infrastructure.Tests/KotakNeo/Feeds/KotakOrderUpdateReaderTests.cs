using System.Text.Json;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class KotakOrderUpdateReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 16, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pushed_order_with_numbers_as_numbers_reads_field_for_field()
    {
        var fields = Fields("""
            {"nOrdNo":"260216000012345","exOrdId":"1100000012345678","ordSt":"open","avgPrc":"0.00","qty":75,"fldQty":0,"unFldSz":75,
             "trnsTp":"B","prcTp":"L","prod":"NRML","exSeg":"nse_fo","sym":"NIFTY","trdSym":"NIFTY2621725500CE","tok":"44498","prc":"101.55",
             "trgPrc":"0.00","ordDtTm":"16-Feb-2026 12:29:31","updRecvTm":1771225171000000000,"boeSec":1771225171,"GuiOrdId":"KB-1-ABC","rejRsn":"--"}
            """);

        Assert.True(KotakOrderUpdateReader.TryReadOrder(fields, Now, out var order, out var missing));

        Assert.Empty(missing);
        Assert.Equal(
            new BrokerOrder("260216000012345", "KB-1-ABC", new InstrumentId(ExchangeSegment.NseFo, 44498), "NIFTY2621725500CE", OrderSide.Buy, OrderType.Limit,
                ProductType.Nrml, 75, 0, 101.55m, 0m, 0m, OrderStatus.Open, "open", null, DateTimeOffset.FromUnixTimeSeconds(1771225171)),
            order);
    }

    [Fact]
    public void Numbers_as_strings_the_broker_update_time_and_a_partial_fill_read_as_partly_filled()
    {
        var fields = Fields("""
            {"nOrdNo":"1","ordSt":"open","qty":"150","fldQty":"75","avgPrc":"99.80","trnsTp":"S","prcTp":"SL","prod":"MIS","exSeg":"nse_cm",
             "tok":"2885","trdSym":"RELIANCE-EQ","prc":"1400.05","trgPrc":"1401.00","hsUpTm":"2026/02/16 12:29:31","ordDtTm":"16-Feb-2026 12:00:00"}
            """);

        Assert.True(KotakOrderUpdateReader.TryReadOrder(fields, Now, out var order, out _));

        // 12:29:31 IST is 06:59:31 UTC.
        Assert.Equal(
            (OrderStatus.PartiallyFilled, 150, 75, 99.80m, 1400.05m, 1401.00m, OrderSide.Sell, OrderType.StopLoss, ProductType.Mis, new DateTimeOffset(2026, 2, 16, 6, 59, 31, TimeSpan.Zero)),
            (order.Status, order.Quantity, order.FilledQuantity, order.AveragePrice, order.Price, order.TriggerPrice, order.Side, order.Type, order.Product, order.UpdatedAt));
        Assert.Null(order.Tag);
    }

    [Fact]
    public void An_unknown_word_is_kept_raw_on_the_order()
    {
        var fields = Fields("""{"nOrdNo":"9","ordSt":"frozen by exchange","qty":75,"trnsTp":"B","prcTp":"MKT","prod":"CNC","exSeg":"bse_cm","tok":"500325","trdSym":"RELIANCE"}""");

        Assert.True(KotakOrderUpdateReader.TryReadOrder(fields, Now, out var order, out _));

        Assert.Equal(("frozen by exchange", OrderStatus.Open, OrderType.Market, Now), (order.BrokerStatus, order.Status, order.Type, order.UpdatedAt));
    }

    [Fact]
    public void A_sparse_update_names_what_it_lacks()
    {
        var fields = Fields("""{"ordSt":"open pending","nOrdNo":"250130000000001","ordValDt":"NA","strategyCode":"NA","hsUpTm":"2024/01/30 14:15:53"}""");

        Assert.False(KotakOrderUpdateReader.TryReadOrder(fields, Now, out var order, out var missing));

        Assert.Null(order);
        Assert.Equal(["trdSym", "exSeg", "trnsTp", "prcTp", "prod", "qty"], missing);
    }

    [Fact]
    public void An_after_market_order_and_a_rejection_reason_come_through()
    {
        var fields = Fields("""
            {"nOrdNo":"2","ordSt":"rejected","ordGenTp":"AMO","qty":"65","trnsTp":"B","prcTp":"L","prod":"NRML","exSeg":"nse_fo","tok":"56526",
             "trdSym":"NIFTY2692221000PE","prc":"12.05","rejRsn":"RMS:Margin Exceeds,Required:15000.00, Available:2000.00"}
            """);

        Assert.True(KotakOrderUpdateReader.TryReadOrder(fields, Now, out var order, out _));

        Assert.Equal((OrderStatus.Rejected, true, "RMS:Margin Exceeds,Required:15000.00, Available:2000.00"), (order.Status, order.AfterMarket, order.RejectReason));
    }

    [Fact]
    public void A_pushed_position_sums_carried_forward_and_today_and_needs_a_token_to_become_a_broker_position()
    {
        var withoutToken = KotakOrderUpdateReader.ReadPosition(Fields("""
            {"actId":"AB123","sym":"NIFTY","exSeg":"nse_fo","prod":"NRML","cfBuyQty":"65","flBuyQty":"130","flSellQty":"65","buyAmt":"13000.00",
             "cfBuyAmt":"6500.00","sellAmt":"7150.50","posFlg":"true","sqrFlg":"true","lotSz":"65","multiplier":"1","hsUpTm":"2026/02/16 12:29:31"}
            """), Now);
        var withToken = KotakOrderUpdateReader.ReadPosition(Fields("""
            {"sym":"NIFTY","trdSym":"NIFTY2692221000PE","exSeg":"nse_fo","tok":"56526","prod":"MIS","flBuyQty":"65","buyAmt":"812.50"}
            """), Now);

        Assert.Equal((195, 65, 19500.00m, 7150.50m, 1m), (withoutToken.BuyQuantity, withoutToken.SellQuantity, withoutToken.BuyAmount, withoutToken.SellAmount, withoutToken.Multiplier));
        Assert.Equal(new DateTimeOffset(2026, 2, 16, 6, 59, 31, TimeSpan.Zero), withoutToken.UpdatedAt);
        Assert.Null(withoutToken.ToBrokerPosition());
        Assert.Equal(
            new BrokerPosition(new InstrumentId(ExchangeSegment.NseFo, 56526), "NIFTY2692221000PE", ProductType.Mis, 65, 0, 812.50m, 0m, 1m),
            withToken.ToBrokerPosition());
    }

    private static KotakMessageFields Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return KotakMessageFields.From(document.RootElement);
    }
}
