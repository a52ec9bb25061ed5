using System.Globalization;

namespace KotakBlazor.Core.Instruments;

/// <summary>
/// An immutable, in-memory <see cref="IInstrumentCatalog"/>. Search scans every instrument; a full
/// NSE scrip master (~100k rows) takes a few milliseconds, which a search box can afford.
/// </summary>
public sealed class InstrumentCatalog : IInstrumentCatalog
{
    private const int ExactSymbolRank = 0;
    private const int ExactUnderlyingRank = 1;
    private const int SymbolPrefixRank = 2;
    private const int WordsRank = 3;
    private const int NoMatch = int.MaxValue;

    private static readonly char[] WordSeparators = [' ', '\t', '-', '_', '/', ',', '(', ')'];

    private readonly Instrument[] _all;
    private readonly SearchEntry[] _entries;
    private readonly Dictionary<InstrumentId, Instrument> _byId;
    private readonly Dictionary<string, Instrument> _bySymbol;
    private readonly HashSet<string> _underlyings;
    private readonly HashSet<string> _derivativeUnderlyings;

    /// <summary>Builds the catalog.</summary>
    /// <exception cref="ArgumentException">Two instruments share an id or a trading symbol.</exception>
    public InstrumentCatalog(IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _all = [.. instruments];
        _byId = new Dictionary<InstrumentId, Instrument>(_all.Length);
        _bySymbol = new Dictionary<string, Instrument>(_all.Length, StringComparer.OrdinalIgnoreCase);
        _underlyings = new HashSet<string>(StringComparer.Ordinal);
        _derivativeUnderlyings = new HashSet<string>(StringComparer.Ordinal);
        _entries = new SearchEntry[_all.Length];
        for (var i = 0; i < _all.Length; i++)
        {
            var instrument = _all[i] ?? throw new ArgumentException($"Instrument #{i} is null.", nameof(instruments));
            if (!_byId.TryAdd(instrument.Id, instrument))
            {
                throw new ArgumentException(
                    $"Duplicate instrument id {instrument.Id}: '{_byId[instrument.Id].TradingSymbol}' and '{instrument.TradingSymbol}'.",
                    nameof(instruments));
            }

            if (!_bySymbol.TryAdd(instrument.TradingSymbol, instrument))
            {
                throw new ArgumentException(
                    $"Duplicate trading symbol '{instrument.TradingSymbol}': {_bySymbol[instrument.TradingSymbol].Id} and {instrument.Id}.",
                    nameof(instruments));
            }

            _entries[i] = SearchEntry.For(instrument);
            _underlyings.Add(_entries[i].Underlying);
            if (_entries[i].IsDerivative)
            {
                _derivativeUnderlyings.Add(_entries[i].Underlying);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> All => _all;

    /// <inheritdoc />
    public bool TryGet(InstrumentId id, out Instrument instrument) => _byId.TryGetValue(id, out instrument!);

    /// <inheritdoc />
    public bool TryGetBySymbol(string tradingSymbol, out Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(tradingSymbol);
        return _bySymbol.TryGetValue(tradingSymbol.Trim(), out instrument!);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Ranks: exact trading symbol; exact underlying (index and derivative names are aliases,
    /// so NIFTY BANK and BANKNIFTY are one); trading-symbol prefix; every query word equal to a
    /// word of the symbol, name, underlying, description, strike or CE/PE. Within a rank indices
    /// and equities come first, then derivatives by expiry and strike. When the query names an
    /// underlying exactly, the contracts and indices of other F&amp;O underlyings never match
    /// (NIFTY is not a prefix search for NIFTYNXT50, nor a word search for NIFTY BANK).
    /// An empty query lists indices and equities first.
    /// </remarks>
    public IReadOnlyList<Instrument> Search(string query, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var trimmed = (query ?? string.Empty).Trim();
        var hits = new List<(int Rank, SearchEntry Entry)>();
        if (trimmed.Length == 0)
        {
            foreach (var entry in _entries)
            {
                hits.Add((0, entry));
            }
        }
        else
        {
            var upper = trimmed.ToUpperInvariant();
            var underlying = UnderlyingNames.Canonical(trimmed);
            var namesUnderlying = _underlyings.Contains(underlying);
            var words = upper.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
            foreach (var entry in _entries)
            {
                var rank = Rank(entry, upper, underlying, namesUnderlying, words);
                if (rank != NoMatch)
                {
                    hits.Add((rank, entry));
                }
            }
        }

        hits.Sort(static (a, b) => Compare(a.Rank, a.Entry, b.Rank, b.Entry));
        var count = Math.Min(limit, hits.Count);
        var result = new Instrument[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = hits[i].Entry.Instrument;
        }

        return result;
    }

    private int Rank(SearchEntry entry, string query, string underlying, bool queryNamesUnderlying, string[] words)
    {
        if (entry.Symbol == query)
        {
            return ExactSymbolRank;
        }

        if (entry.Underlying == underlying || entry.Name == query)
        {
            return ExactUnderlyingRank;
        }

        if (queryNamesUnderlying && _derivativeUnderlyings.Contains(entry.Underlying))
        {
            return NoMatch;
        }

        if (entry.Symbol.StartsWith(query, StringComparison.Ordinal))
        {
            return SymbolPrefixRank;
        }

        foreach (var word in words)
        {
            if (!entry.Words.Contains(word))
            {
                return NoMatch;
            }
        }

        return WordsRank;
    }

    private static int Compare(int rankA, SearchEntry a, int rankB, SearchEntry b)
    {
        var byRank = rankA.CompareTo(rankB);
        if (byRank != 0)
        {
            return byRank;
        }

        var byKind = a.IsDerivative.CompareTo(b.IsDerivative);
        if (byKind != 0)
        {
            return byKind;
        }

        var byType = a.Instrument.Type.CompareTo(b.Instrument.Type);
        if (byType != 0)
        {
            return byType;
        }

        var byExpiry = Nullable.Compare(a.Instrument.Expiry, b.Instrument.Expiry);
        if (byExpiry != 0)
        {
            return byExpiry;
        }

        var byStrike = Nullable.Compare(a.Instrument.Strike, b.Instrument.Strike);
        if (byStrike != 0)
        {
            return byStrike;
        }

        var byOption = Nullable.Compare(a.Instrument.OptionType, b.Instrument.OptionType);
        return byOption != 0 ? byOption : string.CompareOrdinal(a.Symbol, b.Symbol);
    }

    private sealed record SearchEntry(Instrument Instrument, string Symbol, string Name, string Underlying, bool IsDerivative, HashSet<string> Words)
    {
        public static SearchEntry For(Instrument instrument)
        {
            var symbol = instrument.TradingSymbol.Trim().ToUpperInvariant();
            var name = instrument.Name.Trim().ToUpperInvariant();

            // An index's own name is its underlying; map it to the name its derivatives use.
            var underlying = UnderlyingNames.Canonical(instrument.Type == InstrumentType.Index ? instrument.Name : instrument.Underlying);
            var words = new HashSet<string>(StringComparer.Ordinal) { symbol, name, underlying };
            foreach (var text in new[] { symbol, name, instrument.Description.ToUpperInvariant() })
            {
                words.UnionWith(text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries));
            }

            if (instrument.Strike is { } strike)
            {
                words.Add(strike.ToString("0.##", CultureInfo.InvariantCulture));
            }

            if (instrument.OptionType is { } optionType)
            {
                words.Add(optionType == OptionType.Call ? "CE" : "PE");
            }

            var isDerivative = instrument.Type is InstrumentType.Future or InstrumentType.Option;
            return new SearchEntry(instrument, symbol, name, underlying, isDerivative, words);
        }
    }
}
