using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>
/// Kotak's feed side on loopback, real Kestrel with real websockets: the SFeed market feed at
/// <c>/feed</c>, the HSI order feed at <c>/realtime</c>, and the scrip-master files. Each test
/// starts its own on a free port.
/// </summary>
internal sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeFeedServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The SFeed URL as login's <c>feedUrl</c> would give it (http, which the client turns into ws).</summary>
    public Uri FeedUrl => new(BaseUrl, "/feed");

    public FakeSFeed SFeed { get; } = new();

    public FakeOrderFeed OrderFeed { get; } = new();

    public FakeScripMasterFiles ScripMaster { get; } = new();

    public static async Task<FakeFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        FakeFeedServer? server = null;
        app.Map("/feed", context => AcceptAsync(context, (socket, token) => server!.SFeed.HandleAsync(socket, token)));
        app.Map("/realtime", context => AcceptAsync(context, (socket, token) => server!.OrderFeed.HandleAsync(socket, token)));
        app.MapGet(FakeScripMasterFiles.FilePathsPath, context => server!.ScripMaster.HandleFilePathsAsync(context));
        app.MapGet("/scrip-files/{**path}", (HttpContext context, string path) => server!.ScripMaster.HandleFileAsync(context, path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FakeFeedServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // An already-cancelled token: stop at once, cutting any client still connected.
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }

    private static async Task AcceptAsync(HttpContext context, Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> handle)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await handle(socket, context.RequestAborted);
    }
}
