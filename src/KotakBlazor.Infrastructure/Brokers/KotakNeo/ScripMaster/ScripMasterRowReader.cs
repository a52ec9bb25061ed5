using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Turns one scrip-master row into an <see cref="Instrument"/>, or says why it cannot.</summary>
internal static class ScripMasterRowReader
{
    private const decimal PaisePerRupee = 100m;

    // The strike column carries strike x 100 (2.1e+06 is 21000).
    private const decimal StrikeScale = 100m;

    // How indices might be marked in a cash file; no source settles it (KOTAK_NEO_WIRE.md section 5).
    private static readonly HashSet<string> IndexMarkers = new(StringComparer.OrdinalIgnoreCase) { "INDEX", "INDICES", "IDX" };

    public static bool TryRead(List<string> fields, ScripMasterColumns columns, [NotNullWhen(true)] out Instrument? instrument, [NotNullWhen(false)] out string? problem)
    {
        instrument = null;
        var segmentText = ScripMasterColumns.Field(fields, columns.Segment);
        if (!ExchangeSegments.TryParse(segmentText, out var segment))
        {
            problem = $"unknown segment '{segmentText}'";
            return false;
        }

        var tokenText = ScripMasterColumns.Field(fields, columns.Token);
        if (!int.TryParse(tokenText, NumberStyles.None, CultureInfo.InvariantCulture, out var token) || token <= 0)
        {
            problem = $"token '{tokenText}' is not a positive whole number";
            return false;
        }

        var symbol = ScripMasterColumns.Field(fields, columns.TradingSymbol);
        var name = ScripMasterColumns.Field(fields, columns.SymbolName);
        if (symbol.Length == 0 || name.Length == 0)
        {
            problem = "no trading symbol (pTrdSymbol) or name (pSymbolName)";
            return false;
        }

        if (!TryWhole(ScripMasterColumns.Field(fields, columns.LotSize), out var lotSize) || lotSize < 1)
        {
            problem = $"lot size '{ScripMasterColumns.Field(fields, columns.LotSize)}' is not a positive whole number";
            return false;
        }

        if (!TryNumber(ScripMasterColumns.Field(fields, columns.TickSize), out var tickPaise) || tickPaise <= 0)
        {
            problem = $"tick size '{ScripMasterColumns.Field(fields, columns.TickSize)}' is not a positive number of paise";
            return false;
        }

        // Freeze quantity applies to F&O; cash rows may leave it empty or -1: no freeze limit.
        var freeze = TryWhole(ScripMasterColumns.Field(fields, columns.FreezeQuantity), out var freezeQuantity) && freezeQuantity > 0 ? freezeQuantity : 0;
        var id = new InstrumentId(segment, token);
        var tickSize = tickPaise / PaisePerRupee;
        var instType = ScripMasterColumns.Field(fields, columns.InstrumentType);

        if (segment is ExchangeSegment.NseCm or ExchangeSegment.BseCm)
        {
            var isIndex = IndexMarkers.Contains(instType) || IndexMarkers.Contains(ScripMasterColumns.Field(fields, columns.Group));
            var description = ScripMasterColumns.Field(fields, columns.Description);
            instrument = new Instrument(id, symbol, name, description.Length > 0 ? description : name,
                isIndex ? InstrumentType.Index : InstrumentType.Equity, name, lotSize, tickSize, freeze);
            problem = null;
            return true;
        }

        return TryReadDerivative(fields, columns, id, symbol, name, instType, lotSize, tickSize, freeze, out instrument, out problem);
    }

    private static bool TryReadDerivative(
        List<string> fields, ScripMasterColumns columns, InstrumentId id, string symbol, string name, string instType,
        int lotSize, decimal tickSize, int freeze, [NotNullWhen(true)] out Instrument? instrument, [NotNullWhen(false)] out string? problem)
    {
        instrument = null;
        InstrumentType type;
        if (instType.StartsWith("OPT", StringComparison.OrdinalIgnoreCase))
        {
            type = InstrumentType.Option;
        }
        else if (instType.StartsWith("FUT", StringComparison.OrdinalIgnoreCase))
        {
            type = InstrumentType.Future;
        }
        else
        {
            problem = $"instrument type '{instType}' is neither a future nor an option";
            return false;
        }

        var expiryText = ScripMasterColumns.Field(fields, columns.Expiry);
        if (!long.TryParse(expiryText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rawExpiry))
        {
            problem = $"expiry '{expiryText}' is not a number";
            return false;
        }

        var expiry = ScripMasterExpiry.ToIstDate(id.Segment, rawExpiry, out var expiryProblem);
        if (expiry is null)
        {
            problem = expiryProblem!;
            return false;
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"{name} {expiry:dd MMM yyyy}");
        if (type == InstrumentType.Future)
        {
            instrument = new Instrument(id, symbol, name, description + " FUT", type, name, lotSize, tickSize, freeze, expiry);
            problem = null;
            return true;
        }

        var optionText = ScripMasterColumns.Field(fields, columns.OptionType);
        OptionType optionType;
        if (optionText.Equals("CE", StringComparison.OrdinalIgnoreCase))
        {
            optionType = OptionType.Call;
        }
        else if (optionText.Equals("PE", StringComparison.OrdinalIgnoreCase))
        {
            optionType = OptionType.Put;
        }
        else
        {
            problem = $"option type '{optionText}' is neither CE nor PE";
            return false;
        }

        var strikeText = ScripMasterColumns.Field(fields, columns.Strike);
        if (!TryNumber(strikeText, out var rawStrike) || rawStrike <= 0)
        {
            problem = $"strike '{strikeText}' is not a positive number";
            return false;
        }

        var strike = rawStrike / StrikeScale;
        var side = optionType == OptionType.Call ? "CE" : "PE";
        description = string.Create(CultureInfo.InvariantCulture, $"{description} {strike:0.##} {side}");
        instrument = new Instrument(id, symbol, name, description, type, name, lotSize, tickSize, freeze, expiry, strike, optionType);
        problem = null;
        return true;
    }

    // Accepts 2.1e+06 and 1801.00 alike: the master writes numbers in several styles.
    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryWhole(string text, out int value)
    {
        value = 0;
        if (!TryNumber(text, out var number) || number != decimal.Truncate(number) || number is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }
}
