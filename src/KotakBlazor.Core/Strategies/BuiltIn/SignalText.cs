using System.Globalization;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>Reasons and metadata in invariant culture, so a signal reads the same on every server and in every replay.</summary>
internal static class SignalText
{
    /// <summary>Formats an interpolated reason in invariant culture.</summary>
    public static string Of(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>A value rounded to 2 places, as reasons and metadata show prices and indicator readings.</summary>
    public static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A model value (IV, delta) rounded to <paramref name="places"/> places.</summary>
    public static string Number(double value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero).ToString("0." + new string('0', places), CultureInfo.InvariantCulture);
}
