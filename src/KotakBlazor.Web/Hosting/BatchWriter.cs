using System.Threading.Channels;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// Drains a queue in batches and stores each batch, so many small events become few
/// transactions. A failed write is logged and retried with backoff; the batch is kept, not
/// dropped, because signals and bars are records people rely on.
/// </summary>
internal abstract class BatchWriter<T>(ILogger logger) : BackgroundService
{
    private const int MaxBatch = 1000;

    protected abstract ChannelReader<T> Open();

    protected abstract Task WriteAsync(IReadOnlyCollection<T> batch, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = Open();
        var batch = new List<T>(MaxBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await WriteWithRetryAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was read is written once more without the token.
            while (reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch, CancellationToken.None);
            }
        }
    }

    private async Task WriteWithRetryAsync(List<T> batch, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await WriteAsync(batch, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Storing {Count} {Type} failed; retrying in {Delay}", batch.Count, typeof(T).Name, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
