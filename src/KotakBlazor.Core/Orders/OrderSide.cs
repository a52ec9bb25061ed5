namespace KotakBlazor.Core.Orders;

/// <summary>Buy or sell (Kotak's <c>tt</c>: B / S).</summary>
public enum OrderSide
{
    /// <summary>Buy.</summary>
    Buy,
    /// <summary>Sell.</summary>
    Sell,
}
