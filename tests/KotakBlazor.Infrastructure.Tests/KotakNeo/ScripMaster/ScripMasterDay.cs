using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using static KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster.ScripMasterCsvSamples;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

/// <summary>
/// A day's scrip master written as Kotak writes it (rows of <see cref="ScripMasterCsvSamples"/>: strikes x 100, ticks
/// in paise, NSE expiries counted from 1980), with as many contracts as a test needs. Tokens are handed out from
/// 40,000 up, in the order contracts are added, so a test can name the contract it expects by its token.
/// </summary>
internal sealed class ScripMasterDay
{
    /// <summary>1980-01-01 00:00 IST in Unix seconds: NSE's epoch for <c>lExpiryDate</c>.</summary>
    private static readonly long NseEpoch = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5)).ToUnixTimeSeconds();

    private readonly List<string> _cash = [];
    private readonly List<string> _derivatives = [];
    private readonly Dictionary<(string Underlying, DateOnly Expiry, decimal Strike, OptionType Type), int> _options = [];
    private int _nextToken = 40_000;

    /// <summary>The nse_cm file's text.</summary>
    public string CashFile => File(NseCmHeader, [.. _cash]);

    /// <summary>The nse_fo file's text.</summary>
    public string DerivativesFile => File(NseFoHeader, [.. _derivatives]);

    /// <summary>NSE's expiry number for 14:30 IST on <paramref name="expiry"/>, as <c>lExpiryDate</c> carries it.</summary>
    public static long NseExpiry(DateOnly expiry) =>
        new DateTimeOffset(expiry.ToDateTime(new TimeOnly(14, 30)), TimeSpan.FromHours(5.5)).ToUnixTimeSeconds() - NseEpoch;

    /// <summary>Adds rows of the cash file, e.g. <see cref="ScripMasterCsvSamples.Nifty50Index"/>.</summary>
    public ScripMasterDay WithCash(params string[] rows)
    {
        _cash.AddRange(rows);
        return this;
    }

    /// <summary>Adds calls and puts of <paramref name="underlying"/> on every strike from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public ScripMasterDay WithOptions(string underlying, DateOnly expiry, decimal from, decimal to, decimal step, int lotSize = 75, int freezeQuantity = 1801)
    {
        for (var strike = from; strike <= to; strike += step)
        {
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var token = _nextToken++;
                _options[(underlying, expiry, strike, type)] = token;
                _derivatives.Add(Row(NseFoHeader,
                    ("pSymbol", Text(token)), ("pExchSeg", "nse_fo"), ("pInstType", "OPTIDX"), ("pSymbolName", underlying),
                    ("pTrdSymbol", ContractSymbols.Option(underlying, expiry, strike, type)), ("pOptionType", type == OptionType.Call ? "CE" : "PE"),
                    ("dTickSize", "5"), ("lLotSize", Text(lotSize)), ("lExpiryDate", Text(NseExpiry(expiry))),
                    ("dStrikePrice;", Text(strike * 100)), ("lFreezeQty", Text(freezeQuantity))));
            }
        }

        return this;
    }

    /// <summary>Adds a future and returns its token.</summary>
    public int AddFuture(string underlying, DateOnly expiry, int lotSize, int freezeQuantity)
    {
        var token = _nextToken++;
        _derivatives.Add(Row(NseFoHeader,
            ("pSymbol", Text(token)), ("pExchSeg", "nse_fo"), ("pInstType", "FUTIDX"), ("pSymbolName", underlying),
            ("pTrdSymbol", ContractSymbols.Future(underlying, expiry)), ("pOptionType", "XX"), ("dTickSize", "10"),
            ("lLotSize", Text(lotSize)), ("lExpiryDate", Text(NseExpiry(expiry))), ("dStrikePrice;", "-1"), ("lFreezeQty", Text(freezeQuantity))));
        return token;
    }

    /// <summary>An equity row of the cash file (series in the symbol, e.g. <c>ITC-BE</c>).</summary>
    public ScripMasterDay WithEquity(int token, string tradingSymbol, string name, int tickPaise = 10)
    {
        _cash.Add(Row(NseCmHeader,
            ("pSymbol", Text(token)), ("pGroup", tradingSymbol[(tradingSymbol.LastIndexOf('-') + 1)..]), ("pExchSeg", "nse_cm"), ("pSymbolName", name),
            ("pTrdSymbol", tradingSymbol), ("pDesc", name + " LTD"), ("dTickSize", Text(tickPaise)), ("lLotSize", "1"), ("lExpiryDate", "-1"),
            ("dStrikePrice;", "-1")));
        return this;
    }

    /// <summary>An index row of the cash file, marked as <see cref="ScripMasterCsvSamples.Nifty50Index"/> is.</summary>
    public ScripMasterDay WithIndex(int token, string name, string tradingSymbol)
    {
        _cash.Add(Row(NseCmHeader,
            ("pSymbol", Text(token)), ("pExchSeg", "nse_cm"), ("pInstType", "INDEX"), ("pSymbolName", name), ("pTrdSymbol", tradingSymbol),
            ("dTickSize", "1"), ("lLotSize", "1"), ("lExpiryDate", "-1"), ("dStrikePrice;", "-1")));
        return this;
    }

    /// <summary>The token given to one option.</summary>
    public int Token(string underlying, DateOnly expiry, decimal strike, OptionType type) => _options[(underlying, expiry, strike, type)];

    /// <summary>The day's instruments as the app reads them from Kotak's files.</summary>
    public async Task<IReadOnlyList<Instrument>> InstrumentsAsync()
    {
        var instruments = new List<Instrument>();
        foreach (var (name, text) in new[] { ("nse_cm.csv", CashFile), ("nse_fo.csv", DerivativesFile) })
        {
            var parsed = await ScripMasterCsvParser.ParseAsync(new StringReader(text), name, CancellationToken.None);
            Assert.Empty(parsed.Problems);
            instruments.AddRange(parsed.Instruments);
        }

        return instruments;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
