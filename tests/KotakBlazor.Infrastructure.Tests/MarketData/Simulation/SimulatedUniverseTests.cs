using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

public class SimulatedUniverseTests
{
    private static readonly DateTimeOffset SundayMorning = IndianMarketTime.AtIst(new DateOnly(2026, 11, 22), new TimeOnly(10, 0));

    private static SimulatedUniverse Create(DateTimeOffset now) => SimulatedUniverse.Create(now, new SimulatorOptions());

    [Fact]
    public void Lists_indices_stocks_futures_and_three_option_expiries()
    {
        var universe = Create(SundayMorning);
        var all = universe.Instruments;

        Assert.Equal(2, all.Count(i => i.Type == InstrumentType.Index));
        Assert.True(all.Count(i => i.Type == InstrumentType.Equity) >= 12);
        Assert.Equal(2, all.Count(i => i.Type == InstrumentType.Future));
        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 29)], universe.NiftyOptionExpiries);

        var atm = universe.NiftyAtmStrike;
        foreach (var expiry in universe.NiftyOptionExpiries)
        {
            var chain = all.Where(i => i.Type == InstrumentType.Option && i.Expiry == expiry).ToList();
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var strikes = chain.Where(o => o.OptionType == type).Select(o => o.Strike!.Value).ToHashSet();
                Assert.Equal(51, strikes.Count);
                Assert.True(strikes.Count(s => s < atm) >= 20);
                Assert.True(strikes.Count(s => s > atm) >= 20);
                Assert.Contains(atm, strikes);
                Assert.All(strikes, s => Assert.Equal(0m, s % 50));
            }
        }
    }

    [Fact]
    public void Tokens_and_symbols_are_unique()
    {
        var all = Create(SundayMorning).Instruments;

        Assert.Equal(all.Count, all.Select(i => i.Id).Distinct().Count());
        Assert.Equal(all.Count, all.Select(i => i.TradingSymbol).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, i => Assert.True(i.Id.Token > 0));
    }

    [Fact]
    public void Indices_and_stocks_carry_nse_tokens()
    {
        var universe = Create(SundayMorning);
        var bySymbol = universe.Instruments.ToDictionary(i => i.TradingSymbol);

        var nifty = bySymbol["Nifty 50"];
        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 26000), nifty.Id);
        Assert.Equal("NIFTY", nifty.Name);
        Assert.False(nifty.IsTradable);
        var bank = bySymbol["Nifty Bank"];
        Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, 26009), bank.Id);
        Assert.Equal("BANKNIFTY", bank.Name);

        var expected = new Dictionary<string, int>
        {
            ["RELIANCE"] = 2885, ["HDFCBANK"] = 1333, ["ICICIBANK"] = 4963, ["INFY"] = 1594,
            ["TCS"] = 11536, ["SBIN"] = 3045, ["ITC"] = 1660, ["LT"] = 11483,
            ["AXISBANK"] = 5900, ["KOTAKBANK"] = 1922, ["BHARTIARTL"] = 10604, ["HINDUNILVR"] = 1394,
        };
        foreach (var (name, token) in expected)
        {
            var stock = bySymbol[name + "-EQ"];
            Assert.Equal(new InstrumentId(ExchangeSegment.NseCm, token), stock.Id);
            Assert.Equal(name, stock.Name);
            Assert.Equal(name, stock.Underlying);
            Assert.Equal(InstrumentType.Equity, stock.Type);
            Assert.Equal(1, stock.LotSize);
            Assert.Equal(0, stock.FreezeQuantity);
        }

        Assert.All(universe.Underlyings.Where(u => u.Instrument.Type == InstrumentType.Equity), u =>
        {
            Assert.Equal(u.PreviousClose > 250m ? 0.05m : 0.01m, u.Instrument.TickSize);
            Assert.InRange(u.AnnualVolatility, 0.1, 0.5);
        });
    }

    [Fact]
    public void Options_and_futures_are_described_like_the_scrip_master()
    {
        var bySymbol = Create(SundayMorning).Instruments.ToDictionary(i => i.TradingSymbol);

        // 24 Nov 2026 is November's last Tuesday: the monthly contract, monthly form.
        var monthlyCall = bySymbol["NIFTY26NOV26000CE"];
        Assert.Equal(ExchangeSegment.NseFo, monthlyCall.Id.Segment);
        Assert.Equal(new DateOnly(2026, 11, 24), monthlyCall.Expiry);
        Assert.Equal(26000m, monthlyCall.Strike);
        Assert.Equal(OptionType.Call, monthlyCall.OptionType);
        Assert.Equal("NIFTY", monthlyCall.Name);
        Assert.Equal("NIFTY", monthlyCall.Underlying);
        Assert.Equal("NIFTY 24 NOV 26 26000 CE", monthlyCall.Description);
        Assert.Equal(65, monthlyCall.LotSize);
        Assert.Equal(0.05m, monthlyCall.TickSize);
        Assert.Equal(1800, monthlyCall.FreezeQuantity);

        var weeklyPut = bySymbol["NIFTY26D0125500PE"];
        Assert.Equal(new DateOnly(2026, 12, 1), weeklyPut.Expiry);
        Assert.Equal(OptionType.Put, weeklyPut.OptionType);
        Assert.Equal("NIFTY 01 DEC 26 25500 PE", weeklyPut.Description);

        Assert.Equal(new DateOnly(2026, 12, 29), bySymbol["NIFTY26DEC26500CE"].Expiry);

        var future = bySymbol["NIFTY26NOVFUT"];
        Assert.Equal(InstrumentType.Future, future.Type);
        Assert.Equal(new DateOnly(2026, 11, 24), future.Expiry);
        Assert.Equal(65, future.LotSize);
        var bankFuture = bySymbol["BANKNIFTY26NOVFUT"];
        Assert.Equal(30, bankFuture.LotSize);
        Assert.Equal("BANKNIFTY", bankFuture.Underlying);
    }

    [Fact]
    public void Weekly_form_is_used_for_weeklies_inside_the_month()
    {
        var symbols = Create(IndianMarketTime.AtIst(new DateOnly(2026, 11, 10), new TimeOnly(9, 0)))
            .Instruments.Select(i => i.TradingSymbol).ToHashSet();

        Assert.Contains("NIFTY26N1026000CE", symbols);
        Assert.Contains("NIFTY26N1726000PE", symbols);
        Assert.Contains("NIFTY26NOV26000CE", symbols);
        Assert.DoesNotContain("NIFTY26N2426000CE", symbols);
    }

    [Fact]
    public void A_restart_on_the_same_day_lists_the_same_instruments()
    {
        var morning = Create(IndianMarketTime.AtIst(new DateOnly(2026, 11, 23), new TimeOnly(9, 20)));
        var afternoon = Create(IndianMarketTime.AtIst(new DateOnly(2026, 11, 23), new TimeOnly(14, 45)));

        Assert.Equal(morning.Instruments, afternoon.Instruments);
    }

    [Fact]
    public void Derivative_tokens_depend_only_on_expiry_kind_and_strike()
    {
        var expiry = new DateOnly(2026, 11, 24);
        var tokens = new HashSet<int>();
        for (var kind = 0; kind < 4; kind++)
        {
            for (var strike = 0m; strike <= 60000m; strike += 50m)
            {
                Assert.True(tokens.Add(SimulatedUniverse.DerivativeToken(expiry, kind, strike)));
                Assert.True(tokens.Add(SimulatedUniverse.DerivativeToken(expiry.AddDays(7), kind, strike)));
            }
        }

        Assert.Equal(392_960_520, SimulatedUniverse.DerivativeToken(expiry, 0, 26000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedUniverse.DerivativeToken(expiry, 0, 26025m));
    }
}
