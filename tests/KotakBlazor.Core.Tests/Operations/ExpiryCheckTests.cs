using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>Which positions expire today and how each settles, with settlement prices worked out by hand.</summary>
public sealed class ExpiryCheckTests
{
    private static readonly DateOnly Expiry = new(2026, 12, 8);

    private static readonly Instrument NiftyIndex = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0);
    private static readonly Instrument Reliance = new(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance Industries", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    private static readonly Instrument NiftyCall = Option(43123, "NIFTY26D0826000CE", "NIFTY", 26000m, OptionType.Call, 65);
    private static readonly Instrument NiftyPut = Option(43124, "NIFTY26D0826000PE", "NIFTY", 26000m, OptionType.Put, 65);
    private static readonly Instrument NextWeekCall = Option(43200, "NIFTY26D1526000CE", "NIFTY", 26000m, OptionType.Call, 65) with { Expiry = Expiry.AddDays(7) };
    private static readonly Instrument NiftyFuture = new(new InstrumentId(ExchangeSegment.NseFo, 43000), "NIFTY26DECFUT", "NIFTY", "NIFTY Dec FUT", InstrumentType.Future, "NIFTY", 65, 0.1m, 1800, Expiry);
    private static readonly Instrument RelianceCall = Option(52001, "RELIANCE26DEC1400CE", "RELIANCE", 1400m, OptionType.Call, 500);
    private static readonly Instrument ReliancePut = Option(52002, "RELIANCE26DEC1400PE", "RELIANCE", 1400m, OptionType.Put, 500);
    private static readonly InstrumentCatalog Catalog = new([NiftyIndex, Reliance, NiftyCall, NiftyPut, NextWeekCall, NiftyFuture, RelianceCall, ReliancePut]);

    [Fact]
    public void Only_open_account_positions_in_contracts_expiring_that_day_are_found_with_their_underlyings_spot()
    {
        var positions = new[]
        {
            Held(NiftyCall, 65),
            Held(NiftyPut, 0),
            Held(NextWeekCall, 130),
            Held(Reliance, 10),
            Held(RelianceCall, -500),
            Held(NiftyCall, 65) with { StrategyId = Guid.NewGuid() },
        };

        var expiring = ExpiryCheck.Find(positions, Catalog, Expiry);

        Assert.Equal(["NIFTY26D0826000CE", "RELIANCE26DEC1400CE"], expiring.Select(e => e.Instrument.TradingSymbol));
        Assert.Equal([NiftyIndex, Reliance], expiring.Select(e => e.Spot));
        Assert.Equal("NIFTY26D0826000CE NRML long 65: index option: cash-settled at the closing spot", expiring[0].Describe());
        Assert.Equal("RELIANCE26DEC1400CE NRML short 500: stock option: settled by delivery of the shares if in the money at the close", expiring[1].Describe());
    }

    [Fact]
    public void A_long_index_call_in_the_money_is_sold_at_its_intrinsic_value()
    {
        // Spot 26,137.45 - strike 26,000 = 137.45.
        var settlement = ExpiryCheck.Plan(Expiring(NiftyCall, 65), 26137.45m);

        Assert.Equal((ExpirySettlementKind.CashAtSpot, OrderSide.Sell, 65, 137.45m), (settlement.Kind, settlement.Side, settlement.Quantity, settlement.Price));
        Assert.Equal("NIFTY26D0826000CE: Sell 65 settled in cash at 137.45 (closing spot 26137.45)", settlement.Describe());
    }

    [Fact]
    public void A_short_index_put_in_the_money_is_bought_back_at_its_intrinsic_value()
    {
        // Strike 26,000 - spot 25,912.30 = 87.70.
        var settlement = ExpiryCheck.Plan(Expiring(NiftyPut, -130), 25912.30m);

        Assert.Equal((ExpirySettlementKind.CashAtSpot, OrderSide.Buy, 130, 87.70m), (settlement.Kind, settlement.Side, settlement.Quantity, settlement.Price));
    }

    [Fact]
    public void An_index_option_out_of_the_money_expires_worthless()
    {
        var settlement = ExpiryCheck.Plan(Expiring(NiftyCall, 65), 25990m);

        Assert.Equal((ExpirySettlementKind.ExpiresWorthless, 0m), (settlement.Kind, settlement.Price));
        Assert.True(settlement.SettlesInCash);
    }

    [Fact]
    public void An_index_future_settles_in_cash_at_the_closing_spot()
    {
        var settlement = ExpiryCheck.Plan(Expiring(NiftyFuture, -65), 26050.10m);

        Assert.Equal((ExpirySettlementKind.CashAtSpot, OrderSide.Buy, 26050.10m), (settlement.Kind, settlement.Side, settlement.Price));
    }

    [Fact]
    public void A_stock_option_in_the_money_is_flagged_for_physical_delivery_and_one_out_of_the_money_expires_worthless()
    {
        var itm = ExpiryCheck.Plan(Expiring(RelianceCall, -500), 1412.35m);
        var otm = ExpiryCheck.Plan(Expiring(ReliancePut, 500), 1412.35m);

        Assert.Equal((ExpirySettlementKind.PhysicalDelivery, 12.35m, false), (itm.Kind, itm.Price, itm.SettlesInCash));
        Assert.Equal("RELIANCE26DEC1400CE: 500 units to be settled by physical delivery (closing spot 1412.35); act with the broker", itm.Describe());
        Assert.Equal(ExpirySettlementKind.ExpiresWorthless, otm.Kind);
    }

    private static ExpiringPosition Expiring(Instrument instrument, int net) =>
        Assert.Single(ExpiryCheck.Find([Held(instrument, net)], Catalog, instrument.Expiry ?? Expiry));

    private static Instrument Option(int token, string symbol, string underlying, decimal strike, OptionType type, int lot) =>
        new(new InstrumentId(ExchangeSegment.NseFo, token), symbol, underlying, symbol, InstrumentType.Option, underlying, lot, 0.05m, 1800, Expiry, strike, type);

    private static Position Held(Instrument instrument, int net) =>
        new(instrument.Id, instrument.TradingSymbol, ProductType.Nrml, null, Math.Max(net, 0), Math.Max(-net, 0), 0m, 0m, net, 100m, 100m, 1m, 0m, 0m, 0m, 0m);
}
