using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KotakBlazor.Web.Health;

/// <summary>
/// Each feed's state and last-tick age. Stale or disconnected while the market is open is unhealthy;
/// the market hours know the exchange's holidays (and that the round-the-clock simulator never closes).
/// </summary>
internal sealed class FeedHealthCheck(TickPipeline pipeline, IMarketHours marketHours, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var marketOpen = marketHours.IsOpen(now);
        var data = new Dictionary<string, object>();
        var unhealthy = new List<string>();
        foreach (var feed in pipeline.Feeds)
        {
            var status = feed.GetStatus(now, marketOpen);
            data[feed.Name] = new
            {
                status = status.ToString(),
                connected = feed.IsConnected,
                lastTickAgeSeconds = feed.LastTickAt is { } last ? Math.Round((now - last).TotalSeconds, 2) : (double?)null,
                reconnects = feed.ReconnectCount,
                lastError = feed.LastError,
            };
            if (status is FeedStatus.Stale or FeedStatus.Disconnected)
            {
                unhealthy.Add($"{feed.Name} is {status}");
            }
        }

        if (pipeline.Feeds.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No market-data feed is running.", data: data));
        }

        return Task.FromResult(unhealthy.Count == 0
            ? HealthCheckResult.Healthy($"{pipeline.Feeds.Count} feed(s) healthy.", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", unhealthy), data: data));
    }
}
