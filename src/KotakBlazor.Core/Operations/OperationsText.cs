using System.Globalization;

namespace KotakBlazor.Core.Operations;

/// <summary>Wording shared by the steps' details.</summary>
internal static class OperationsText
{
    /// <summary>How many items a detail names before it says "and N more".</summary>
    public const int MaxListed = 5;

    /// <summary>" A; B; C and 2 more." for a detail's tail, or empty.</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return string.Empty;
        }

        var shown = string.Join("; ", all.Take(MaxListed));
        return all.Count > MaxListed ? $" {shown}; and {all.Count - MaxListed} more." : $" {shown}.";
    }

    /// <summary>Rupees with two decimals and Indian digit grouping, e.g. ₹1,23,456.50 or -₹12.00.</summary>
    public static string Rupees(decimal amount)
    {
        var culture = CultureInfo.GetCultureInfo("en-IN");
        var text = Math.Abs(amount).ToString("#,##0.00", culture);
        return (amount < 0 ? "-₹" : "₹") + text;
    }
}
