using System.Globalization;

namespace KotakBlazor.Core.Risk;

/// <summary>Numbers in risk messages, written the same way everywhere (invariant culture).</summary>
internal static class RiskText
{
    public static string Money(decimal rupees) => "\u20b9" + rupees.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Price(decimal price) => price.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
