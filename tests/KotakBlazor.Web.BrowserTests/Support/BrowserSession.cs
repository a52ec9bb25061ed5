using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Support;

/// <summary>
/// Debian's Chromium under Playwright. Playwright cannot download its own browser here, so a
/// missing Chromium fails the run with what to install rather than skipping the tests.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("KOTAKBLAZOR_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. The browser tests need Debian's chromium: run ./test.sh (it installs it) or 'apt-get install chromium'.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking flags Chromium floods the closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
