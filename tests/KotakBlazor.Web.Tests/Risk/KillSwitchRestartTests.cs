using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Risk;

/// <summary>A tripped kill switch survives a restart on the same data folder: same reason, same actor, still blocking.</summary>
public sealed class KillSwitchRestartTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private readonly string _dataFolder = LoopbackApp.NewDataFolder();
    private LoopbackApp? _first;
    private LoopbackApp? _second;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        if (_first is not null)
        {
            await StopKeepingDataAsync(_first);
        }

        if (_second is not null)
        {
            // Deletes the shared data folder.
            await _second.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_switch_stays_tripped_with_the_same_reason_after_a_restart()
    {
        _first = await LoopbackApp.StartAsync(dataFolder: _dataFolder);
        await PaperTrading.ReadyAsync(_first, _timeout.Token);
        var trip = await _first.Services.GetRequiredService<KillSwitchService>().TripAsync(PaperTrading.Admin, "broker outage before restart", _timeout.Token);
        Assert.True(trip.Succeeded, trip.Message);
        var trippedAt = _first.Services.GetRequiredService<KillSwitchService>().State.ChangedAt;
        await StopKeepingDataAsync(_first);
        _first = null;

        _second = await LoopbackApp.StartAsync(dataFolder: _dataFolder);
        await PaperTrading.ReadyAsync(_second, _timeout.Token);
        await PaperTrading.LastPriceAsync(_second, PaperTrading.Reliance, _timeout.Token);

        var state = _second.Services.GetRequiredService<KillSwitchService>().State;
        Assert.True(state.IsTripped);
        Assert.Equal("broker outage before restart", state.Reason);
        Assert.Equal("admin", state.ChangedBy);
        Assert.Equal(trippedAt, state.ChangedAt);
        Assert.True(_second.Services.GetRequiredService<TradingKernel>().Core.KillSwitch.IsTripped);
        Assert.True(_second.Services.GetRequiredService<KillSwitchGate>().IsTripped);
        var history = await _second.Services.GetRequiredService<IRiskStore>().LoadKillSwitchHistoryAsync(10, _timeout.Token);
        Assert.Equal("broker outage before restart", Assert.Single(history).Reason);
        var outcome = await _second.Services.GetRequiredService<TradingCommands>().PlaceAsync(
            PaperTrading.Admin, new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis), OrderSource.Ticket, "after-restart", _timeout.Token);
        Assert.False(outcome.Accepted);
        Assert.Contains("kill switch is tripped (broker outage before restart, by admin)", outcome.Message, StringComparison.Ordinal);
        var book = await _second.Services.GetRequiredService<OrderManager>().Gateway.GetOrderBookAsync(_timeout.Token);
        Assert.Empty(book.Value!);
    }

    // LoopbackApp.DisposeAsync deletes the data folder; a restart needs it kept.
    private static Task StopKeepingDataAsync(LoopbackApp app) => app.StopKeepingDataAsync();
}
