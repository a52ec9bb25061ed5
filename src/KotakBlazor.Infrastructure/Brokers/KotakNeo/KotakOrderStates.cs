using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Kotak's order states (<c>ordSt</c>, lower case, an open set) mapped to ours. A word never seen before
/// maps to a working state, never to a final one: an order wrongly thought final would stop being
/// watched, while one wrongly thought working is corrected by the next look at the book.
/// </summary>
public static class KotakOrderStates
{
    /// <summary>The words Kotak is known to use.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "put order req received", "validation pending", "open pending", "open", "trigger pending", "modified", "modify pending",
        "modify validation pending", "cancel pending", "complete", "traded", "rejected", "cancelled", "after market order req received",
    ];

    /// <summary>Whether Kotak is known to use <paramref name="word"/>.</summary>
    public static bool IsKnown(string? word) => word is not null && Known.Contains(word.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Our status for a row, from its state word and how much of it has traded.</summary>
    public static OrderStatus ToStatus(string? word, int filledQuantity)
    {
        switch (word?.Trim().ToLowerInvariant())
        {
            case "complete" or "traded" or "filled":
                return OrderStatus.Filled;
            case "rejected":
                return OrderStatus.Rejected;
            case "cancelled" or "canceled":
                return OrderStatus.Cancelled;
            default:
                // Everything else is the broker holding the order: received, validating, at the exchange,
                // waiting for a trigger or for the open, being modified or cancelled, or a word we do not know yet.
                // Even with every unit traded it stays working until the broker says "complete".
                return filledQuantity > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Open;
        }
    }
}
