namespace KotakBlazor.Web.Hosting;

/// <summary>Configuration section <c>Broker</c>.</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    public BrokerMode Mode { get; set; } = BrokerMode.Paper;
}
