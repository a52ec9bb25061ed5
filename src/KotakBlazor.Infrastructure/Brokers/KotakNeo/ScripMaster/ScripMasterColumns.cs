namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>
/// Where each column the parser needs sits in a file's header. Header names are trimmed
/// (several carry trailing spaces); the strike column is literally <c>dStrikePrice;</c>.
/// </summary>
internal sealed class ScripMasterColumns
{
    private const int Missing = -1;

    private ScripMasterColumns(Dictionary<string, int> byName, int count)
    {
        Count = count;
        Token = Find(byName, "pSymbol");
        Segment = Find(byName, "pExchSeg");
        TradingSymbol = Find(byName, "pTrdSymbol");
        SymbolName = Find(byName, "pSymbolName");
        LotSize = Find(byName, "lLotSize");
        TickSize = Find(byName, "dTickSize");
        InstrumentType = Find(byName, "pInstType");
        OptionType = Find(byName, "pOptionType");
        Expiry = Find(byName, "lExpiryDate");
        Strike = Find(byName, "dStrikePrice;", "dStrikePrice");
        FreezeQuantity = Find(byName, "lFreezeQty");
        Description = Find(byName, "pDesc");
        Group = Find(byName, "pGroup");
    }

    /// <summary>How many columns the header names: every row must have exactly as many.</summary>
    public int Count { get; }

    public int Token { get; }

    public int Segment { get; }

    public int TradingSymbol { get; }

    public int SymbolName { get; }

    public int LotSize { get; }

    public int TickSize { get; }

    public int InstrumentType { get; }

    public int OptionType { get; }

    public int Expiry { get; }

    public int Strike { get; }

    public int FreezeQuantity { get; }

    public int Description { get; }

    public int Group { get; }

    /// <summary>Reads the header line; a file without the columns every row needs is not a scrip master.</summary>
    public static ScripMasterColumns Parse(IReadOnlyList<string> header, string file)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            // A UTF-8 byte-order mark may precede the first name.
            byName.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        var columns = new ScripMasterColumns(byName, header.Count);
        var missing = new List<string>();
        foreach (var (name, index) in new[]
                 {
                     ("pSymbol", columns.Token), ("pExchSeg", columns.Segment), ("pTrdSymbol", columns.TradingSymbol),
                     ("pSymbolName", columns.SymbolName), ("lLotSize", columns.LotSize), ("dTickSize", columns.TickSize),
                 })
        {
            if (index == Missing)
            {
                missing.Add(name);
            }
        }

        return missing.Count == 0
            ? columns
            : throw new ScripMasterFormatException($"{file}: the header lacks {string.Join(", ", missing)}; is this a Kotak scrip master?");
    }

    /// <summary>The trimmed field at <paramref name="index"/>; empty when the column is absent.</summary>
    public static string Field(List<string> fields, int index) => index == Missing ? string.Empty : fields[index].Trim();

    private static int Find(Dictionary<string, int> byName, params string[] names)
    {
        foreach (var name in names)
        {
            if (byName.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        return Missing;
    }
}
