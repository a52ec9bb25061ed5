namespace KotakBlazor.Infrastructure.Orders;

/// <summary>How the order store writes (configuration section <c>OrderStore</c>; ADR 0016).</summary>
public sealed class OrderStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OrderStore";

    /// <summary>
    /// When true (the default, and what <c>Broker:Mode</c> KotakNeo uses) an intent is fsynced before the
    /// broker hears of the order, so it survives a power cut as well as a killed process. The paper broker
    /// lives in the process, so a power cut loses its orders with ours and the fsync protects nothing:
    /// the Paper and KotakPaper modes turn it off. Every write survives a killed process either way.
    /// </summary>
    public bool FsyncIntents { get; set; } = true;
}
