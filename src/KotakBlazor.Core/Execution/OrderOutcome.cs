using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Execution;

/// <summary>What became of a request: the orders it made (and where they stand), or why none was made.</summary>
/// <param name="Accepted">True when the risk checks let it through and its orders were stored.</param>
/// <param name="Orders">The orders, one per slice, as they stood when the call returned.</param>
/// <param name="Problems">Why it was refused, or what went wrong while sending.</param>
/// <param name="AlreadyPlaced">True when the idempotency key had been used: nothing new was placed and <paramref name="Orders"/> are the earlier ones.</param>
public sealed record OrderOutcome(bool Accepted, IReadOnlyList<Order> Orders, IReadOnlyList<string> Problems, bool AlreadyPlaced = false)
{
    /// <summary>A refusal before anything was stored.</summary>
    public static OrderOutcome Refused(IReadOnlyList<string> problems) => new(false, [], problems);

    /// <summary>One line for the trader: the broker's order numbers, or the reasons.</summary>
    public string Message
    {
        get
        {
            if (!Accepted)
            {
                return "Refused: " + string.Join("; ", Problems);
            }

            var orders = string.Join(", ", Orders.Select(o => $"{o.BrokerOrderId ?? o.Tag} {o.Status}" + (o.Reason is null ? string.Empty : $" ({o.Reason})")));
            return (AlreadyPlaced ? "Already placed: " : "Sent: ") + orders;
        }
    }
}
