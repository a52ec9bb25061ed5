using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>
/// A fake Kotak Neo on loopback (real HTTP through Kestrel on 127.0.0.1 and a free port): the documented
/// login endpoints, orders, reports, portfolio and quotes with the documented payload shapes, a tiny
/// exchange behind them, and faults on demand. Routes live in partial files by area; the feed routes
/// (websockets) hook in through <see cref="MapFeedRoutes"/> and <see cref="ConfigureFeedServices"/>.
/// </summary>
internal sealed partial class FakeKotakServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _requests = [];
    private WebApplication? _app;

    private FakeKotakServer(TimeProvider time, FakeKotakAccount account)
    {
        Time = time;
        Account = account;
        Exchange = new FakeExchange(time);
    }

    /// <summary>Where the fake listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public TimeProvider Time { get; }

    /// <summary>The account; replace it to make the next login fail (a changed MPIN, say).</summary>
    public FakeKotakAccount Account { get; set; }

    public FakeExchange Exchange { get; }

    public FakeKotakFaults Faults { get; } = new();

    /// <summary>Answer an invalid session with HTTP 403 instead of HTTP 200 + stCode 100022 (Kotak is documented doing both).</summary>
    public bool SessionErrorsAsHttp403 { get; set; }

    /// <summary>Answer a refused login with HTTP 200 and an error body instead of HTTP 401.</summary>
    public bool LoginErrorsAsHttp200 { get; set; }

    /// <summary>Echo the order's tag in trade rows (<c>GuiOrdId</c>); Kotak's documented sample leaves it empty.</summary>
    public bool TradeRowsCarryTag { get; set; } = true;

    public static async Task<FakeKotakServer> StartAsync(TimeProvider? time = null, FakeKotakAccount? account = null)
    {
        var server = new FakeKotakServer(time ?? TimeProvider.System, account ?? FakeKotakAccount.Default);
        await server.StartAsync();
        return server;
    }

    /// <summary>Every request so far, oldest first.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many requests had a path containing <paramref name="pathContains"/>.</summary>
    public int Count(string pathContains) => Requests.Count(r => r.Path.Contains(pathContains, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Faults.Release();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>The websocket helper registers its services here.</summary>
    partial void ConfigureFeedServices(WebApplicationBuilder builder);

    /// <summary>The websocket helper maps its routes (and middleware such as UseWebSockets) here.</summary>
    partial void MapFeedRoutes(WebApplication app);

    private async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        ConfigureFeedServices(builder);
        var app = builder.Build();
        app.Use(RecordAndMisbehaveAsync);
        MapLoginRoutes(app);
        MapOrderRoutes(app);
        MapReportRoutes(app);
        MapPortfolioRoutes(app);
        MapFeedRoutes(app);
        await app.StartAsync();
        _app = app;
        BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    private async Task RecordAndMisbehaveAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var jData = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted))["jData"].FirstOrDefault() : null;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        lock (_gate)
        {
            _requests.Add(new FakeRequest(context.Request.Method, context.Request.Path.Value ?? "", raw, headers, context.Request.ContentType, body, jData));
        }

        switch (Faults.Take(context.Request.Path.Value ?? ""))
        {
            case FakeFault.RateLimited:
                await WriteAsync(context, 429, new JsonObject { ["code"] = 429, ["error"] = "Rate limit exceeded", ["message"] = "Too many requests" });
                return;
            case FakeFault.ServerError:
                await WriteAsync(context, 500, new JsonObject { ["stat"] = "Not_Ok", ["errMsg"] = "Unexpected error" });
                return;
            case FakeFault.Unavailable:
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("<html><body>Service Unavailable</body></html>");
                return;
            case FakeFault.Forbidden:
                await WriteAsync(context, 403, new JsonObject { ["stCode"] = 100022, ["errMsg"] = "Invalid session, please re-login to continue", ["stat"] = "Not_Ok" });
                return;
            case FakeFault.StaticIpRefused:
                // The words are the fake's own; the code is Kotak's (100008 unauthorized).
                await WriteAsync(context, 403, new JsonObject { ["stCode"] = 100008, ["errMsg"] = "Unauthorized: the request did not come from the registered static IP", ["stat"] = "Not_Ok" });
                return;
            case FakeFault.SlowBeforeActing:
                await Faults.HoldAsync(context.RequestAborted);
                await next(context);
                return;
            case FakeFault.MalformedJson:
                await ActThenReplaceAsync(context, next, "{\"stat\":\"Ok\",\"nOrdNo\":\"2", hold: false);
                return;
            case FakeFault.SlowAfterActing:
                await ActThenReplaceAsync(context, next, null, hold: true);
                return;
            default:
                await next(context);
                return;
        }
    }

    /// <summary>Runs the real handler (so the order exists), then answers garbage or holds the answer.</summary>
    private async Task ActThenReplaceAsync(HttpContext context, RequestDelegate next, string? replacement, bool hold)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        if (hold)
        {
            await Faults.HoldAsync(context.RequestAborted);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        if (replacement is not null)
        {
            context.Response.ContentLength = null;
            await context.Response.WriteAsync(replacement);
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    internal static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
