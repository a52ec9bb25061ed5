namespace KotakBlazor.Core.Risk;

/// <summary>One reason an order may not go out, in words a trader acts on (with the numbers).</summary>
/// <param name="Rule">The rule that refused it.</param>
/// <param name="Message">What is wrong, e.g. "Quantity 70 is not a multiple of the lot size 65 for NIFTY26D0926000CE".</param>
public sealed record RiskRefusal(RiskRule Rule, string Message);
