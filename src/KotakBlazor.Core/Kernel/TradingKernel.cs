using System.Diagnostics;
using System.Threading.Channels;
using KotakBlazor.Core.MarketData.Bus;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Core.Kernel;

/// <summary>
/// Runs the <see cref="KernelCore"/> live: one loop, one thread of control, fed by its own
/// queue on the tick bus and by commands (add, enable, remove a strategy). Everything that
/// changes the kernel goes through <see cref="InvokeAsync{T}"/>, so the kernel itself needs no
/// locks and sees ticks and commands in one order.
/// <para>
/// One thread of control, not always the same thread: whoever runs the core holds <c>_claim</c>.
/// The loop claims it for each round of commands and ticks; a command that arrives while nothing is
/// queued takes the claim (waiting up to 50 µs if the core is busy) and runs at once on the caller's
/// thread (ADR 0016). That is the order the loop would have given it (commands before waiting
/// ticks) without the two thread hops, which cost most of a millisecond on a busy two-core machine.
/// A command must not wait for another command it issues: it holds the claim the other needs.
/// </para>
/// </summary>
public sealed partial class TradingKernel(KernelCore core, TickBus bus, ILogger<TradingKernel> logger)
{
    /// <summary>Ticks the kernel can fall behind by before the oldest are dropped (and counted).</summary>
    public const int TickQueueCapacity = 65_536;

    private readonly Channel<Action> _commands = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private TickQueueSubscription? _ticks;

    // How long a command waits for a busy core before it queues instead: 50 µs.
    private static readonly long ClaimWaitTicks = Stopwatch.Frequency / 20_000;

    // 1 while the loop or an inline command runs the core, 0 when nobody does.
    private int _claim;
    private volatile bool _running;

    /// <summary>The kernel's logic (read its status from any thread; change it through <see cref="InvokeAsync{T}"/>).</summary>
    public KernelCore Core { get; } = core;

    /// <summary>Ticks the kernel missed because it fell a whole queue behind: should stay 0.</summary>
    public long DroppedTicks => _ticks?.Dropped ?? 0;

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var ticks = bus.SubscribeQueue(TickQueueCapacity);
        _ticks = ticks;
        _running = true;
        LogStarted(logger);
        var commandsReady = _commands.Reader.WaitToReadAsync(cancellationToken).AsTask();
        var ticksReady = ticks.WaitToReadAsync(cancellationToken).AsTask();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var handled = 0;
                Claim();
                try
                {
                    // Commands first: a trader's "disable" must not wait behind a burst of ticks.
                    while (_commands.Reader.TryRead(out var command))
                    {
                        command();
                    }

                    while (handled < 4096 && ticks.TryRead(out var tick))
                    {
                        Core.OnTick(in tick);
                        handled++;
                    }
                }
                finally
                {
                    Volatile.Write(ref _claim, 0);
                }

                // TryPeek, not Count: a single-reader unbounded channel cannot count and throws.
                if (handled > 0 || _commands.Reader.TryPeek(out _))
                {
                    continue;
                }

                if (commandsReady.IsCompleted)
                {
                    await commandsReady;
                    commandsReady = _commands.Reader.WaitToReadAsync(cancellationToken).AsTask();
                }

                if (ticksReady.IsCompleted)
                {
                    await ticksReady;
                    ticksReady = ticks.WaitToReadAsync(cancellationToken).AsTask();
                }

                await Task.WhenAny(commandsReady, ticksReady);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _running = false;
            _ticks = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the kernel's loop and returns its result. Cancelling
    /// stops the waiting, not the command: once queued, it runs.
    /// </summary>
    public Task<T> InvokeAsync<T>(Func<KernelCore, T> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);

        // The loop is waiting (or about to be) and nothing is queued before this command: run it here.
        if (_running && !_commands.Reader.TryPeek(out _) && TryClaimSoon())
        {
            try
            {
                return Task.FromResult(action(Core));
            }
            catch (Exception ex)
            {
                return Task.FromException<T>(ex);
            }
            finally
            {
                Volatile.Write(ref _claim, 0);
            }
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _commands.Writer.TryWrite(() =>
        {
            try
            {
                completion.TrySetResult(action(Core));
            }
            catch (Exception ex)
            {
                completion.TrySetException(ex);
            }
        });
        return completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Claims the core if it is free now or within a few tens of microseconds (the loop's round of
    /// ticks, a fill being applied): waiting that long costs less than the two thread hops of the queue.
    /// </summary>
    private bool TryClaimSoon()
    {
        if (Interlocked.CompareExchange(ref _claim, 1, 0) == 0)
        {
            return true;
        }

        var deadline = Stopwatch.GetTimestamp() + ClaimWaitTicks;
        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (Volatile.Read(ref _claim) == 0 && Interlocked.CompareExchange(ref _claim, 1, 0) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Waits out an inline command (a few microseconds) before the loop runs the core.</summary>
    private void Claim()
    {
        var spinner = default(SpinWait);
        while (Interlocked.CompareExchange(ref _claim, 1, 0) != 0)
        {
            spinner.SpinOnce();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading kernel started")]
    private static partial void LogStarted(ILogger logger);
}
