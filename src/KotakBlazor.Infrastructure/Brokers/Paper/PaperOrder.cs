using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>One order in the paper broker's book: mutable, touched only under the broker's lock.</summary>
internal sealed class PaperOrder(string id, string? tag, Instrument instrument, OrderSide side, ProductType product, OrderValidity validity, bool afterMarket)
{
    public string Id { get; } = id;

    public string? Tag { get; } = tag;

    public Instrument Instrument { get; } = instrument;

    public OrderSide Side { get; } = side;

    public ProductType Product { get; } = product;

    public OrderValidity Validity { get; } = validity;

    public bool AfterMarket { get; } = afterMarket;

    public OrderType Type { get; set; }

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    public decimal TriggerPrice { get; set; }

    public int FilledQuantity { get; private set; }

    public decimal FilledValue { get; private set; }

    /// <summary>Pending until the checks pass, so an order under check blocks no margin of its own.</summary>
    public OrderStatus Status { get; set; } = OrderStatus.PendingSubmit;

    public string BrokerStatus { get; set; } = KotakOrderStates.Open;

    public string? RejectReason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When an after-market order starts matching (the next session's open).</summary>
    public DateTimeOffset ActiveFrom { get; set; }

    /// <summary>False for an after-market order until the session it waits for opens.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>A stop order whose trigger has been touched; it now works as a limit or market order.</summary>
    public bool IsTriggered { get; set; }

    /// <summary>A match decided on a tick but not yet reported (only with latency).</summary>
    public PaperPendingMatch? Pending { get; set; }

    public int RemainingQuantity => Quantity - FilledQuantity;

    public bool IsStop => Type is OrderType.StopLoss or OrderType.StopLossMarket;

    public bool IsWorking => OrderLifecycle.IsWorking(Status);

    /// <summary>The word Kotak shows for a working order in its current stage.</summary>
    public string WorkingWord => !IsActive ? KotakOrderStates.AfterMarket : IsStop && !IsTriggered ? KotakOrderStates.TriggerPending : KotakOrderStates.Open;

    public void Fill(int quantity, decimal price)
    {
        FilledQuantity += quantity;
        FilledValue += quantity * price;
        if (FilledQuantity == Quantity)
        {
            Status = OrderStatus.Filled;
            BrokerStatus = KotakOrderStates.Complete;
        }
        else
        {
            Status = OrderStatus.PartiallyFilled;
            BrokerStatus = KotakOrderStates.Open;
        }
    }

    public void Close(OrderStatus status, string word, string? reason)
    {
        Status = status;
        BrokerStatus = word;
        RejectReason = reason;
    }

    public BrokerOrder ToRow() => new(
        Id,
        Tag,
        Instrument.Id,
        Instrument.TradingSymbol,
        Side,
        Type,
        Product,
        Quantity,
        FilledQuantity,
        Price,
        TriggerPrice,
        FilledQuantity == 0 ? 0m : Math.Round(FilledValue / FilledQuantity, 2),
        Status,
        BrokerStatus,
        RejectReason,
        UpdatedAt,
        AfterMarket);
}
