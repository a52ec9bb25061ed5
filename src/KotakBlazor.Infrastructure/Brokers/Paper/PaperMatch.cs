namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>What a tick did to an order, decided when the tick arrived; applied at once, or after the latency.</summary>
/// <param name="Activates">An after-market order's session has opened.</param>
/// <param name="Triggers">A stop order's trigger was touched.</param>
/// <param name="FillQuantity">Units that trade (0: none).</param>
/// <param name="FillPrice">Their price.</param>
/// <param name="CancelsRest">An IOC order's unfilled rest is cancelled.</param>
internal readonly record struct PaperMatch(bool Activates, bool Triggers, int FillQuantity, decimal FillPrice, bool CancelsRest)
{
    public bool IsNothing => !Activates && !Triggers && FillQuantity == 0 && !CancelsRest;
}
