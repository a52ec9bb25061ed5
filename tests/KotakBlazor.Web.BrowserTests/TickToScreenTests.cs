using System.Globalization;
using System.Text.Json;
using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Xunit.Abstractions;

namespace KotakBlazor.Web.BrowserTests;

/// <summary>
/// Measures (and reports; never asserts a time limit) the delay from a tick's creation to the
/// moment the watchlist shows it. Each row carries its tick's creation time; a MutationObserver
/// in the page records when the row changes.
/// </summary>
public sealed class TickToScreenTests(BrowserSession browser, ITestOutputHelper output) : IClassFixture<BrowserSession>
{
    private const int Samples = 300;

    [Fact]
    public async Task Tick_to_screen_delay_is_measured_and_reported()
    {
        await using var app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Simulator:TickInterval"] = "00:00:00.250" });
        var dashboard = new DashboardPage(await browser.Browser.NewPageAsync(), app);
        await dashboard.SignInAsync();
        var page = dashboard.Page;

        await page.EvaluateAsync("""
            () => {
              window.__delays = [];
              const body = document.querySelector('table.kb-watchlist[data-live="true"] tbody');
              new MutationObserver(records => {
                const now = Date.now();
                for (const r of records) {
                  if (r.attributeName === 'data-tick-ms') window.__delays.push(now - Number(r.target.dataset.tickMs));
                }
              }).observe(body, { attributes: true, subtree: true, attributeFilter: ['data-tick-ms'] });
            }
            """);
        await page.WaitForFunctionAsync($"() => window.__delays.length >= {Samples}", null, new() { Timeout = 60_000 });
        var delays = (await page.EvaluateAsync<double[]>("() => window.__delays")).Order().ToArray();

        Assert.All(delays, d => Assert.True(d >= -5, $"A delay of {d} ms means the clocks disagree."));
        var p50 = Percentile(delays, 0.50);
        var p95 = Percentile(delays, 0.95);
        var report = string.Create(CultureInfo.InvariantCulture, $"tick-to-screen over {delays.Length} updates: p50 {p50:0} ms, p95 {p95:0} ms, max {delays[^1]:0} ms");
        output.WriteLine(report);
        var folder = Path.Combine(AppContext.BaseDirectory, "benchmark-results");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "tick-to-screen.json"), JsonSerializer.Serialize(new { samples = delays.Length, p50, p95, max = delays[^1] }));
        await page.CloseAsync();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
