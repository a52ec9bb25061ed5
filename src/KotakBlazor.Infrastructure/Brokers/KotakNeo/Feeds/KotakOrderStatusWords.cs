using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// Kotak's order states (<c>ordSt</c>, lower case, an open set) mapped to ours. A word never
/// seen before must not crash anything nor be taken for a final state: it reads as still
/// working (open or partly filled), unless every unit has traded.
/// </summary>
internal static class KotakOrderStatusWords
{
    private static readonly Dictionary<string, OrderStatus> Final = new(StringComparer.OrdinalIgnoreCase)
    {
        ["complete"] = OrderStatus.Filled,
        ["completed"] = OrderStatus.Filled,
        ["traded"] = OrderStatus.Filled,
        ["filled"] = OrderStatus.Filled,
        ["rejected"] = OrderStatus.Rejected,
        ["cancelled"] = OrderStatus.Cancelled,
        ["canceled"] = OrderStatus.Cancelled,
    };

    private static readonly HashSet<string> Working = new(StringComparer.OrdinalIgnoreCase)
    {
        "put order req received", "validation pending", "open pending", "open", "trigger pending", "modified",
        "modify pending", "modify validation pending", "cancel pending", "not modified", "not cancelled",
        "after market order req received",
    };

    /// <summary>Our status for the word; <paramref name="known"/> is false for a word not in Kotak's documented set.</summary>
    public static OrderStatus Map(string word, int quantity, int filledQuantity, out bool known)
    {
        var trimmed = word.Trim();
        if (Final.TryGetValue(trimmed, out var final))
        {
            known = true;
            return final;
        }

        known = Working.Contains(trimmed);
        if (!known && quantity > 0 && filledQuantity >= quantity)
        {
            return OrderStatus.Filled;
        }

        return filledQuantity > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Open;
    }
}
