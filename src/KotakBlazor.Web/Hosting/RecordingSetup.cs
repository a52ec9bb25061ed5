using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Infrastructure.MarketData.Recording;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// Opt-in recording of every accepted tick to <c>&lt;data&gt;/&lt;Recording:Folder&gt;/ticks-&lt;date&gt;.csv</c>,
/// in the format the backtest CLI replays (docs/backtest.md).
/// </summary>
public static class RecordingSetup
{
    public static void AddKotakTickRecording(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TickRecordingOptions.SectionName).Get<TickRecordingOptions>() ?? new TickRecordingOptions();
        if (!options.Enabled)
        {
            return;
        }

        var folder = Path.Combine(DataFolder.Resolve(builder.Configuration), options.Folder);
        builder.Services.AddSingleton(provider => new TickRecorder(
            provider.GetRequiredService<TickBus>(),
            provider.GetRequiredService<IInstrumentCatalog>(),
            folder,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TickRecorder>>()));

        // Registered before the market-data service, so the recorder subscribes before the first tick.
        builder.Services.AddHostedService<TickRecordingService>();
    }

    private sealed class TickRecordingService(TickRecorder recorder) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => recorder.RunAsync(stoppingToken);
    }
}
