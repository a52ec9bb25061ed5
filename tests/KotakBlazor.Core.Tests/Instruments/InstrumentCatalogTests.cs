using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Tests.Instruments;

public sealed class InstrumentCatalogTests
{
    private static readonly DateOnly Expiry = new(2025, 11, 25);

    private static readonly Instrument Nifty50 = Index(26000, "Nifty 50", "NIFTY 50");
    private static readonly Instrument NiftyBank = Index(26009, "Nifty Bank", "NIFTY BANK");
    private static readonly Instrument NiftyFin = Index(26037, "Nifty Fin Service", "NIFTY FIN SERVICE");
    private static readonly Instrument Reliance = new(new(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance Industries Ltd", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    private static readonly Instrument NiftyBees = new(new(ExchangeSegment.NseCm, 10576), "NIFTYBEES-EQ", "NIFTYBEES", "Nippon India ETF Nifty 50 BeES", InstrumentType.Equity, "NIFTYBEES", 1, 0.01m, 0);
    private static readonly Instrument NiftyFut = new(new(ExchangeSegment.NseFo, 52175), "NIFTY25NOVFUT", "NIFTY", "NIFTY 25 Nov Fut", InstrumentType.Future, "NIFTY", 75, 0.1m, 1800, Expiry);
    private static readonly Instrument Nifty26000Ce = Option(40001, "NIFTY", 26000, OptionType.Call);
    private static readonly Instrument Nifty26000Pe = Option(40002, "NIFTY", 26000, OptionType.Put);
    private static readonly Instrument Nifty25900Ce = Option(40003, "NIFTY", 25900, OptionType.Call);
    private static readonly Instrument FinNifty26000Ce = Option(40004, "FINNIFTY", 26000, OptionType.Call);
    private static readonly Instrument NiftyNext26000Ce = Option(40005, "NIFTYNXT50", 26000, OptionType.Call);
    private static readonly Instrument BankNifty58000Ce = Option(40006, "BANKNIFTY", 58000, OptionType.Call);
    private static readonly Instrument RelianceFut = new(new(ExchangeSegment.NseFo, 52200), "RELIANCE25NOVFUT", "RELIANCE", "RELIANCE 25 Nov Fut", InstrumentType.Future, "RELIANCE", 500, 0.1m, 0, Expiry);

    private static readonly Instrument[] Universe =
    [
        // Derivatives first, so ordering by kind is visible.
        FinNifty26000Ce, NiftyNext26000Ce, BankNifty58000Ce, Nifty26000Pe, Nifty26000Ce, Nifty25900Ce, NiftyFut, RelianceFut,
        Reliance, NiftyBees, NiftyFin, NiftyBank, Nifty50,
    ];

    private readonly InstrumentCatalog _catalog = new(Universe);

    [Fact]
    public void Looks_instruments_up_by_id_and_by_symbol_ignoring_case()
    {
        Assert.True(_catalog.TryGet(Reliance.Id, out var byId));
        Assert.Same(Reliance, byId);
        Assert.True(_catalog.TryGetBySymbol("reliance-eq", out var bySymbol));
        Assert.Same(Reliance, bySymbol);
        Assert.False(_catalog.TryGetBySymbol("TCS-EQ", out _));
        Assert.Equal(Universe.Length, _catalog.All.Count);
    }

    [Fact]
    public void Duplicate_ids_are_rejected_with_both_symbols_named()
    {
        var clash = Reliance with { TradingSymbol = "RELIANCE-BE" };

        var error = Assert.Throws<ArgumentException>(() => new InstrumentCatalog([Reliance, clash]));

        Assert.Contains("nse_cm|2885", error.Message, StringComparison.Ordinal);
        Assert.Contains("RELIANCE-BE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_symbols_are_rejected()
    {
        var clash = Reliance with { Id = new InstrumentId(ExchangeSegment.NseCm, 9999) };

        var error = Assert.Throws<ArgumentException>(() => new InstrumentCatalog([Reliance, clash]));

        Assert.Contains("RELIANCE-EQ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nifty_finds_the_index_and_its_derivatives_but_never_FINNIFTY_or_NIFTYNXT50()
    {
        var result = _catalog.Search("nifty", 50);

        Assert.Equal(Nifty50, result[0]);
        Assert.Contains(NiftyFut, result);
        Assert.Contains(Nifty26000Ce, result);
        Assert.DoesNotContain(FinNifty26000Ce, result);
        Assert.DoesNotContain(NiftyNext26000Ce, result);
        Assert.DoesNotContain(BankNifty58000Ce, result);
        Assert.DoesNotContain(NiftyFin, result);
    }

    [Fact]
    public void Exact_underlying_ranks_before_symbol_prefix()
    {
        var result = _catalog.Search("NIFTY", 50);

        // NIFTYBEES only starts with NIFTY: it comes after every NIFTY contract.
        Assert.Equal(NiftyBees, result[^1]);
        Assert.Equal([Nifty50, NiftyFut, Nifty25900Ce, Nifty26000Ce, Nifty26000Pe, NiftyBees], result);
    }

    [Theory]
    [InlineData("NIFTY BANK")]
    [InlineData("banknifty")]
    [InlineData("Nifty Bank")]
    public void Bank_index_is_found_by_either_name(string query)
    {
        var result = _catalog.Search(query, 10);

        Assert.Equal(NiftyBank, result[0]);
        Assert.Contains(BankNifty58000Ce, result);
        Assert.DoesNotContain(Nifty50, result);
    }

    [Fact]
    public void Exact_trading_symbol_ranks_first()
    {
        var result = _catalog.Search("nifty25nov26000ce", 10);

        Assert.Equal(Nifty26000Ce, result[0]);
    }

    [Fact]
    public void Symbol_prefix_finds_contracts_of_an_expiry()
    {
        var result = _catalog.Search("NIFTY25NOV26", 10);

        Assert.Equal([Nifty26000Ce, Nifty26000Pe], result);
    }

    [Fact]
    public void Every_word_of_a_multi_word_query_must_match()
    {
        Assert.Equal([Nifty26000Ce], _catalog.Search("NIFTY 26000 CE", 10));
        Assert.Equal([Nifty26000Pe], _catalog.Search("nifty 26000 pe", 10));
        Assert.Equal([FinNifty26000Ce], _catalog.Search("FINNIFTY 26000 CE", 10));
        Assert.Empty(_catalog.Search("NIFTY 27000 CE", 10));
    }

    [Fact]
    public void Words_match_the_description()
    {
        Assert.Equal([Reliance], _catalog.Search("reliance industries", 10));
    }

    [Fact]
    public void Indices_and_equities_come_before_derivatives_within_a_rank()
    {
        var result = _catalog.Search("RELIANCE", 10);

        Assert.Equal([Reliance, RelianceFut], result);
    }

    [Fact]
    public void Limit_is_honoured()
    {
        Assert.Equal(2, _catalog.Search("NIFTY", 2).Count);
        Assert.Empty(_catalog.Search("NIFTY", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _catalog.Search("NIFTY", -1));
    }

    [Fact]
    public void Empty_query_lists_indices_then_equities_then_derivatives()
    {
        var result = _catalog.Search("  ", 100);

        Assert.Equal(Universe.Length, result.Count);
        Assert.All(result.Take(3), i => Assert.Equal(InstrumentType.Index, i.Type));
        Assert.All(result.Skip(3).Take(2), i => Assert.Equal(InstrumentType.Equity, i.Type));
        Assert.All(result.Skip(5), i => Assert.False(i.Type is InstrumentType.Index or InstrumentType.Equity));
        Assert.Equal(3, _catalog.Search(string.Empty, 3).Count);
    }

    private static Instrument Index(int token, string symbol, string name) =>
        new(new(ExchangeSegment.NseCm, token), symbol, name, name, InstrumentType.Index, name, 1, 0.05m, 0);

    private static Instrument Option(int token, string underlying, decimal strike, OptionType type)
    {
        var ceOrPe = type == OptionType.Call ? "CE" : "PE";
        return new Instrument(
            new(ExchangeSegment.NseFo, token),
            $"{underlying}25NOV{strike}{ceOrPe}",
            underlying,
            $"{underlying} 25 Nov {strike} {ceOrPe}",
            InstrumentType.Option,
            underlying,
            75,
            0.05m,
            1800,
            Expiry,
            strike,
            type);
    }
}
