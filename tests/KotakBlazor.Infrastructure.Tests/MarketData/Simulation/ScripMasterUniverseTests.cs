using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

/// <summary>The simulated market's instruments picked out of a real scrip master (<see cref="SimulatedUniverse.TryFromScripMaster"/>).</summary>
public sealed class ScripMasterUniverseTests
{
    private static readonly DateOnly MasterDay = new(2026, 12, 8);

    // Tuesday 8 Dec 2026, an expiry day, in the session: the 8 Dec contracts are alive until 15:30.
    private static readonly DateTimeOffset ExpiryMorning = IndianMarketTime.AtIst(MasterDay, new TimeOnly(10, 0));

    private static readonly DateOnly LastWeek = new(2026, 12, 1);
    private static readonly DateOnly Today = new(2026, 12, 8);
    private static readonly DateOnly NextWeek = new(2026, 12, 15);
    private static readonly DateOnly InTwoWeeks = new(2026, 12, 22);
    private static readonly DateOnly Monthly = new(2026, 12, 29);

    private static readonly SimulatorOptions TwoEachSide = new() { StrikesEachSide = 2 };

    /// <summary>
    /// NIFTY options on five expiries (last week's already expired), 50 apart on the weeklies and 100 apart on
    /// 22 Dec and 29 Dec; FINNIFTY on the same strikes; futures of both indices (November's expired); NIFTY 50 but
    /// not NIFTY BANK in the cash file;
    /// RELIANCE-EQ, TATASTEEL-EQ (not a simulated stock) and ITC in the BE series only.
    /// </summary>
    private static ScripMasterDay Master()
    {
        var day = new ScripMasterDay()
            .WithCash(ScripMasterCsvSamples.Nifty50Index, ScripMasterCsvSamples.RelianceEquity, ScripMasterCsvSamples.TataSteelEquity)
            .WithEquity(1660, "ITC-BE", "ITC")
            .WithOptions("NIFTY", LastWeek, 25500m, 26500m, 50m)
            .WithOptions("NIFTY", Today, 25500m, 26500m, 50m)
            .WithOptions("NIFTY", NextWeek, 25500m, 26500m, 50m)
            .WithOptions("NIFTY", InTwoWeeks, 25000m, 27000m, 100m)
            .WithOptions("NIFTY", Monthly, 25000m, 27000m, 100m)
            .WithOptions("FINNIFTY", Today, 25500m, 26500m, 50m, lotSize: 60);
        day.AddFuture("NIFTY", new DateOnly(2026, 11, 24), 75, 1801);
        day.AddFuture("NIFTY", Monthly, 75, 1801);
        day.AddFuture("NIFTY", new DateOnly(2027, 1, 26), 75, 1801);
        day.AddFuture("BANKNIFTY", new DateOnly(2027, 1, 26), 35, 1051);
        day.AddFuture("BANKNIFTY", Monthly, 35, 1051);
        return day;
    }

    private static async Task<SimulatedUniverse> BuildAsync(ScripMasterDay master, DateTimeOffset now, SimulatorOptions? options = null)
    {
        var built = SimulatedUniverse.TryFromScripMaster(now, options ?? TwoEachSide, MasterDay, await master.InstrumentsAsync(), out var universe, out var explanation);
        Assert.True(built, explanation);
        return universe!;
    }

    [Fact]
    public async Task Options_are_the_nearest_three_unexpired_expiries_on_the_strikes_each_side_of_the_money()
    {
        var master = Master();

        var universe = await BuildAsync(master, ExpiryMorning);

        // NIFTY starts at its built-in close of 25,950, a listed strike on the 50-point weeklies. On 22 Dec's 100-point
        // grid 25,900 and 26,000 are equally near: the lower one is the middle of that expiry's window.
        Assert.Equal([Today, NextWeek, InTwoWeeks], universe.NiftyOptionExpiries);
        Assert.Equal((25950m, 50m), (universe.NiftyAtmStrike, universe.NiftyStrikeInterval));
        decimal[] weekly = [25850m, 25900m, 25950m, 26000m, 26050m];
        decimal[] wide = [25700m, 25800m, 25900m, 26000m, 26100m];
        var expected = new[] { (Today, weekly), (NextWeek, weekly), (InTwoWeeks, wide) }
            .SelectMany(e => e.Item2.SelectMany(strike => new[] { OptionType.Call, OptionType.Put }.Select(type => master.Token("NIFTY", e.Item1, strike, type))));
        Assert.Equal(expected, universe.Options.Select(o => o.Id.Token));
        Assert.All(universe.Options, o => Assert.Equal((ExchangeSegment.NseFo, "NIFTY"), (o.Id.Segment, o.Underlying)));
    }

    [Fact]
    public async Task After_the_close_on_expiry_day_that_days_contracts_are_left_out()
    {
        var universe = await BuildAsync(Master(), IndianMarketTime.AtIst(Today, new TimeOnly(15, 45)));

        Assert.Equal([NextWeek, InTwoWeeks, Monthly], universe.NiftyOptionExpiries);
        Assert.DoesNotContain(universe.Instruments, i => i.Expiry is { } expiry && expiry <= Today);
    }

    [Fact]
    public async Task Contracts_carry_the_masters_token_symbol_lot_tick_and_freeze_quantity()
    {
        var master = Master();

        var universe = await BuildAsync(master, ExpiryMorning);

        var atmCall = universe.Options.Single(o => o.Expiry == Today && o.Strike == 25950m && o.OptionType == OptionType.Call);
        Assert.Equal(
            (master.Token("NIFTY", Today, 25950m, OptionType.Call), "NIFTY26D0825950CE", 75, 0.05m, 1801),
            (atmCall.Id.Token, atmCall.TradingSymbol, atmCall.LotSize, atmCall.TickSize, atmCall.FreezeQuantity));
        Assert.True(universe.TryGet(atmCall.Id, out var found) && ReferenceEquals(atmCall, found));
    }

    [Fact]
    public async Task Futures_are_each_indexs_nearest_unexpired_month_with_the_masters_lot()
    {
        var universe = await BuildAsync(Master(), ExpiryMorning);

        Assert.Equal(
            [("NIFTY26DECFUT", Monthly, 75, 1801), ("BANKNIFTY26DECFUT", Monthly, 35, 1051)],
            universe.Futures.Select(f => (f.TradingSymbol, f.Expiry!.Value, f.LotSize, f.FreezeQuantity)));
    }

    [Fact]
    public async Task Stocks_are_matched_by_symbol_and_series_and_indices_fall_back_one_by_one()
    {
        var universe = await BuildAsync(Master(), ExpiryMorning);

        // NIFTY 50 is the master's own row; NIFTY BANK is not in this master, so the built-in index stands in for it.
        Assert.Equal(("NIFTY 50", ExchangeSegment.NseCm, 26000), (universe.Nifty.Instrument.Name, universe.Nifty.Instrument.Id.Segment, universe.Nifty.Instrument.Id.Token));
        Assert.Equal(("BANKNIFTY", 26009), (universe.BankNifty.Instrument.Name, universe.BankNifty.Instrument.Id.Token));
        Assert.Equal(25950m, universe.Nifty.PreviousClose);

        // ITC trades only in the BE series here and TATASTEEL is not a simulated stock: RELIANCE-EQ alone, tick 0.10 from the master.
        var stock = Assert.Single(universe.Underlyings.Skip(2));
        Assert.Equal(("RELIANCE-EQ", 2885, 0.10m), (stock.Instrument.TradingSymbol, stock.Instrument.Id.Token, stock.Instrument.TickSize));
        Assert.Equal(MasterDay, universe.ScripMasterDay);
    }

    [Fact]
    public async Task A_master_without_unexpired_nifty_options_is_refused_with_the_reason()
    {
        var master = new ScripMasterDay()
            .WithCash(ScripMasterCsvSamples.Nifty50Index, ScripMasterCsvSamples.RelianceEquity)
            .WithOptions("NIFTY", LastWeek, 25900m, 26000m, 50m)
            .WithOptions("FINNIFTY", Today, 25900m, 26000m, 50m);

        var built = SimulatedUniverse.TryFromScripMaster(ExpiryMorning, TwoEachSide, MasterDay, await master.InstrumentsAsync(), out var universe, out var explanation);

        Assert.False(built);
        Assert.Null(universe);
        Assert.Equal("the scrip master of 2026-12-08 lists no unexpired NIFTY options", explanation);
    }

    [Fact]
    public async Task A_contract_listed_twice_is_quoted_once()
    {
        var instruments = (await Master().InstrumentsAsync()).ToList();
        var call = instruments.First(i => i.Expiry == Today && i.Strike == 25950m && i.OptionType == OptionType.Call);
        instruments.Add(call with { Id = new InstrumentId(ExchangeSegment.NseFo, 99_999) });

        Assert.True(SimulatedUniverse.TryFromScripMaster(ExpiryMorning, TwoEachSide, MasterDay, instruments, out var universe, out _));

        Assert.Single(universe.Options, o => o.TradingSymbol == call.TradingSymbol);
        Assert.Equal(universe.Instruments.Count, universe.Instruments.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_market_walks_bank_nifty_futures_on_bank_nifty_and_trades_master_lots()
    {
        // With NIFTY BANK from the master, the index is named "NIFTY BANK" and its future's underlying "BANKNIFTY".
        var universe = await BuildAsync(Master().WithIndex(26009, "NIFTY BANK", "Nifty Bank"), ExpiryMorning);
        Assert.Equal("NIFTY BANK", universe.BankNifty.Instrument.Name);
        var market = new SimulatedMarket(universe, new SimulatorOptions { TickProbability = 1.0 }, new Random(7));

        var ticks = market.Step(ExpiryMorning);

        // BANKNIFTY's future is near its index's 58,870 (carry adds about 0.4% to 29 Dec), not near NIFTY's 25,950.
        var bankFuture = ticks.Single(t => t.Instrument == universe.Futures[1].Id);
        Assert.InRange(bankFuture.LastPrice, 56_000m, 62_000m);
        var call = ticks.Single(t => t.Instrument == universe.Options.First(o => o.OptionType == OptionType.Call && o.Strike == 25950m).Id);
        Assert.True(call.LastQuantity % 75 == 0 && call.LastQuantity is > 0 and <= 1800, $"{call.LastQuantity} units is not whole lots of 75 within the 1801 freeze");
        Assert.True(call.OpenInterest > 0 && call.OpenInterest % 75 == 0);
    }
}
