using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>An order inside the fake exchange; every state it passes through is kept for the history call.</summary>
internal sealed class FakeOrder
{
    public required string Id { get; init; }

    public required string? Tag { get; init; }

    public required Instrument Instrument { get; init; }

    /// <summary>B or S.</summary>
    public required string Side { get; init; }

    /// <summary>L, MKT, SL or SL-M.</summary>
    public required string PriceType { get; set; }

    public required string Product { get; init; }

    public required string Validity { get; init; }

    public required bool AfterMarket { get; init; }

    public required int Quantity { get; set; }

    public required decimal Price { get; set; }

    public required decimal TriggerPrice { get; set; }

    public required DateTimeOffset PlacedAt { get; init; }

    public int FilledQuantity { get; set; }

    public decimal AveragePrice { get; set; }

    public string State { get; set; } = "";

    public string? RejectReason { get; set; }

    public string? ExchangeOrderId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Triggered { get; set; }

    /// <summary>Every state, oldest first, as the history call reports them.</summary>
    public List<FakeOrderState> History { get; } = [];

    public bool IsBuy => Side == "B";

    public bool IsFinal => State is "complete" or "rejected" or "cancelled";

    public void MoveTo(string state, DateTimeOffset at, string? reason = null)
    {
        State = state;
        RejectReason = reason ?? RejectReason;
        UpdatedAt = at;
        History.Add(new FakeOrderState(state, Quantity, Price, TriggerPrice, FilledQuantity, AveragePrice, RejectReason, at));
    }
}

/// <summary>One state in an order's history.</summary>
internal sealed record FakeOrderState(string State, int Quantity, decimal Price, decimal TriggerPrice, int FilledQuantity, decimal AveragePrice, string? RejectReason, DateTimeOffset At);

/// <summary>One fill.</summary>
internal sealed record FakeTrade(string Id, FakeOrder Order, int Quantity, decimal Price, DateTimeOffset At);
