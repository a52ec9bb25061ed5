using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

public sealed class KotakSessionRenewalTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private KotakTestRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await KotakTestRig.StartAsync(configure: o => o.RefreshOrdersAfterOrderCalls = false);
        _rig.Server.Exchange.SetLastPrice(KotakTestRig.NiftyCall.Id, 120m);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_session_that_expires_in_the_middle_of_a_batch_is_renewed_once_and_no_order_is_placed_twice(bool as403)
    {
        _rig.Server.SessionErrorsAsHttp403 = as403;
        var ids = new List<string> { Ok(await _rig.Gateway.PlaceAsync(Buy("batch-1"), None)) };

        _rig.Server.ExpireSession();
        ids.Add(Ok(await _rig.Gateway.PlaceAsync(Buy("batch-2"), None)));
        ids.Add(Ok(await _rig.Gateway.PlaceAsync(Buy("batch-3"), None)));

        Assert.Equal(2, _rig.Server.LoginCount);
        // batch-2 was sent twice: refused with the old session (nothing done), then accepted.
        Assert.Equal(4, _rig.Server.Count("/quick/order/rule/ms/place"));
        var orders = _rig.Server.Exchange.Orders();
        Assert.Equal(["batch-1", "batch-2", "batch-3"], orders.Select(o => o.Tag));
        Assert.Equal(ids, orders.Select(o => o.Id));
    }

    [Fact]
    public async Task When_the_second_login_fails_the_call_fails_loudly_in_the_brokers_words_and_nothing_is_placed()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Server.ExpireSession();
        _rig.Server.Account = _rig.Server.Account with { Mpin = "000000" };

        var error = Failed(await _rig.Gateway.PlaceAsync(Buy("after-expiry"), None), BrokerErrorKind.SessionExpired);

        Assert.Equal("Not logged in to Kotak Neo. Kotak Neo refused the login (MPIN step): Invalid MPIN. Please try again.", error.Message);
        Assert.True(error.IsSafeToRetry);
        Assert.Equal(1, _rig.Server.Count("/quick/order/rule/ms/place"));
        Assert.Empty(_rig.Server.Exchange.Orders());
        Assert.Contains(_rig.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Invalid MPIN", StringComparison.Ordinal));
        Assert.Null(_rig.Client.Sessions.Current);
    }

    [Fact]
    public async Task A_session_refused_again_right_after_a_fresh_login_fails_loudly_after_one_retry()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Server.Faults.Next(FakeFault.Forbidden, "/quick/user/positions", times: 2);

        var error = Failed(await _rig.Gateway.GetPositionsAsync(None), BrokerErrorKind.SessionExpired);

        Assert.StartsWith("Kotak Neo refused the session again right after a fresh login (Kotak Neo refused the session: Invalid session, please re-login to continue)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _rig.Server.LoginCount);
        Assert.Equal(2, _rig.Server.Count("/quick/user/positions"));
    }

    [Fact]
    public async Task Callers_that_find_the_session_expired_together_log_in_once()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Server.ExpireSession();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _rig.Gateway.GetOrderBookAsync(None)));

        Assert.All(results, r => Ok(r));
        Assert.Equal(2, _rig.Server.LoginCount);
    }

    [Fact]
    public async Task A_static_ip_refusal_is_not_mistaken_for_an_expired_session()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Server.Faults.Next(FakeFault.StaticIpRefused, "/quick/order/rule/ms/place");

        var error = Failed(await _rig.Gateway.PlaceAsync(Buy("from-home"), None), BrokerErrorKind.Refused);

        Assert.StartsWith("Unauthorized: the request did not come from the registered static IP (Since 1 April 2026 Kotak accepts orders only from the static IP", error.Message, StringComparison.Ordinal);
        Assert.Equal("100008", error.Code);
        Assert.Equal(1, _rig.Server.LoginCount);
        Assert.Equal(1, _rig.Server.Count("/quick/order/rule/ms/place"));
    }

    private static BrokerOrderRequest Buy(string tag) =>
        new(tag, KotakTestRig.NiftyCall.Id, KotakTestRig.NiftyCall.TradingSymbol, OrderSide.Buy, 75, OrderType.Market, ProductType.Nrml, 0m, 0m);
}
