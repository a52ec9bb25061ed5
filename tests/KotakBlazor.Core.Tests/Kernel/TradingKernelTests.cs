using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Kernel;

public sealed class TradingKernelTests
{
    private static readonly DateTimeOffset Open = new(2026, 11, 23, 3, 45, 0, TimeSpan.Zero);

    [Fact]
    public async Task Live_ticks_from_the_bus_reach_strategies_added_by_command_and_signals_come_out()
    {
        var events = new KernelEventStreams();
        using var signals = events.Signals.Subscribe();
        var bus = new TickBus();
        var kernel = new TradingKernel(new KernelCore(Catalog, events), bus, NullLogger<TradingKernel>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loop = kernel.RunAsync(stop.Token);

        var status = await kernel.InvokeAsync(core => core.Add(Settings(UpBar)), stop.Token);
        // A command is answered from the loop, so by now the loop holds its tick queue.
        var price = 1000m;
        for (var i = 0; i < 9; i++)
        {
            price += i < 3 ? 1 : -1;
            bus.Publish(new Tick(Reliance.Id, price, 1, i + 1, 0, 0, 0, 0, Open.AddSeconds(20 * i)));
        }

        var signal = await signals.Reader.ReadAsync(stop.Token);
        var disabled = await kernel.InvokeAsync(core => core.SetEnabled(status.Id, false), stop.Token);
        await stop.CancelAsync();
        await loop;

        Assert.True(status.Enabled);
        Assert.Equal(SignalKind.Entry, signal.Kind);
        Assert.Equal(Open.AddMinutes(1), signal.Time);
        Assert.False(disabled!.Enabled);
        Assert.Equal(0, kernel.DroppedTicks);
    }

    [Fact]
    public async Task A_command_that_throws_reports_the_error_to_its_caller_and_the_loop_goes_on()
    {
        var kernel = new TradingKernel(new KernelCore(Catalog, new KernelEventStreams()), new TickBus(), NullLogger<TradingKernel>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loop = kernel.RunAsync(stop.Token);
        var settings = Settings(UpBar);
        await kernel.InvokeAsync(core => core.Add(settings), stop.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => kernel.InvokeAsync(core => core.Add(settings), stop.Token));
        var count = await kernel.InvokeAsync(core => core.Strategies.Count, stop.Token);

        Assert.Equal(1, count);
        await stop.CancelAsync();
        await loop;
    }
}
