using System.Text;
using System.Text.RegularExpressions;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// A day's work in KotakNeo mode (a refused login, a login, orders, a static-IP refusal) leaves no Kotak secret in
/// the app's log files nor in clear in its database, and the broker's own words (with the static-IP help) reach
/// the person who acted.
/// </summary>
public sealed class KotakSecretsTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private KotakNeoApp _kotak = null!;

    public async Task InitializeAsync() => _kotak = await KotakNeoApp.StartAsync(_timeout.Token);

    public async Task DisposeAsync()
    {
        await _kotak.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Nothing_secret_reaches_the_logs_or_the_database_and_refusals_come_back_in_the_brokers_words()
    {
        var settings = _kotak.Get<BrokerSettingsService>();
        var wrongMpin = _kotak.Fake.Credentials with { Mpin = "604417" };
        Assert.True((await settings.SaveAsync(KotakNeoApp.Admin, wrongMpin, _timeout.Token)).Succeeded);
        var refused = await settings.LogInAsync(KotakNeoApp.Admin, _timeout.Token);
        Assert.Equal((false, "Kotak Neo refused the login (MPIN step): Invalid MPIN. Please try again."), (refused.Succeeded, refused.Message));

        await _kotak.LogInAsync();
        await _kotak.PriceKnownAsync(1400.00m);
        var placed = await _kotak.PlaceAsync(new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis));
        await _kotak.Get<Core.Execution.OrderManager>().WaitForSettledAsync(placed.Id, TimeSpan.FromSeconds(30), _timeout.Token);
        _kotak.Fake.Rest.Faults.Next(FakeFault.StaticIpRefused, "/quick/order/rule/ms/place");
        var outcome = await _kotak.Get<TradingCommands>().PlaceAsync(KotakNeoApp.Admin,
            new OrderTicket(_kotak.Fake.Reliance.Id, OrderSide.Buy, 2, OrderType.Market, ProductType.Mis), OrderSource.Ticket, "static-ip", _timeout.Token);
        var ip = await _kotak.Get<BrokerHealthService>().ClientIpAsync(fresh: true, _timeout.Token);
        var secrets = _kotak.Fake.Secrets.Append(wrongMpin.Mpin).Append(_kotak.Fake.Rest.TradeSid!).ToList();
        await _kotak.StopAppAsync();

        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("Unauthorized: the request did not come from the registered static IP", problem, StringComparison.Ordinal);
        Assert.Contains("Since 1 April 2026 Kotak accepts orders only from the static IP", problem, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", ip.Value);
        var logs = Directory.GetFiles(Path.Combine(_kotak.App.DataFolder, "logs")).Select(File.ReadAllText).ToList();
        Assert.Contains(logs, l => l.Contains("Logged in to Kotak Neo", StringComparison.Ordinal));
        var database = Directory.GetFiles(_kotak.App.DataFolder, "kotakblazor.db*").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))).ToList();
        foreach (var secret in secrets)
        {
            var pattern = new Regex($"(?<![0-9A-Za-z]){Regex.Escape(secret)}(?![0-9A-Za-z])");
            Assert.DoesNotContain(logs, l => pattern.IsMatch(l));
            Assert.DoesNotContain(database, d => pattern.IsMatch(d));
        }
    }
}
