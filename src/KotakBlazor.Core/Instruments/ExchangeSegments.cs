using System.Diagnostics.CodeAnalysis;

namespace KotakBlazor.Core.Instruments;

/// <summary>Kotak's wire names for <see cref="ExchangeSegment"/>. The numeric values are the SFeed exchange ids.</summary>
public static class ExchangeSegments
{
    /// <summary>The wire name, e.g. <c>nse_fo</c>.</summary>
    public static string ToWireName(this ExchangeSegment segment) => segment switch
    {
        ExchangeSegment.NseCm => "nse_cm",
        ExchangeSegment.NseFo => "nse_fo",
        ExchangeSegment.CdeFo => "cde_fo",
        ExchangeSegment.BseCm => "bse_cm",
        ExchangeSegment.BseFo => "bse_fo",
        ExchangeSegment.McxFo => "mcx_fo",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown exchange segment."),
    };

    /// <summary>Parses a wire name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ExchangeSegment segment)
    {
        var trimmed = text.Trim();
        foreach (var candidate in All)
        {
            if (trimmed.Equals(candidate.ToWireName(), StringComparison.OrdinalIgnoreCase))
            {
                segment = candidate;
                return true;
            }
        }

        segment = default;
        return false;
    }

    /// <summary>Every segment we know.</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Read-only use.")]
    public static IReadOnlyList<ExchangeSegment> All { get; } =
        [ExchangeSegment.NseCm, ExchangeSegment.NseFo, ExchangeSegment.CdeFo, ExchangeSegment.BseCm, ExchangeSegment.BseFo, ExchangeSegment.McxFo];
}
