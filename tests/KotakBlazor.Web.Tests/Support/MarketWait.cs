using KotakBlazor.Core.MarketData.Bus;

namespace KotakBlazor.Web.Tests.Support;

/// <summary>Waits for the simulated market by awaiting the tick bus, never by sleeping.</summary>
public static class MarketWait
{
    public static async Task UntilTicksFlowAsync(LoopbackApp app, int ticks = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = app.Services.GetRequiredService<TickBus>().SubscribeQueue(1024);
        var seen = 0;
        while (seen < ticks && await watch.WaitToReadAsync(timeout.Token))
        {
            while (watch.TryRead(out _))
            {
                seen++;
            }
        }
    }
}
