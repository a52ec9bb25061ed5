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

    [Fact]
    public async Task A_command_to_an_idle_kernel_runs_at_once_on_the_callers_thread()
    {
        var kernel = new TradingKernel(new KernelCore(Catalog, new KernelEventStreams()), new TickBus(), NullLogger<TradingKernel>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loop = kernel.RunAsync(stop.Token);
        var caller = Environment.CurrentManagedThreadId;

        var answer = kernel.InvokeAsync(_ => Environment.CurrentManagedThreadId, stop.Token);

        // No hop to the loop and back: the answer is there when the call returns.
        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal(caller, await answer);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task A_command_arriving_while_another_runs_the_core_is_queued_and_runs_after_it()
    {
        var kernel = new TradingKernel(new KernelCore(Catalog, new KernelEventStreams()), new TickBus(), NullLogger<TradingKernel>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loop = kernel.RunAsync(stop.Token);
        var order = new List<string>();
        using var firstIsRunning = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();

        var first = Task.Run(() => kernel.InvokeAsync(_ =>
        {
            firstIsRunning.Set();
            releaseFirst.Wait(stop.Token);
            order.Add("first");
            return 1;
        }, stop.Token));
        firstIsRunning.Wait(stop.Token);
        var second = kernel.InvokeAsync(_ =>
        {
            order.Add("second");
            return 2;
        }, stop.Token);

        Assert.False(second.IsCompleted);
        releaseFirst.Set();
        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
        Assert.Equal(["first", "second"], order);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Commands_from_many_threads_never_run_the_core_at_the_same_time_while_ticks_flow()
    {
        var bus = new TickBus();
        var kernel = new TradingKernel(new KernelCore(Catalog, new KernelEventStreams()), bus, NullLogger<TradingKernel>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var loop = kernel.RunAsync(stop.Token);
        await kernel.InvokeAsync(core => core.Add(Settings(UpBar)), stop.Token);
        const int PerThread = 200_000;
        var inside = 0;
        var overlaps = 0;
        var count = 0;

        int Bump(KernelCore core)
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            // Not atomic on purpose: only one thread of control may run this at a time.
            count++;
            Interlocked.Decrement(ref inside);
            return count;
        }

        var ticks = Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                bus.Publish(new Tick(Reliance.Id, 1000m + (i % 7), 1, i + 1, 0, 0, 0, 0, Open.AddMilliseconds(i)));
            }
        });

        // Three callers on their own threads, released together, so their commands really do collide.
        using var start = new Barrier(3);
        var callers = Enumerable.Range(0, 3).Select(_ =>
        {
            var done = new TaskCompletionSource();
            var thread = new Thread(() =>
            {
                start.SignalAndWait(stop.Token);
                for (var i = 0; i < PerThread; i++)
                {
                    kernel.InvokeAsync(Bump, stop.Token).GetAwaiter().GetResult();
                }

                done.SetResult();
            });
            thread.Start();
            return done.Task;
        }).ToList();
        await Task.WhenAll([ticks, .. callers]);

        Assert.Equal(3 * PerThread, await kernel.InvokeAsync(core => count, stop.Token));
        Assert.Equal(0, overlaps);
        await stop.CancelAsync();
        await loop;
    }
}
