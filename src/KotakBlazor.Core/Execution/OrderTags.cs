namespace KotakBlazor.Core.Execution;

/// <summary>
/// Unique client tags for orders (Kotak's <c>ig</c>, echoed back as <c>GuiOrdId</c>). The tag
/// is the order's identity at the broker before the broker has given it a number, which is
/// what lets an intent be found again after a crash; Kotak also refuses a tag it has seen, so
/// a resend with the same tag can never place a second order.
/// </summary>
public static class OrderTags
{
    /// <summary>A new tag: <c>KB</c> and 18 hex digits of a random GUID (20 characters, letters and digits only).</summary>
    public static string New() => "KB" + Guid.NewGuid().ToString("N")[..18].ToUpperInvariant();
}
