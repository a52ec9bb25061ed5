using System.Net;
using System.Net.Sockets;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>Failures typed by what they mean for the order, and retried only where a retry cannot place twice.</summary>
public sealed class KotakRestErrorTests : IAsyncLifetime
{
    private const string PlacePath = "/quick/order/rule/ms/place";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new(IndianMarketTime.AtIst(new DateOnly(2026, 12, 4), new TimeOnly(10, 0)));
    private KotakTestRig _rig = null!;

    private KotakNeoRestClient Client => _rig.Client;

    private FakeKotakServer Server => _rig.Server;

    public async Task InitializeAsync()
    {
        _rig = await KotakTestRig.StartAsync(_clock);
        Server.Exchange.SetLastPrice(KotakTestRig.NiftyCall.Id, 120m);
        Ok(await Client.GetFundsAsync(None));
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Http_429_is_rate_limited_and_nothing_is_placed()
    {
        Server.Faults.Next(FakeFault.RateLimited, PlacePath);

        var error = Failed(await Client.PlaceAsync(Buy("limited"), None), BrokerErrorKind.RateLimited);

        Assert.True(error.IsSafeToRetry);
        Assert.Equal("429", error.Code);
        Assert.Contains("Too many requests", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Exchange.Orders());
    }

    [Fact]
    public async Task A_5xx_on_place_is_unknown_and_is_not_resent()
    {
        Server.Faults.Next(FakeFault.ServerError, PlacePath);

        var error = Failed(await Client.PlaceAsync(Buy("five-hundred"), None), BrokerErrorKind.Unknown);

        Assert.False(error.IsSafeToRetry);
        Assert.Contains("look the order up (by its tag)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Count(PlacePath));
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried_and_the_read_succeeds()
    {
        Server.Faults.Next(FakeFault.Unavailable, "/quick/user/limits");
        var before = Server.Count("/quick/user/limits");

        var funds = Ok(await Client.GetFundsAsync(None));

        Assert.Equal(5_000_000m, funds.Net);
        Assert.Equal(before + 2, Server.Count("/quick/user/limits"));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_gives_up_after_the_retries_with_the_status()
    {
        Server.Faults.Next(FakeFault.ServerError, "/quick/user/positions", times: 3);

        var error = Failed(await Client.GetPositionsAsync(None), BrokerErrorKind.Unknown);

        Assert.Equal("500", error.Code);
        Assert.Contains("Unexpected error", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Server.Count("/quick/user/positions"));
    }

    [Fact]
    public async Task Malformed_json_after_a_place_is_malformed_and_the_order_it_made_is_not_made_twice()
    {
        Server.Faults.Next(FakeFault.MalformedJson, PlacePath);

        var error = Failed(await Client.PlaceAsync(Buy("garbled"), None), BrokerErrorKind.Malformed);

        Assert.False(error.IsSafeToRetry);
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Count(PlacePath));
        Assert.Equal("garbled", Assert.Single(Server.Exchange.Orders()).Tag);
    }

    [Fact]
    public async Task A_place_that_times_out_is_unknown_and_is_not_resent()
    {
        var stalled = Server.Faults.Stalled;
        Server.Faults.Next(FakeFault.SlowAfterActing, PlacePath);

        var place = Client.PlaceAsync(Buy("slow"), None);
        await stalled;
        Assert.False(place.IsCompleted);
        _clock.Advance(_rig.Options.RequestTimeout);
        var error = Failed(await place, BrokerErrorKind.Unknown);

        Assert.Equal("Kotak Neo did not answer the place call within 10 s. The request may have reached the broker: look the order up (by its tag) before sending it again.", error.Message);
        Assert.Equal(1, Server.Count(PlacePath));
        // It did reach the broker: the order book shows it under its tag.
        Assert.Contains(Ok(await Client.GetOrderBookAsync(None)), o => o.Tag == "slow");
    }

    [Fact]
    public async Task A_read_that_times_out_is_asked_again()
    {
        var stalled = Server.Faults.Stalled;
        Server.Faults.Next(FakeFault.SlowBeforeActing, "/quick/user/trades");

        var trades = _rig.Client.GetTradeBookAsync(None);
        await stalled;
        _clock.Advance(_rig.Options.RequestTimeout);

        Assert.Empty(Ok(await trades));
        Assert.Equal(2, Server.Count("/quick/user/trades"));
    }

    [Fact]
    public async Task A_refused_connection_is_unreachable_and_safe_to_retry()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _rig.Vault.Session = Client.Sessions.Current! with { BaseUrl = new Uri($"http://127.0.0.1:{closedPort}/") };
        using var http = new HttpClient();
        using var client = new KotakNeoRestClient(http, _rig.Vault, _rig.Options, _clock, new CapturedLogs());

        var error = Failed(await client.PlaceAsync(Buy("nowhere"), None), BrokerErrorKind.Unreachable);

        Assert.True(error.IsSafeToRetry);
        Assert.Contains("cannot be reached for the place call", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.Count(PlacePath));
    }

    [Fact]
    public async Task A_business_refusal_in_a_200_is_refused_with_the_brokers_words_and_code()
    {
        var error = Failed(await Client.PlaceAsync(Buy("unknown-symbol") with { TradingSymbol = "NIFTY99JAN1CE" }, None), BrokerErrorKind.Refused);

        Assert.Equal(("Invalid instrument: trading symbol not found in segment", "1009"), (error.Message, error.Code));
    }

    [Fact]
    public async Task A_tag_used_twice_is_refused_and_only_one_order_exists()
    {
        Ok(await Client.PlaceAsync(Buy("same-tag"), None));

        var error = Failed(await Client.PlaceAsync(Buy("same-tag"), None), BrokerErrorKind.Refused);

        Assert.Contains("already used", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Exchange.Orders());
    }

    [Fact]
    public async Task Cancelling_or_modifying_a_completed_order_is_not_found_in_the_brokers_words()
    {
        var id = Ok(await Client.PlaceAsync(Buy("done"), None));
        var row = Assert.Single(Ok(await Client.GetOrderBookAsync(None)));

        var cancel = Failed(await Client.CancelAsync(id, afterMarket: false, null, None), BrokerErrorKind.NotFound);
        var modify = Failed(await Client.ModifyAsync(row, new BrokerModifyRequest(id, 75, OrderType.Limit, 100m, 0m), None), BrokerErrorKind.NotFound);

        Assert.Equal(("order is completed", "1021"), (cancel.Message, cancel.Code));
        Assert.Equal("order is completed", modify.Message);
        Assert.Equal(1, Server.Count("/quick/order/cancel"));
    }

    [Fact]
    public async Task Cancelling_an_order_the_broker_does_not_know_is_not_found()
    {
        var error = Failed(await Client.CancelAsync("261204999999999", afterMarket: false, null, None), BrokerErrorKind.NotFound);

        Assert.Equal(("Order not found", "1006"), (error.Message, error.Code));
    }

    [Fact]
    public async Task An_empty_book_answered_as_no_data_is_an_empty_list()
    {
        Assert.Empty(Ok(await Client.GetOrderBookAsync(None)));
        Assert.Empty(Ok(await Client.GetTradeBookAsync(None)));
    }

    private static BrokerOrderRequest Buy(string tag) =>
        new(tag, KotakTestRig.NiftyCall.Id, KotakTestRig.NiftyCall.TradingSymbol, OrderSide.Buy, 75, OrderType.Market, ProductType.Nrml, 0m, 0m);
}
