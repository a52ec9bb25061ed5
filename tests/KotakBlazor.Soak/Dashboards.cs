using Microsoft.Playwright;

namespace KotakBlazor.Soak;

/// <summary>
/// Debian's Chromium under Playwright with N dashboards, each in its own browser context (its own
/// cookies, so its own sign-in and Blazor circuit), all signed in as admin.
/// </summary>
public sealed class Dashboards : IAsyncDisposable
{
    // The NIFTY 50 price, only while the watchlist is interactive (the circuit marks it live).
    private const string LiveNiftyPrice =
        "() => { const t = document.querySelector('table.kb-watchlist[data-live=\"true\"]');" +
        " const c = t && t.querySelector('tr[data-symbol=\"Nifty 50\"] .kb-ltp'); return c ? c.textContent.trim() : null; }";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages = [];
    private readonly Dictionary<IPage, string?> _lastPrice = [];

    private Dashboards(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public int Count => _pages.Count;

    public static async Task<Dashboards> OpenAsync(string chromiumPath, Uri baseAddress, string adminPassword, int count, CancellationToken cancellationToken)
    {
        if (!File.Exists(chromiumPath))
        {
            throw new SoakException($"Chromium is not installed at {chromiumPath}. The soak drives Debian's chromium: 'apt-get install chromium' (or pass --chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
        }
        catch
        {
            playwright.Dispose();
            throw;
        }

        var dashboards = new Dashboards(playwright, browser);
        try
        {
            for (var i = 1; i <= count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await dashboards.SignInAsync(baseAddress, adminPassword);
                Console.WriteLine($"dashboard {i}/{count} live");
            }
        }
        catch
        {
            await dashboards.DisposeAsync();
            throw;
        }

        return dashboards;
    }

    /// <summary>How many dashboards show a live watchlist whose NIFTY 50 price changed since the last call.</summary>
    public async Task<int> CountLiveAsync()
    {
        var live = 0;
        foreach (var page in _pages)
        {
            string? price;
            try
            {
                price = await page.EvaluateAsync<string?>(LiveNiftyPrice).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                price = null;
            }

            if (price is not null && price != _lastPrice[page])
            {
                live++;
            }

            _lastPrice[page] = price;
        }

        return live;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task SignInAsync(Uri baseAddress, string adminPassword)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        // Ten circuits starting on two shared cores can be slow; a minute per step is still a bound.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", adminPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(baseAddress.ToString());
        await page.Locator("table.kb-watchlist[data-live=\"true\"]").WaitForAsync();
        await page.Locator("tr[data-symbol=\"Nifty 50\"] .kb-ltp").WaitForAsync();
        _pages.Add(page);
        _lastPrice[page] = await page.EvaluateAsync<string?>(LiveNiftyPrice);
    }
}
