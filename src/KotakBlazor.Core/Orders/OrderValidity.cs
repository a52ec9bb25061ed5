namespace KotakBlazor.Core.Orders;

/// <summary>How long an order lives (Kotak's <c>rt</c>).</summary>
public enum OrderValidity
{
    /// <summary>Until the end of the day.</summary>
    Day,
    /// <summary>Immediate or cancel.</summary>
    Ioc,
}
