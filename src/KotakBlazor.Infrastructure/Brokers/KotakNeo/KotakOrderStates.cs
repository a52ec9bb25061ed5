using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Kotak's order states (<c>ordSt</c>, lower case, an open set) and the one mapping to ours, used by the
/// REST order book, the order feed and the paper broker (which writes Kotak's words so its rows read like
/// the real book). A word never seen before is kept raw on the row and maps to a working state, never to
/// rejected or cancelled: an order wrongly thought final would stop being watched, while one wrongly thought
/// working is corrected by the next look at the book. Only when every unit has traded does an unknown word
/// read as filled, because nothing more can happen to such an order.
/// </summary>
public static class KotakOrderStates
{
    /// <summary>The order reached Kotak.</summary>
    public const string Received = "put order req received";

    /// <summary>Working at the exchange.</summary>
    public const string Open = "open";

    /// <summary>A stop-loss order waiting for its trigger.</summary>
    public const string TriggerPending = "trigger pending";

    /// <summary>An after-market order waiting for the session to open.</summary>
    public const string AfterMarket = "after market order req received";

    /// <summary>Every unit traded.</summary>
    public const string Complete = "complete";

    /// <summary>Refused by Kotak or the exchange (the row's <c>rejRsn</c> says why).</summary>
    public const string Rejected = "rejected";

    /// <summary>Cancelled (by a person, or IOC quantity not traded at once).</summary>
    public const string Cancelled = "cancelled";

    private static readonly Dictionary<string, OrderStatus> Final = new(StringComparer.OrdinalIgnoreCase)
    {
        [Complete] = OrderStatus.Filled,
        ["completed"] = OrderStatus.Filled,
        ["traded"] = OrderStatus.Filled,
        ["filled"] = OrderStatus.Filled,
        [Rejected] = OrderStatus.Rejected,
        [Cancelled] = OrderStatus.Cancelled,
        ["canceled"] = OrderStatus.Cancelled,
    };

    /// <summary>The words Kotak is known to use (from its docs, SDKs and the wire), final ones included.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        Received, "validation pending", "open pending", Open, TriggerPending, "modified", "modify pending", "modify validation pending",
        "cancel pending", "not modified", "not cancelled", AfterMarket, Complete, "traded", Rejected, Cancelled,
    ];

    private static readonly HashSet<string> KnownSet = new(Known.Concat(Final.Keys), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether Kotak is known to use <paramref name="word"/> (case and surrounding spaces ignored).</summary>
    public static bool IsKnown(string? word) => word is not null && KnownSet.Contains(word.Trim());

    /// <summary>Our status for a row, from its state word and how much of it has traded.</summary>
    /// <param name="word">Kotak's <c>ordSt</c>; null or empty reads as working.</param>
    /// <param name="quantity">The order's quantity in units (0 when unknown).</param>
    /// <param name="filledQuantity">Units traded so far.</param>
    public static OrderStatus ToStatus(string? word, int quantity, int filledQuantity)
    {
        var trimmed = word?.Trim() ?? string.Empty;
        if (Final.TryGetValue(trimmed, out var final))
        {
            return final;
        }

        // Everything else is the broker holding the order: received, validating, at the exchange, waiting for a
        // trigger or for the open, being modified or cancelled, or a word we do not know yet.
        if (!KnownSet.Contains(trimmed) && quantity > 0 && filledQuantity >= quantity)
        {
            return OrderStatus.Filled;
        }

        return filledQuantity > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Open;
    }
}
