using KotakBlazor.Core.Instruments;

namespace KotakBlazor.TestSupport;

/// <summary>Option contracts for tests and benchmarks, shaped as the scrip master lists them (linked into each test project).</summary>
internal static class SampleOptions
{
    /// <summary>A NIFTY option of the 08 Dec 2026 expiry: lot 65, tick 0.05, freeze 1,800.</summary>
    public static Instrument Nifty08Dec(int token, decimal strike, OptionType type)
    {
        var kind = type == OptionType.Call ? "CE" : "PE";
        return new Instrument(
            new InstrumentId(ExchangeSegment.NseFo, token),
            $"NIFTY26D08{strike:0}{kind}",
            "NIFTY",
            $"NIFTY 08 Dec {strike:0} {kind}",
            InstrumentType.Option,
            "NIFTY",
            65,
            0.05m,
            1800,
            new DateOnly(2026, 12, 8),
            strike,
            type);
    }
}
