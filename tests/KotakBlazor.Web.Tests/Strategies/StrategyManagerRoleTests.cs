using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Strategies;

/// <summary>What the strategies page relies on from the server: viewers are refused, traders' strategies run and report.</summary>
public sealed class StrategyManagerRoleTests : IAsyncLifetime
{
    private static readonly InstrumentId Nifty = new(ExchangeSegment.NseCm, 26000);
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" }, configure: TestStrategies.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_viewer_can_neither_add_nor_enable_nor_remove_a_strategy()
    {
        var manager = _app.Services.GetRequiredService<StrategyManager>();
        var viewer = new ActingUser("viewer1", UserRoles.Viewer);
        var added = await manager.AddAsync(Config("by trader", enabled: false), new ActingUser("trader1", UserRoles.Trader), CancellationToken.None);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        var id = added.Status!.Id;

        var add = await manager.AddAsync(Config("by viewer", enabled: true), viewer, CancellationToken.None);
        var enable = await manager.SetEnabledAsync(id, true, viewer, CancellationToken.None);
        var remove = await manager.RemoveAsync(id, viewer, CancellationToken.None);

        Assert.All([add, enable, remove], r => Assert.Equal(["Only traders and admins can change strategies."], r.Errors));
        var only = Assert.Single(manager.Strategies);
        Assert.Equal("by trader", only.Config.Name);
        Assert.False(only.Enabled);
    }

    [Fact]
    public async Task Saving_an_edit_to_a_removed_strategy_is_refused_and_does_not_bring_it_back()
    {
        var manager = _app.Services.GetRequiredService<StrategyManager>();
        var admin = new ActingUser("admin", UserRoles.Admin);
        var added = await manager.AddAsync(Config("edited elsewhere", enabled: false), admin, CancellationToken.None);
        var config = added.Status!.Config;
        await manager.RemoveAsync(config.Id, admin, CancellationToken.None);

        var edit = await manager.UpdateAsync(config with { Lots = 2 }, admin, CancellationToken.None);

        Assert.False(edit.Succeeded);
        Assert.Contains("no longer exists", Assert.Single(edit.Errors), StringComparison.Ordinal);
        Assert.DoesNotContain(manager.Strategies, s => s.Id == config.Id);
    }

    [Fact]
    public async Task Bad_parameters_come_back_as_reasons_for_people()
    {
        var manager = _app.Services.GetRequiredService<StrategyManager>();
        var config = Config("bad", enabled: false) with
        {
            Parameters = new Dictionary<string, string> { ["confidence"] = "150", ["side"] = "Sideways" },
        };

        var result = await manager.AddAsync(config, new ActingUser("admin", UserRoles.Admin), CancellationToken.None);

        Assert.Null(result.Status);
        Assert.Contains("Confidence % must be at most 100.", result.Errors);
        Assert.Contains("Side must be one of: Follow bar, Buy, Sell.", result.Errors);
        Assert.Empty(manager.Strategies);
    }

    [Fact]
    public async Task An_enabled_strategy_raises_signals_on_the_stream_the_pages_follow_and_counts_them()
    {
        var manager = _app.Services.GetRequiredService<StrategyManager>();
        using var signals = _app.Services.GetRequiredService<KernelEventStreams>().Signals.Subscribe();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var added = await manager.AddAsync(Config("every bar", enabled: true), new ActingUser("admin", UserRoles.Admin), CancellationToken.None);
        var signal = await signals.Reader.ReadAsync(timeout.Token);

        Assert.Equal(added.Status!.Id, signal.StrategyId);
        Assert.Equal(Nifty, Assert.Single(signal.Legs).Instrument);
        Assert.True(Assert.Single(manager.Strategies).SignalsToday >= 1);
    }

    private static StrategyConfig Config(string name, bool enabled) => new(
        Guid.Empty,
        TestStrategies.EveryBarKey,
        name,
        [Nifty],
        Timeframe.OneMinute,
        1,
        ProductType.Mis,
        new Dictionary<string, string>(),
        enabled);
}
