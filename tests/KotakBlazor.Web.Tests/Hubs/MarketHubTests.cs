using System.Net;
using System.Net.WebSockets;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Hubs;

public sealed class MarketHubTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;
    private string _apiKey = null!;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        (_, _apiKey) = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("test-bot", UserRoles.Viewer, "admin", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_client_with_an_api_key_subscribes_to_nifty_50_and_receives_its_ticks_only()
    {
        await using var client = await HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: _apiKey, cancellationToken: _timeout.Token);

        var completion = await client.InvokeAsync("Subscribe", [new[] { "NIFTY 50" }], _timeout.Token);

        Assert.Null(completion["error"]);
        Assert.Equal("nse_cm|26000", (string?)completion["result"]!["subscribed"]![0]!["instrument"]);
        for (var i = 0; i < 3; i++)
        {
            var tick = await client.ReceiveAsync(m => (string?)m["target"] == "Tick", _timeout.Token);
            var body = tick["arguments"]![0]!;
            Assert.Equal("nse_cm|26000", (string?)body["instrument"]);
            Assert.Equal("Nifty 50", (string?)body["symbol"]);
            Assert.True((decimal)body["lastPrice"]! > 0);
        }
    }

    [Fact]
    public async Task A_signed_in_user_can_use_the_hub_with_the_session_cookie()
    {
        var (http, cookies) = await _app.SignedInClientAsync();
        await using var client = await HubWireClient.ConnectAsync(_app.BaseAddress, cookies: cookies, cancellationToken: _timeout.Token);

        var completion = await client.InvokeAsync("Subscribe", [new[] { "nse_cm|26009" }], _timeout.Token);
        var tick = await client.ReceiveAsync(m => (string?)m["target"] == "Tick", _timeout.Token);

        Assert.Null(completion["error"]);
        Assert.Equal("nse_cm|26009", (string?)tick["arguments"]![0]!["instrument"]);
        http.Dispose();
    }

    [Fact]
    public async Task Unsubscribing_stops_the_ticks()
    {
        await using var client = await HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: _apiKey, cancellationToken: _timeout.Token);
        await client.InvokeAsync("Subscribe", [new[] { "Nifty 50", "RELIANCE-EQ" }], _timeout.Token);

        var after = await client.InvokeAsync("Unsubscribe", [new[] { "Nifty 50" }], _timeout.Token);

        var remaining = after["result"]!["subscribed"]!.AsArray();
        Assert.Equal("RELIANCE-EQ", (string?)Assert.Single(remaining)!["symbol"]);
        // Ticks already in flight may still arrive; a second round trip flushes them, then
        // only RELIANCE ticks come.
        await client.InvokeAsync("Unsubscribe", [new[] { "Nifty 50" }], _timeout.Token);
        client.DiscardPending();
        for (var i = 0; i < 5; i++)
        {
            var tick = await client.ReceiveAsync(m => (string?)m["target"] == "Tick", _timeout.Token);
            Assert.Equal("nse_cm|2885", (string?)tick["arguments"]![0]!["instrument"]);
        }
    }

    [Fact]
    public async Task An_unknown_symbol_is_refused_with_a_clear_message_and_changes_nothing()
    {
        await using var client = await HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: _apiKey, cancellationToken: _timeout.Token);
        await client.InvokeAsync("Subscribe", [new[] { "Nifty 50" }], _timeout.Token);

        var refused = await client.InvokeAsync("Subscribe", [new[] { "RELIANCE-EQ", "NOSUCHSTOCK-EQ" }], _timeout.Token);
        var state = await client.InvokeAsync("Unsubscribe", [new[] { "Nifty Bank" }], _timeout.Token);

        Assert.Contains("Unknown instrument(s): NOSUCHSTOCK-EQ", (string?)refused["error"], StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", (string?)refused["error"], StringComparison.Ordinal);
        Assert.Equal("Nifty 50", (string?)Assert.Single(state["result"]!["subscribed"]!.AsArray())!["symbol"]);
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => HubWireClient.ConnectAsync(_app.BaseAddress, cancellationToken: _timeout.Token));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_or_made_up_api_key_is_refused()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var (record, revoked) = await keys.CreateAsync("old-bot", UserRoles.Viewer, "admin", CancellationToken.None);
        await keys.RevokeAsync(record.Id, "admin", CancellationToken.None);

        await Assert.ThrowsAsync<WebSocketException>(() => HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: revoked, cancellationToken: _timeout.Token));
        await Assert.ThrowsAsync<WebSocketException>(() => HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: "kb_made-up", cancellationToken: _timeout.Token));
    }

    [Fact]
    public async Task A_malformed_message_closes_only_that_connection_with_an_error()
    {
        await using var broken = await HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: _apiKey, cancellationToken: _timeout.Token);
        await using var healthy = await HubWireClient.ConnectAsync(_app.BaseAddress, apiKey: _apiKey, cancellationToken: _timeout.Token);
        await healthy.InvokeAsync("Subscribe", [new[] { "Nifty 50" }], _timeout.Token);

        await broken.SendRawAsync("{\"type\":1,\"target\":\"Subscribe\",\"arguments\":[[\"Nifty 50\"\u001e", _timeout.Token);
        var close = await broken.ReceiveAsync(m => (int?)m["type"] == 7, _timeout.Token);

        Assert.NotNull(close["error"]);
        var tick = await healthy.ReceiveAsync(m => (string?)m["target"] == "Tick", _timeout.Token);
        Assert.Equal("nse_cm|26000", (string?)tick["arguments"]![0]!["instrument"]);
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }
}
