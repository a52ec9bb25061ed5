using System.Globalization;
using System.Text;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.MarketData.Recording;

/// <summary>
/// Writes every accepted tick to <c>ticks-yyyy-MM-dd.csv</c> in a folder, one file per IST date of
/// the ticks' exchange time, in the tick format that <see cref="TickCsvReader"/> and the
/// <c>kotakblazor backtest</c> command read: any recorded day can be replayed.
/// </summary>
/// <remarks>
/// It reads its own bounded queue on the tick bus, so a slow disk loses ticks (counted in
/// <see cref="Dropped"/>) rather than slowing ingestion. Rows are buffered and flushed at most
/// every <see cref="FlushInterval"/>, and when the recorder stops. A file that exists already is
/// appended to (after a restart the same day) without a second header.
/// </remarks>
public sealed partial class TickRecorder : IDisposable
{
    /// <summary>Ticks the recorder can fall behind by before the oldest are dropped.</summary>
    public const int QueueCapacity = 65_536;

    /// <summary>The longest a written tick waits in memory before it is flushed to the file.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private const int BatchSize = 1024;

    private readonly TickQueueSubscription _subscription;
    private readonly IInstrumentCatalog _instruments;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TickRecorder> _logger;
    private long _written;
    private long _skipped;
    private long _lost;
    private int _started;

    /// <summary>Creates the recorder and subscribes at once, so ticks published before <see cref="RunAsync"/> starts are kept.</summary>
    public TickRecorder(TickBus bus, IInstrumentCatalog instruments, string folder, TimeProvider timeProvider, ILogger<TickRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _instruments = instruments;
        _timeProvider = timeProvider;
        _logger = logger;
        Folder = Path.GetFullPath(folder);
        _subscription = bus.SubscribeQueue(QueueCapacity);
    }

    /// <summary>The folder the files go to.</summary>
    public string Folder { get; }

    /// <summary>Ticks written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Ticks not written because the catalog does not know their instrument.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Ticks lost because the disk failed (the file is reopened for the next batch).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Ticks dropped because the recorder fell a whole queue behind.</summary>
    public long Dropped => _subscription.Dropped;

    /// <summary>The file name for an IST date: <c>ticks-2026-11-23.csv</c>.</summary>
    public static string FileName(DateOnly istDate) => string.Create(CultureInfo.InvariantCulture, $"ticks-{istDate:yyyy-MM-dd}.csv");

    /// <summary>
    /// Records until cancelled; then writes what is still queued, flushes, closes the file and
    /// unsubscribes. Runs once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The recorder runs already.");
        }

        Directory.CreateDirectory(Folder);
        LogStarted(_logger, Folder);
        var batch = new Tick[BatchSize];
        DayFile? file = null;
        var lastFlush = _timeProvider.GetTimestamp();
        var dirty = false;
        Task<bool>? waiting = null;
        try
        {
            while (true)
            {
                waiting ??= _subscription.WaitToReadAsync(cancellationToken).AsTask();
                if (dirty && !waiting.IsCompleted && !await TicksArriveBeforeFlushDueAsync(waiting, lastFlush, cancellationToken))
                {
                    file = await FlushAsync(file);
                    dirty = false;
                    lastFlush = _timeProvider.GetTimestamp();
                    continue;
                }

                bool more;
                try
                {
                    more = await waiting;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                waiting = null;
                if (!more)
                {
                    break;
                }

                file = await WriteQueuedAsync(batch, file);
                dirty = true;
                if (_timeProvider.GetElapsedTime(lastFlush) >= FlushInterval)
                {
                    file = await FlushAsync(file);
                    dirty = false;
                    lastFlush = _timeProvider.GetTimestamp();
                }
            }

            // Stopping: what was accepted before the stop still reaches the disk.
            _subscription.Dispose();
            file = await WriteQueuedAsync(batch, file);
        }
        finally
        {
            _subscription.Dispose();
            if (file is not null)
            {
                await CloseAsync(file);
            }

            LogStopped(_logger, Written, Skipped, Dropped, Lost);
        }
    }

    /// <summary>Unsubscribes; for a recorder that never ran (RunAsync unsubscribes when it ends).</summary>
    public void Dispose() => _subscription.Dispose();

    private async Task<bool> TicksArriveBeforeFlushDueAsync(Task<bool> waiting, long lastFlush, CancellationToken cancellationToken)
    {
        var due = FlushInterval - _timeProvider.GetElapsedTime(lastFlush);
        if (due <= TimeSpan.Zero)
        {
            return false;
        }

        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(due, _timeProvider, stopDelay.Token);
        var first = await Task.WhenAny(waiting, delay);
        await stopDelay.CancelAsync();
        return first == waiting || cancellationToken.IsCancellationRequested;
    }

    private async Task<DayFile?> WriteQueuedAsync(Tick[] batch, DayFile? file)
    {
        int count;
        while ((count = _subscription.Drain(batch)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                var date = IndianMarketTime.IstDate(batch[i].ExchangeTime);
                try
                {
                    if (file is null || file.Date != date)
                    {
                        if (file is not null)
                        {
                            await CloseAsync(file);
                        }

                        file = await DayFile.OpenAsync(Path.Combine(Folder, FileName(date)), date, _instruments);
                        LogFileOpened(_logger, file.Path);
                    }

                    if (file.Writer.TryWrite(in batch[i]))
                    {
                        Interlocked.Increment(ref _written);
                    }
                    else
                    {
                        Interlocked.Increment(ref _skipped);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Interlocked.Increment(ref _lost);
                    LogWriteFailed(_logger, ex, Path.Combine(Folder, FileName(date)));
                    file = await AbandonAsync(file);
                }
            }
        }

        return file;
    }

    private async Task<DayFile?> FlushAsync(DayFile? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            // Not the run's token: a flush that has begun finishes, or rows are half written.
            await file.Text.FlushAsync(CancellationToken.None);
            return file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_logger, ex, file.Path);
            return await AbandonAsync(file);
        }
    }

    private async Task CloseAsync(DayFile file)
    {
        try
        {
            await file.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_logger, ex, file.Path);
        }
    }

    private static async Task<DayFile?> AbandonAsync(DayFile? file)
    {
        if (file is not null)
        {
            try
            {
                await file.DisposeAsync();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Already reported; the next batch opens the file afresh.
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording ticks to {Folder}")]
    private static partial void LogStarted(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording ticks in {Path}")]
    private static partial void LogFileOpened(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write recorded ticks to {Path}; the file will be reopened")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick recording stopped: {Written} written, {Skipped} of unknown instruments, {Dropped} dropped, {Lost} lost to disk errors")]
    private static partial void LogStopped(ILogger logger, long written, long skipped, long dropped, long lost);

    private sealed class DayFile(string path, DateOnly date, StreamWriter text, TickCsvWriter writer) : IAsyncDisposable
    {
        public string Path { get; } = path;

        public DateOnly Date { get; } = date;

        public StreamWriter Text { get; } = text;

        public TickCsvWriter Writer { get; } = writer;

        public static async Task<DayFile> OpenAsync(string path, DateOnly date, IInstrumentCatalog instruments)
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.Asynchronous);
            try
            {
                // A crash can leave half a row at the end: start on a fresh line so only that row is bad.
                var endsMidLine = false;
                if (stream.Length > 0)
                {
                    stream.Seek(-1, SeekOrigin.End);
                    var last = new byte[1];
                    endsMidLine = await stream.ReadAsync(last) == 1 && last[0] != (byte)'\n';
                }

                stream.Seek(0, SeekOrigin.End);
                var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
                var writer = new TickCsvWriter(text, instruments);
                if (stream.Length == 0)
                {
                    writer.WriteHeader();
                }
                else if (endsMidLine)
                {
                    text.Write('\n');
                }

                return new DayFile(path, date, text, writer);
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => Text.DisposeAsync();
    }
}
