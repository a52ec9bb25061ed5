using System.Globalization;

namespace KotakBlazor.Core.Instruments;

/// <summary>
/// Identifies an instrument the way Kotak does: a segment and the scrip-master token
/// (<c>pSymbol</c>). Tokens are unique only within a segment, so both are needed.
/// Written as <c>nse_cm|26000</c>, the form Kotak's feed subscriptions use.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(InstrumentIdJsonConverter))]
public readonly record struct InstrumentId(ExchangeSegment Segment, int Token)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Segment.ToWireName()}|{Token}");

    /// <summary>Parses <c>segment|token</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out InstrumentId id)
    {
        id = default;
        var bar = text.IndexOf('|');
        if (bar <= 0 || !ExchangeSegments.TryParse(text[..bar], out var segment))
        {
            return false;
        }

        if (!int.TryParse(text[(bar + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var token) || token <= 0)
        {
            return false;
        }

        id = new InstrumentId(segment, token);
        return true;
    }
}
