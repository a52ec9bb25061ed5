using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>A fake Kotak server with the adapter pointed at it: the REST client, the gateway, captured logs.</summary>
internal sealed class KotakTestRig : IAsyncDisposable
{
    public static readonly Instrument NiftyCall = new(new InstrumentId(ExchangeSegment.NseFo, 49081), "NIFTY26DEC26000CE", "NIFTY", "NIFTY 29 Dec 26000 CE",
        InstrumentType.Option, "NIFTY", 75, 0.05m, 1800, new DateOnly(2026, 12, 29), 26000m, OptionType.Call);

    public static readonly Instrument Idea = new(new InstrumentId(ExchangeSegment.NseCm, 14366), "IDEA-EQ", "IDEA", "Vodafone Idea Ltd",
        InstrumentType.Equity, "IDEA", 1, 0.01m, 0);

    private readonly HttpClient _http;

    private KotakTestRig(FakeKotakServer server, KotakNeoOptions options, TimeProvider time, MemoryCredentialVault vault)
    {
        Server = server;
        Options = options;
        Vault = vault;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Client = new KotakNeoRestClient(_http, vault, options, time, Logs);
        Gateway = new KotakNeoGateway(Client, options, time, new Microsoft.Extensions.Logging.Logger<KotakNeoGateway>(Logs));
    }

    public FakeKotakServer Server { get; }

    public KotakNeoOptions Options { get; }

    public MemoryCredentialVault Vault { get; }

    public CapturedLogs Logs { get; } = new();

    public KotakNeoRestClient Client { get; }

    public KotakNeoGateway Gateway { get; }

    /// <summary>Starts the fake and the adapter; <paramref name="configure"/> adjusts the options (hosts already point at the fake).</summary>
    public static async Task<KotakTestRig> StartAsync(TimeProvider? time = null, Action<KotakNeoOptions>? configure = null)
    {
        time ??= TimeProvider.System;
        var server = await FakeKotakServer.StartAsync(time);
        server.Exchange.Add(NiftyCall);
        server.Exchange.Add(Idea);
        var options = new KotakNeoOptions
        {
            LoginBaseUrl = server.BaseUrl,
            QuotesBaseUrl = server.BaseUrl,
            ReadRetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new KotakTestRig(server, options, time, new MemoryCredentialVault(server.Account.Credentials));
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Client.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
