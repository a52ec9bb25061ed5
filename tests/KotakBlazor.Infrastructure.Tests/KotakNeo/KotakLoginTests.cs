using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Security;
using static KotakBlazor.Infrastructure.Tests.Brokers.BrokerAssertions;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

public sealed class KotakLoginTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new(IndianMarketTime.AtIst(new DateOnly(2026, 12, 4), new TimeOnly(9, 5, 10)));
    private KotakTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await KotakTestRig.StartAsync(_clock);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Login_sends_the_documented_headers_and_bodies_and_keeps_the_trade_session()
    {
        var account = _rig.Server.Account;
        var started = _rig.Client.Sessions.SessionStarted.Subscribe();

        var session = Ok(await _rig.Client.Sessions.LoginAsync(None));

        var (login, validate) = (_rig.Server.Requests[0], _rig.Server.Requests[1]);
        Assert.Equal(("POST", "/login/1.0/tradeApiLogin"), (login.Method, login.Path));
        Assert.Equal((account.AccessToken, "neotradeapi", "application/json"), (login.Header("Authorization"), login.Header("neo-fin-key"), login.ContentType));
        Assert.Null(login.Header("Auth"));
        var code = Totp.FromBase32(account.TotpSecret).CodeAt(_clock.GetUtcNow());
        Assert.Equal($$"""{"mobileNumber":"+919876501234","ucc":"ZX9QK7","totp":"{{code}}"}""", login.Body);

        Assert.Equal(("POST", "/login/1.0/tradeApiValidate"), (validate.Method, validate.Path));
        Assert.Equal((account.AccessToken, "neotradeapi", "view-sid-1"), (validate.Header("Authorization"), validate.Header("neo-fin-key"), validate.Header("sid")));
        Assert.StartsWith("view-jwt-1-", validate.Header("Auth"), StringComparison.Ordinal);
        Assert.Equal("""{"mpin":"482913"}""", validate.Body);

        Assert.Equal(_rig.Server.TradeToken, session.Token);
        Assert.Equal("trade-sid-2", session.Sid);
        Assert.Equal(_rig.Server.BaseUrl, session.BaseUrl);
        Assert.Equal((_rig.Server.FeedUrl, _rig.Server.OrderFeedUrl, "E43"), (session.FeedUrl, session.OrderFeedUrl, session.DataCenter));
        Assert.Equal(_clock.GetUtcNow(), session.CreatedAt);
        Assert.Equal(session, _rig.Vault.Session);
        Assert.Equal(session, Drain(started).Single());
        Assert.Equal((1, _clock.GetUtcNow()), (_rig.Client.Sessions.LoginCount, _rig.Client.Sessions.LastLoginAt));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_totp_is_refused_in_the_brokers_words_whether_as_401_or_as_a_200_without_data(bool errorsAsHttp200)
    {
        _rig.Server.LoginErrorsAsHttp200 = errorsAsHttp200;
        _rig.Vault.Credentials = _rig.Vault.Credentials! with { TotpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" };

        var error = Failed(await _rig.Client.Sessions.LoginAsync(None), BrokerErrorKind.Refused);

        Assert.Equal("Kotak Neo refused the login (TOTP step): Invalid credentials or TOTP.", error.Message);
        Assert.Equal("401", error.Code);
        Assert.Null(_rig.Client.Sessions.Current);
        Assert.Equal(error, _rig.Client.Sessions.LastLoginError);
        Assert.Equal("/login/1.0/tradeApiLogin", Assert.Single(_rig.Server.Requests).Path);
    }

    [Fact]
    public async Task A_wrong_mpin_is_refused_in_the_brokers_words()
    {
        _rig.Vault.Credentials = _rig.Vault.Credentials! with { Mpin = "111111" };

        var error = Failed(await _rig.Client.Sessions.LoginAsync(None), BrokerErrorKind.Refused);

        Assert.Equal("Kotak Neo refused the login (MPIN step): Invalid MPIN. Please try again.", error.Message);
        Assert.Equal(0, _rig.Server.LoginCount);
    }

    [Fact]
    public async Task A_call_made_without_credentials_says_so_and_reaches_nobody()
    {
        _rig.Vault.Credentials = null;

        var error = Failed(await _rig.Gateway.GetFundsAsync(None), BrokerErrorKind.SessionExpired);

        Assert.Contains("credentials are not set", error.Message, StringComparison.Ordinal);
        Assert.Empty(_rig.Server.Requests);
    }

    [Fact]
    public async Task After_a_refused_login_calls_wait_for_the_cooldown_instead_of_repeating_a_wrong_mpin()
    {
        _rig.Vault.Credentials = _rig.Vault.Credentials! with { Mpin = "111111" };

        var first = Failed(await _rig.Gateway.GetFundsAsync(None), BrokerErrorKind.SessionExpired);
        var second = Failed(await _rig.Gateway.GetFundsAsync(None), BrokerErrorKind.SessionExpired);

        Assert.Contains("Invalid MPIN. Please try again.", first.Message, StringComparison.Ordinal);
        Assert.Contains("not retried before 09:07:10 IST", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, _rig.Server.Count("tradeApiValidate"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Failed(await _rig.Gateway.GetFundsAsync(None), BrokerErrorKind.SessionExpired);
        Assert.Equal(2, _rig.Server.Count("tradeApiValidate"));

        // Corrected credentials are tried at once.
        _rig.Vault.Credentials = _rig.Server.Account.Credentials;
        await _rig.Client.Sessions.ForgetAsync(None);
        Ok(await _rig.Gateway.GetFundsAsync(None));
        Assert.Equal(1, _rig.Server.LoginCount);
    }

    [Fact]
    public async Task A_stored_session_is_reused_after_a_restart_without_logging_in()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        Assert.Equal(1, _rig.Server.LoginCount);

        using var http = new HttpClient();
        using var restarted = new KotakNeoRestClient(http, _rig.Vault, _rig.Options, _clock, new CapturedLogs());
        _clock.Advance(TimeSpan.FromHours(3));
        Ok(await restarted.GetFundsAsync(None));

        Assert.Equal(1, _rig.Server.LoginCount);
        Assert.Equal(_rig.Vault.Session, restarted.Sessions.Current);
    }

    [Fact]
    public async Task A_stored_session_from_an_earlier_day_is_not_reused()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Vault.Session = _rig.Vault.Session! with { CreatedAt = _clock.GetUtcNow().AddDays(-1) };

        using var http = new HttpClient();
        using var restarted = new KotakNeoRestClient(http, _rig.Vault, _rig.Options, _clock, new CapturedLogs());
        Ok(await restarted.GetFundsAsync(None));

        Assert.Equal(2, _rig.Server.LoginCount);
    }

    [Fact]
    public async Task No_secret_reaches_the_logs_through_a_login_a_refusal_and_a_renewal()
    {
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Server.ExpireSession();
        Ok(await _rig.Gateway.GetFundsAsync(None));
        _rig.Server.ExpireSession();
        _rig.Server.Account = _rig.Server.Account with { Mpin = "999999" };
        Failed(await _rig.Gateway.GetFundsAsync(None), BrokerErrorKind.SessionExpired);

        var logs = _rig.Logs.AllText;
        Assert.Contains("Logged in to Kotak Neo", logs, StringComparison.Ordinal);
        Assert.Contains("Invalid MPIN", logs, StringComparison.Ordinal);
        var account = _rig.Vault.Credentials!;
        foreach (var secret in new[] { account.AccessToken, account.Mpin, account.TotpSecret, "9876501234", account.Ucc, _rig.Vault.Session?.Token ?? "trade-jwt", "view-jwt", "trade-sid-" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_session_is_usable_only_while_young_and_on_the_day_it_was_made()
    {
        var madeAt = IndianMarketTime.AtIst(new DateOnly(2026, 12, 4), new TimeOnly(8, 0));
        var session = new KotakSession("t", "s", new Uri("https://e43.kotaksecurities.com"), null, null, null, null, madeAt);

        Assert.True(session.IsUsableAt(madeAt.AddHours(7), TimeSpan.FromHours(12)));
        Assert.False(session.IsUsableAt(madeAt.AddHours(7), TimeSpan.FromHours(6)));
        Assert.False(session.IsUsableAt(IndianMarketTime.AtIst(new DateOnly(2026, 12, 5), new TimeOnly(0, 30)), TimeSpan.FromHours(24)));
        Assert.Equal(new Uri("wss://e43.kotaksecurities.com/realtime"), session.EffectiveOrderFeedUrl);
    }
}
