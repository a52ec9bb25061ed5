namespace KotakBlazor.Web.Hubs;

/// <summary>The SignalR hub for outside clients and the service that feeds it from the tick bus.</summary>
public static class HubSetup
{
    public const string MarketHubPath = "/hubs/market";

    public static void AddKotakHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.EnableDetailedErrors = false;
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSingleton<HubSubscriptions>();
        builder.Services.AddHostedService<HubTickBroadcaster>();
        builder.Services.AddHostedService<HubSignalBroadcaster>();
        builder.Services.AddHostedService<HubTradingBroadcaster>();
    }

    public static void MapKotakHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<MarketHub>(MarketHubPath);
}
