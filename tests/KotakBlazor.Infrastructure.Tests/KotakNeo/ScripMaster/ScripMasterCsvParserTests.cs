using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using static KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster.ScripMasterCsvSamples;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

public sealed class ScripMasterCsvParserTests
{
    [Fact]
    public async Task A_nifty_weekly_option_reads_with_the_1980_epoch_strike_and_tick_scaled()
    {
        var result = await ParseAsync("nse_fo.csv", File(NseFoHeader, NiftyWeeklyPut));

        Assert.Empty(result.Problems);
        var put = Assert.Single(result.Instruments);

        // 1474554600 s after 1980-01-01 00:00 IST is 2026-09-22 14:30 IST; 2.1e+06 / 100 = 21000; 5 paise = 0.05.
        var expected = new Instrument(new InstrumentId(ExchangeSegment.NseFo, 56526), "NIFTY2692221000PE", "NIFTY", "NIFTY 22 Sep 2026 21000 PE",
            InstrumentType.Option, "NIFTY", 65, 0.05m, 1801, new DateOnly(2026, 9, 22), 21000m, OptionType.Put);
        Assert.Equal(expected, put);
    }

    [Fact]
    public async Task Futures_stock_options_and_monthly_index_options_keep_their_exact_underlying()
    {
        var result = await ParseAsync("nse_fo.csv", File(NseFoHeader, FinniftyMonthlyCall, NiftyFuture, RelianceCall));

        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                new Instrument(new InstrumentId(ExchangeSegment.NseFo, 61234), "FINNIFTY26SEP26000CE", "FINNIFTY", "FINNIFTY 29 Sep 2026 26000 CE",
                    InstrumentType.Option, "FINNIFTY", 60, 0.05m, 1800, new DateOnly(2026, 9, 29), 26000m, OptionType.Call),
                new Instrument(new InstrumentId(ExchangeSegment.NseFo, 52001), "NIFTY26SEPFUT", "NIFTY", "NIFTY 29 Sep 2026 FUT",
                    InstrumentType.Future, "NIFTY", 65, 0.10m, 1801, new DateOnly(2026, 9, 29)),
                new Instrument(new InstrumentId(ExchangeSegment.NseFo, 70001), "RELIANCE26SEP1400CE", "RELIANCE", "RELIANCE 29 Sep 2026 1400 CE",
                    InstrumentType.Option, "RELIANCE", 500, 0.05m, 30000, new DateOnly(2026, 9, 29), 1400m, OptionType.Call),
            ],
            result.Instruments);
    }

    [Fact]
    public async Task A_bse_fo_expiry_is_plain_unix_time_without_the_1980_offset()
    {
        var result = await ParseAsync("bse_fo.csv", File(NseFoHeader, SensexWeeklyCall));

        var call = Assert.Single(result.Instruments);

        // 1790240400 is 2026-09-24 14:30 IST; with the NSE offset it would read as 2036.
        Assert.Equal(new DateOnly(2026, 9, 24), call.Expiry);
        Assert.Equal(80000m, call.Strike);
        Assert.Equal((ExchangeSegment.BseFo, 20, 1000), (call.Id.Segment, call.LotSize, call.FreezeQuantity));
    }

    [Fact]
    public async Task Cash_rows_are_equities_or_indices_with_quoted_descriptions_and_no_freeze_limit()
    {
        var result = await ParseAsync("nse_cm-v1.csv", File(NseCmHeader, RelianceEquity, TataSteelEquity, Nifty50Index));

        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                new Instrument(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "RELIANCE INDUSTRIES LTD", InstrumentType.Equity, "RELIANCE", 1, 0.10m, 0),
                new Instrument(new InstrumentId(ExchangeSegment.NseCm, 3499), "TATASTEEL-EQ", "TATASTEEL", "TATA STEEL, LIMITED", InstrumentType.Equity, "TATASTEEL", 1, 0.01m, 0),
                new Instrument(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY 50", "NIFTY 50", InstrumentType.Index, "NIFTY 50", 1, 0.01m, 0),
            ],
            result.Instruments);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_number_and_skipped_while_good_rows_around_them_load()
    {
        var csv = File(NseFoHeader,
            NiftyWeeklyPut,                                                              // line 2
            "56999,,nse_fo,OPTIDX,NIFTY",                                                // line 3: truncated
            With(NseFoHeader, FinniftyMonthlyCall, "pSymbol", "ABC"),                    // line 4
            With(NseFoHeader, FinniftyMonthlyCall, "dStrikePrice;", "-1"),               // line 5
            With(NseFoHeader, FinniftyMonthlyCall, "pExchSeg", "xyz_fo"),                // line 6
            With(NseFoHeader, FinniftyMonthlyCall, "lExpiryDate", "soon"),               // line 7
            With(NseFoHeader, FinniftyMonthlyCall, "pOptionType", "XX"),                 // line 8
            With(NseFoHeader, FinniftyMonthlyCall, "lLotSize", "0"),                     // line 9
            "\"unclosed,quote",                                                          // line 10
            string.Empty,                                                                // line 11: blank, not a problem
            With(NseFoHeader, NiftyWeeklyPut, "pTrdSymbol", "NIFTY2692221000PE-AGAIN"),  // line 12: token 56526 again
            With(NseFoHeader, NiftyFuture, "pInstType", "SPDIDX"),                       // line 13
            With(NseFoHeader, NiftyFuture, "lExpiryDate", "999999"),                     // line 14: reads as 1980
            NiftyFuture);                                                                // line 15

        var result = await ParseAsync("nse_fo.csv", csv);

        Assert.Equal(["NIFTY2692221000PE", "NIFTY26SEPFUT"], result.Instruments.Select(i => i.TradingSymbol));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Equal("nse_fo.csv", p.File));
        Assert.Contains("5 fields where the header has 79", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'ABC'", result.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("strike", result.Problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("xyz_fo", result.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("'soon'", result.Problems[4].Reason, StringComparison.Ordinal);
        Assert.Contains("'XX'", result.Problems[5].Reason, StringComparison.Ordinal);
        Assert.Contains("lot size", result.Problems[6].Reason, StringComparison.Ordinal);
        Assert.Contains("quoted", result.Problems[7].Reason, StringComparison.Ordinal);
        Assert.Contains("again", result.Problems[8].Reason, StringComparison.Ordinal);
        Assert.Contains("SPDIDX", result.Problems[9].Reason, StringComparison.Ordinal);
        Assert.Contains("outside 2000-2099", result.Problems[10].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_columns_every_row_needs_is_refused_as_a_whole()
    {
        var error = await Assert.ThrowsAsync<ScripMasterFormatException>(() => ParseAsync("nse_fo.csv", "pSymbol,pExchSeg,pTrdSymbol\r\n1,nse_fo,X\r\n"));

        Assert.Contains("pSymbolName, lLotSize, dTickSize", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ScripMasterFormatException>(() => ParseAsync("nse_fo.csv", string.Empty));
    }

    [Fact]
    public async Task Header_names_match_after_trimming_and_a_byte_order_mark()
    {
        // dTickSize, lExpiryDate and lMultiplier carry trailing spaces in Kotak's header; lLotSize does not.
        var result = await ParseAsync("nse_fo.csv", "\uFEFF" + File(NseFoHeader, NiftyWeeklyPut));

        Assert.Equal(0.05m, Assert.Single(result.Instruments).TickSize);
    }

    private static Task<ScripMasterParseResult> ParseAsync(string file, string csv) =>
        ScripMasterCsvParser.ParseAsync(new StringReader(csv), file, CancellationToken.None);
}
