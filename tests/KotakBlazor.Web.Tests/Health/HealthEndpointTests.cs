using System.Net;
using System.Text.Json.Nodes;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_reports_database_feeds_and_broker_as_json()
    {
        await using var app = await LoopbackApp.StartAsync();
        using var client = app.CreateClient();
        await MarketWait.UntilTicksFlowAsync(app);

        var response = await client.GetAsync("/healthz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);
        Assert.Equal("Paper", (string?)body["checks"]!["broker"]!["data"]!["mode"]);
        Assert.NotNull(body["checks"]!["feeds"]!["data"]!["simulated"]);
    }

    [Fact]
    public async Task Healthz_is_503_when_a_broker_mode_is_not_available()
    {
        await using var app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Broker:Mode"] = "KotakNeo" });
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["broker"]!["status"]);
    }
}
