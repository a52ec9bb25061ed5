using System.Text.Json;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>Kotak's documented answers read into our types, with the quirks: numbers as strings, placeholders, missing fields, unknown states.</summary>
public sealed class KotakRowParsingTests
{
    private static readonly DateTimeOffset Fallback = new(2026, 12, 4, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_order_book_row_reads_numbers_and_numeric_strings_alike()
    {
        var row = Assert.Single(KotakJson.Rows(Parse(KotakSamples.OrderBook)));

        var order = KotakOrderRows.Order(row, Fallback)!;

        Assert.Equal("250122000612876", order.BrokerOrderId);
        Assert.Null(order.Tag);
        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 14366), order.Instrument);
        Assert.Equal(("IDEA-EQ", OrderSide.Buy, OrderType.Limit, ProductType.Nrml), (order.TradingSymbol, order.Side, order.Type, order.Product));
        Assert.Equal((1, 0, 9.39m, 0m, 0m), (order.Quantity, order.FilledQuantity, order.Price, order.TriggerPrice, order.AveragePrice));
        Assert.Equal((OrderStatus.Open, "open", (string?)null, false), (order.Status, order.BrokerStatus, order.RejectReason, order.AfterMarket));
        // updRecvTm is nanoseconds since the epoch: 1737536281933 ms = 22 Jan 2025 08:58:01.933 UTC (14:28:01.933 IST).
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1737536281933), order.UpdatedAt);
    }

    [Fact]
    public void Order_history_unwrapped_from_its_double_data_reads_newest_first()
    {
        var rows = KotakJson.Rows(Parse(KotakSamples.OrderHistory)).Select(r => KotakOrderRows.Order(r, Fallback)!).ToList();

        Assert.Equal(["complete", "open", "open pending", "validation pending", "put order req received"], rows.Select(r => r.BrokerStatus));
        Assert.Equal([OrderStatus.Filled, OrderStatus.Open, OrderStatus.Open, OrderStatus.Open, OrderStatus.Open], rows.Select(r => r.Status));
        Assert.Equal((1, 9.39m), (rows[0].FilledQuantity, rows[0].AveragePrice));
    }

    [Fact]
    public void A_trade_row_without_a_token_keeps_the_segment_and_token_zero_and_reads_its_ist_time()
    {
        var trade = KotakOrderRows.Trade(Assert.Single(KotakJson.Rows(Parse(KotakSamples.TradeBook))), Fallback)!;

        Assert.Equal(("207983744", "250122000612876", (string?)null), (trade.TradeId, trade.BrokerOrderId, trade.Tag));
        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 0), trade.Instrument);
        Assert.Equal((1, 9.39m, OrderSide.Buy), (trade.Quantity, trade.Price, trade.Side));
        Assert.Equal(IndianMarketTime.AtIst(new DateOnly(2025, 1, 22), new TimeOnly(14, 28, 16)), trade.Time);
    }

    [Fact]
    public void A_position_follows_the_broker_formula_and_gives_the_documented_pnl()
    {
        var position = KotakPortfolioRows.Position(Assert.Single(KotakJson.Rows(Parse(KotakSamples.Positions))))!;

        Assert.Equal(new InstrumentId(ExchangeSegment.NseFo, 61304), position.Instrument);
        Assert.Equal((225, 0, 225, 475_200m, 0m, 1m), (position.BuyQuantity, position.SellQuantity, position.NetQuantity, position.BuyAmount, position.SellAmount, position.Multiplier));
        // The docs' own figure: (0 - 475200) + 225 x 2117 x 1 = 1125.
        Assert.Equal(1_125m, position.ProfitAndLoss(2_117m));
    }

    [Fact]
    public void The_multiplier_is_multiplier_times_gen_ratio_times_price_ratio_with_missing_parts_read_as_one()
    {
        var row = Parse("""{"multiplier":"2","genNum":"3","genDen":"4","prcNum":"10","prcDen":"100"}""");
        var partial = Parse("""{"multiplier":"1000","genDen":"0"}""");

        // 2 x 3/4 x 10/100 = 0.15
        Assert.Equal(0.15m, KotakPortfolioRows.Multiplier(row));
        Assert.Equal(1000m, KotakPortfolioRows.Multiplier(partial));
    }

    [Fact]
    public void Carried_forward_quantities_and_amounts_count_with_todays()
    {
        var row = Parse("""{"exSeg":"nse_fo","tok":"49081","trdSym":"X","prod":"NRML","cfBuyQty":"75","cfBuyAmt":"9000.00","flBuyQty":"0","flSellQty":"75","sellAmt":"9750.00","buyAmt":"0.00"}""");

        var position = KotakPortfolioRows.Position(row)!;

        Assert.Equal((75, 75, 9_000m, 9_750m), (position.BuyQuantity, position.SellQuantity, position.BuyAmount, position.SellAmount));
        Assert.Equal(750m, position.ProfitAndLoss(200m));
    }

    [Fact]
    public void A_holding_is_keyed_by_its_exchange_identifier_not_its_instrument_token()
    {
        var holding = KotakPortfolioRows.Holding(Assert.Single(KotakJson.Rows(Parse(KotakSamples.Holdings))))!;

        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 14366), holding.Instrument);
        Assert.Equal(("IDEA", 35, 9.5699m, 9.36m), (holding.TradingSymbol, holding.Quantity, holding.AveragePrice, holding.ClosingPrice));
    }

    [Fact]
    public void Limits_read_net_margin_used_and_collateral_from_strings()
    {
        var funds = KotakPortfolioRows.Funds(Parse(KotakSamples.Limits));

        Assert.Equal((19.409999999999997m, 18.78m, 38.19m), (funds.Net, funds.MarginUsed, funds.Collateral));
    }

    [Fact]
    public void Check_margin_needs_the_order_margin_against_cash_less_margin_in_use()
    {
        var estimate = KotakPortfolioRows.Margin(Parse(KotakSamples.Margin));

        // 38.19 cash - 18.78 in use = 19.41 (the limits call's Net), against 15.50 for the order.
        Assert.Equal((15.5m, 19.41m, true), (estimate.Required, estimate.Available, estimate.IsSufficient));
        Assert.Equal("Kotak Neo: this order needs 15.50; cash 38.19 less margin in use 18.78 leaves 19.41; RMS check: OK", estimate.Explanation);
    }

    [Fact]
    public void A_quote_reads_last_price_best_bid_and_ask_and_the_previous_close()
    {
        var quote = KotakPortfolioRows.Quote(Assert.Single(KotakJson.Rows(Parse(KotakSamples.Quotes))))!;

        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 1333), quote.Instrument);
        Assert.Equal((801.6m, 801.6m, 801.65m, 793.2m, 30_043_533L, 550L), (quote.LastPrice, quote.BestBid, quote.BestAsk, quote.PreviousClose, quote.Volume, quote.LastQuantity));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1782374657), quote.LastTradeTime);
        var tick = quote.ToTick(Fallback);
        Assert.Equal((801.6m, 8.4m), (tick.LastPrice, tick.Change));
    }

    [Fact]
    public void An_unknown_state_keeps_its_word_and_a_sparse_row_reads_with_defaults()
    {
        var row = Parse("""{"nOrdNo":"1","ordSt":"risk check parked","trnsTp":"S","exSeg":"nse_fo","tok":"49081","fldQty":"0","GuiOrdId":"KB-9","rejRsn":"NA"}""");

        var order = KotakOrderRows.Order(row, Fallback)!;

        Assert.Equal((OrderStatus.Open, "risk check parked", "KB-9"), (order.Status, order.BrokerStatus, order.Tag));
        Assert.Equal((0, 0m, "", OrderType.Limit, Fallback, (string?)null), (order.Quantity, order.Price, order.TradingSymbol, order.Type, order.UpdatedAt, order.RejectReason));
    }

    [Theory]
    [InlineData("""{"trnsTp":"B","exSeg":"nse_cm","tok":"1"}""")]
    [InlineData("""{"nOrdNo":"1","exSeg":"nse_cm","tok":"1"}""")]
    [InlineData("""{"nOrdNo":"1","trnsTp":"B","exSeg":"bcs-fo","tok":"1"}""")]
    public void A_row_without_an_order_number_a_side_or_a_known_segment_is_skipped(string json)
    {
        Assert.Null(KotakOrderRows.Order(Parse(json), Fallback));
    }

    [Fact]
    public void After_market_orders_are_recognised_by_generation_type_or_state()
    {
        var amo = KotakOrderRows.Order(Parse("""{"nOrdNo":"1","ordSt":"open","ordGenTp":"AMO","trnsTp":"B","exSeg":"nse_cm","tok":"1"}"""), Fallback)!;
        var received = KotakOrderRows.Order(Parse("""{"nOrdNo":"2","ordSt":"after market order req received","trnsTp":"B","exSeg":"nse_cm","tok":"1"}"""), Fallback)!;

        Assert.True(amo.AfterMarket);
        Assert.True(received.AfterMarket);
    }

    [Theory]
    [InlineData("""{"stCode":1021,"errMsg":"order is completed","stat":"please provide valid order number"}""", "order is completed", "1021")]
    [InlineData("""{"stat":"Not_Ok","emsg":"Insufficient balance.","stCode":1004}""", "Insufficient balance.", "1004")]
    [InlineData("""{"status":"error","message":"Invalid credentials or TOTP.","errorCode":"401"}""", "Invalid credentials or TOTP.", "401")]
    [InlineData("""{"error":[{"code":"10512","message":"Required header not found."}]}""", "Required header not found.", "10512")]
    [InlineData("""{"code":429,"error":"Rate limit exceeded"}""", "Rate limit exceeded", "429")]
    public void Error_words_and_codes_come_from_whichever_field_the_answer_uses(string json, string message, string code)
    {
        var body = Parse(json);

        Assert.Equal((message, code), (KotakJson.ErrorMessage(body), KotakJson.StatusCode(body)));
    }

    [Theory]
    [InlineData("22-Jan-2025 14:28:01")]
    [InlineData("2025/01/22 14:28:01")]
    [InlineData("22-Jan-2025 14: 28: 01")]
    public void Ist_timestamps_in_every_layout_read_as_the_same_instant(string text)
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 22, 8, 58, 1, TimeSpan.Zero), KotakTimes.ParseIst(text));
    }

    [Fact]
    public void Decimals_read_from_numbers_strings_and_scientific_notation_and_placeholders_read_as_nothing()
    {
        var row = Parse("""{"a":9.5699,"b":"9.39","c":"2.1e+06","d":"--","e":"","f":"NA","g":true}""");

        Assert.Equal((9.5699m, 9.39m, 2_100_000m), (KotakJson.Decimal(row, "a"), KotakJson.Decimal(row, "b"), KotakJson.Decimal(row, "c")));
        Assert.Equal([null, null, null, null, null], new[] { "d", "e", "f", "g", "missing" }.Select(n => KotakJson.Decimal(row, n)));
        Assert.Null(KotakJson.Int(Parse("""{"q":"1.5"}"""), "q"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(120.50, "120.5")]
    [InlineData(0.05, "0.05")]
    [InlineData(26000, "26000")]
    public void Numbers_go_out_without_trailing_zeros_so_zero_is_0(decimal value, string expected)
    {
        Assert.Equal(expected, KotakWireWords.Number(value));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
