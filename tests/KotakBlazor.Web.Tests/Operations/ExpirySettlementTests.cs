using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Brokers.Paper;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Operations;

/// <summary>
/// Expiry day in paper mode: a position in an expiring NIFTY option is flagged before the close
/// (notification and banner), then settled in cash at the closing spot through the paper broker,
/// so the desk, the kernel's positions and the broker all end flat and reconciliation finds no
/// manual trade in the settlement.
/// </summary>
public sealed class ExpirySettlementTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Reconciliation:IntervalSeconds"] = "0" });
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_expiring_index_option_is_flagged_then_settled_in_cash_at_the_closing_spot_and_everything_ends_flat()
    {
        var catalog = _app.Services.GetRequiredService<IInstrumentCatalog>();
        var spot = catalog.All.Single(i => i.Type == InstrumentType.Index && i.Underlying == "NIFTY");
        var market = _app.Services.GetRequiredService<MarketState>();
        await PaperTrading.LastPriceAsync(_app, spot.Id, _timeout.Token);
        Assert.True(market.TryGetLatest(spot.Id, out var spotTick));
        var option = catalog.All
            .Where(i => i is { Type: InstrumentType.Option, Underlying: "NIFTY", OptionType: OptionType.Call })
            .OrderBy(i => i.Expiry).ThenBy(i => Math.Abs(i.Strike!.Value - spotTick.LastPrice))
            .First();
        using var portfolio = _app.Services.GetRequiredService<KernelEventStreams>().Portfolio.Subscribe(4096);
        await PaperTrading.LastPriceAsync(_app, option.Id, _timeout.Token);
        await PaperTrading.FillAsync(_app, PaperTrading.Admin, option.Id, OrderSide.Buy, option.LotSize, _timeout.Token);
        await NetAsync(portfolio, option.Id, option.LotSize);
        var watch = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ExpiryWatchService>().Single();
        using var posted = _app.Services.GetRequiredService<NotificationOutbox>().Posted.Subscribe(256);

        var flagged = await watch.FlagAsync(option.Expiry!.Value, _timeout.Token);

        Assert.Equal(option.Id, Assert.Single(flagged).Instrument.Id);
        var alerts = _app.Services.GetRequiredService<ExpiryAlerts>();
        Assert.Equal((false, "1 position in contracts expiring today"), (alerts.Current!.Settled, alerts.Current.Title));
        Assert.Contains($"{option.TradingSymbol} MIS long {option.LotSize}: index option: cash-settled at the closing spot", alerts.Current.Lines);
        Assert.Equal("1 position in contracts expiring today", (await NextSystemAsync(posted)).Notification.Title);

        var lines = await watch.SettleAsync(option.Expiry!.Value, _timeout.Token);

        var line = Assert.Single(lines);
        var settlement = Assert.Single(_app.Services.GetRequiredService<Core.Execution.OrderManager>().Orders, o => o.RequestedBy == ExpirySettler.Actor);
        Assert.Equal((OrderSide.Sell, option.LotSize, OrderStatus.Filled, OrderSource.Manual), (settlement.Side, settlement.FilledQuantity, settlement.Status, settlement.Source));
        // The price is the option's intrinsic value at the spot the settlement used (one tick when it expires worthless).
        var usedSpot = decimal.Parse(line.Split("closing spot ")[1].Split(')')[0], System.Globalization.CultureInfo.InvariantCulture);
        var intrinsic = Math.Max(0m, usedSpot - option.Strike!.Value);
        Assert.Equal(intrinsic > 0 ? intrinsic : option.TickSize, settlement.AveragePrice);
        await NetAsync(portfolio, option.Id, 0);
        var broker = await _app.Services.GetRequiredService<PaperBroker>().GetPositionsAsync(_timeout.Token);
        Assert.Equal(0, broker.Value!.Where(p => p.Instrument == option.Id).Sum(p => p.NetQuantity));
        Assert.True(alerts.Current!.Settled);

        var report = await _app.Services.GetRequiredService<Reconciler>().RunAsync("reconciliation", _timeout.Token);
        Assert.True(report.IsComplete, string.Join("; ", report.Problems));
        Assert.Empty(report.ManualTradesFound);
        var recorded = Assert.Single(await _app.Services.GetRequiredService<IManualTradeStore>().LoadAsync(_timeout.Token));
        Assert.Equal((ManualTradeStatus.Adopted, ExpirySettler.Actor), (recorded.Status, recorded.ResolvedBy));
    }

    // The fill's own notification may still be on its way: skip to the expiry's.
    private async Task<PostedNotification> NextSystemAsync(Core.Messaging.EventStream<PostedNotification>.Subscription posted)
    {
        while (true)
        {
            var next = await posted.Reader.ReadAsync(_timeout.Token);
            if (next.Notification.Kind == NotificationKind.System)
            {
                return next;
            }
        }
    }

    private async Task NetAsync(Core.Messaging.EventStream<Core.Positions.PortfolioSnapshot>.Subscription portfolio, InstrumentId instrument, int wanted)
    {
        var kernel = _app.Services.GetRequiredService<TradingKernel>();
        if (kernel.Core.Portfolio.Positions.Where(p => p.Instrument == instrument && p.StrategyId is null).Sum(p => p.NetQuantity) == wanted)
        {
            return;
        }

        while (true)
        {
            var snapshot = await portfolio.Reader.ReadAsync(_timeout.Token);
            if (snapshot.Positions.Where(p => p.Instrument == instrument && p.StrategyId is null).Sum(p => p.NetQuantity) == wanted)
            {
                return;
            }
        }
    }
}
