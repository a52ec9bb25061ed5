using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests;

/// <summary>
/// A trader's day on the pages: start a live session, trade (a round trip through the same server
/// command the order ticket uses), stop with the final report, then find the trade, its
/// statistics and the equity curve in the journal and write a note on it.
/// </summary>
public sealed class JournalAndSessionTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" });

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_session_reports_the_trade_made_during_it_and_the_journal_shows_the_round_trip_and_its_statistics()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        await dashboard.SignInAsync();
        var page = dashboard.Page;

        await page.ClickAsync("nav a[href=\"/session\"]");
        await page.Locator("#session-state[data-ready=\"true\"][data-live=\"false\"]").WaitForAsync();
        await page.FillAsync("#session-instrument-search", "RELIANCE");
        await page.Locator("#session-instrument-search-results li[data-symbol=\"RELIANCE-EQ\"]").ClickAsync();
        await page.Locator("#session-instruments li.kb-chip[data-symbol=\"RELIANCE-EQ\"]").WaitForAsync();
        await page.ClickAsync("#session-start");
        await page.Locator("#session-start-confirm:has-text(\"Instruments watched: RELIANCE-EQ\")").WaitForAsync();
        await page.ClickAsync("#session-start-confirm-confirm");
        await page.Locator("#session-state[data-live=\"true\"]").WaitForAsync();
        Assert.Contains("Started by admin at", await page.Locator("#session-started").InnerTextAsync(), StringComparison.Ordinal);

        var (entry, exit) = await PaperTrading.RoundTripAsync(_app, PaperTrading.Admin, PaperTrading.Reliance, 2, _timeout.Token);
        var pnl = (exit.AveragePrice!.Value - entry.AveragePrice!.Value) * 2;

        await page.CheckAsync("#session-cancel-working");
        await page.ClickAsync("#session-stop");
        await page.Locator("#session-stop-confirm:has-text(\"working order(s) are cancelled\")").WaitForAsync();
        await page.ClickAsync("#session-stop-confirm-confirm");
        await page.Locator("#session-state[data-live=\"false\"]").WaitForAsync();
        var report = page.Locator("#session-report[data-trades=\"1\"][data-orders=\"2\"]");
        await report.WaitForAsync();
        Assert.Equal("1", await Figure(page, "#report-journal", "stat-trades"));
        Assert.Equal(DeskText.Pnl(pnl), await Figure(page, "#report-journal", "stat-total-pnl"));
        Assert.Equal("2", await Figure(page, "#report-execution", "report-orders"));
        Assert.Equal("2", await Figure(page, "#report-execution", "report-filled"));
        Assert.Equal("0", await Figure(page, "#report-execution", "report-pending"));
        Assert.Equal("Armed", await Figure(page, "#report-risk", "report-kill-switch"));
        Assert.Equal("0", await Figure(page, "#report-risk", "report-open-positions"));
        await page.Locator("#report-reconciliation-ok").WaitForAsync();
        await StrategyPagesTests.Screenshot(page, "session-report.png");

        await page.ClickAsync("nav a[href=\"/journal\"]");
        var row = page.Locator($"#round-trips tr[data-trip=\"{entry.Id}\"]");
        await row.WaitForAsync();
        var rowText = await row.InnerTextAsync();
        Assert.Contains("RELIANCE-EQ", rowText, StringComparison.Ordinal);
        Assert.Contains("Long", rowText, StringComparison.Ordinal);
        Assert.Equal(DeskText.Pnl(pnl), (await row.Locator(".kb-trip-pnl").InnerTextAsync()).Trim());
        Assert.Equal("1", await Figure(page, "#journal-stats", "stat-trades"));
        Assert.Equal(pnl > 0 ? "1" : "0", await Figure(page, "#journal-stats", "stat-wins"));
        Assert.Equal(pnl < 0 ? "1" : "0", await Figure(page, "#journal-stats", "stat-losses"));
        Assert.Equal(DeskText.Pnl(pnl), await Figure(page, "#journal-stats", "stat-total-pnl"));
        Assert.Equal(DeskText.Pnl(pnl), await Figure(page, "#journal-stats", "stat-expectancy"));
        Assert.Equal("1", await page.Locator("#journal-by-day tbody tr").First.GetAttributeAsync("data-trades"));
        // The curve is drawn: zero at the entry (unless it traded in the same second as the exit), the trade's P&L at the exit.
        await page.WaitForFunctionAsync("() => { const c = document.querySelector('#equity-curve'); return c && Number(c.dataset.points) >= 1 && c.querySelector('canvas'); }");
        Assert.Contains("/journal/export.csv?from=", await page.Locator("#journal-export").GetAttributeAsync("href"), StringComparison.Ordinal);

        // A note saved with Enter is there after a reload.
        var note = row.Locator("input.kb-trip-note");
        await note.FillAsync("Took profit too early");
        await note.PressAsync("Enter");
        await row.Locator(".kb-note-saved").WaitForAsync();
        await page.ReloadAsync();
        await page.Locator($"#round-trips tr[data-trip=\"{entry.Id}\"] input.kb-trip-note").WaitForAsync();
        Assert.Equal("Took profit too early", await page.Locator($"#round-trips tr[data-trip=\"{entry.Id}\"] input.kb-trip-note").InputValueAsync());
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#equity-curve')?.dataset.points) >= 1");
        await StrategyPagesTests.Screenshot(page, "journal.png");

        // On a phone the journal and the session page stay within the screen.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/journal", "/session" })
        {
            await page.GotoAsync(new Uri(_app.BaseAddress, path).ToString());
            await page.Locator("h1").WaitForAsync();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1] + 1, $"{path} is {widths[0]} px wide on a {widths[1]} px screen.");
        }

        await StrategyPagesTests.Screenshot(page, "session-phone.png");
        await context.CloseAsync();
    }

    private static async Task<string> Figure(IPage page, string container, string testId) =>
        (await page.Locator($"{container} [data-testid=\"{testId}\"] dd").InnerTextAsync()).Trim();
}
