using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.MarketData.Simulation;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

public class ContractSymbolsTests
{
    [Fact]
    public void Weekly_month_codes_are_digits_then_o_n_d()
    {
        var codes = string.Concat(Enumerable.Range(1, 12).Select(ContractSymbols.WeeklyMonthCode));

        Assert.Equal("123456789OND", codes);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractSymbols.WeeklyMonthCode(13));
    }

    [Theory]
    [InlineData(2026, 12, 1, 26000, OptionType.Call, "NIFTY26D0126000CE")]
    [InlineData(2026, 11, 17, 25500, OptionType.Put, "NIFTY26N1725500PE")]
    [InlineData(2026, 10, 6, 24950, OptionType.Call, "NIFTY26O0624950CE")]
    [InlineData(2026, 1, 6, 26000, OptionType.Put, "NIFTY2610626000PE")]
    [InlineData(2026, 11, 24, 26000, OptionType.Call, "NIFTY26NOV26000CE")]
    [InlineData(2026, 12, 29, 27050, OptionType.Put, "NIFTY26DEC27050PE")]
    public void Option_symbols_follow_kotaks_weekly_and_monthly_forms(int year, int month, int day, int strike, OptionType type, string expected)
    {
        Assert.Equal(expected, ContractSymbols.Option("NIFTY", new DateOnly(year, month, day), strike, type));
    }

    [Fact]
    public void Kotak_documented_examples_round_trip()
    {
        // From the scrip master notes: weekly NIFTY23D0720100CE (7 Dec 2023) and monthly FINNIFTY24SEP26000CE.
        Assert.Equal("NIFTY23D0720100CE", ContractSymbols.WeeklyOption("NIFTY", new DateOnly(2023, 12, 7), 20100m, OptionType.Call));
        Assert.Equal("FINNIFTY24SEP26000CE", ContractSymbols.MonthlyOption("FINNIFTY", new DateOnly(2024, 9, 24), 26000m, OptionType.Call));
        Assert.Equal("RELIANCE25NOVFUT", ContractSymbols.Future("RELIANCE", new DateOnly(2025, 11, 25)));
    }

    [Fact]
    public void Descriptions_are_for_people()
    {
        Assert.Equal("NIFTY 24 NOV 26 26000 CE", ContractSymbols.OptionDescription("NIFTY", new DateOnly(2026, 11, 24), 26000m, OptionType.Call));
        Assert.Equal("BANKNIFTY 24 NOV 26 FUT", ContractSymbols.FutureDescription("BANKNIFTY", new DateOnly(2026, 11, 24)));
    }
}
