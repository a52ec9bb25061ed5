using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace KotakBlazor.Soak;

/// <summary>
/// The Release-built web app as a separate process on a free loopback port, with a fresh data
/// folder and a random admin password; its memory is read from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 40;

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly Queue<string> _lastOutput = new();
    private int _warningLines;
    private int _errorLines;

    private AppProcess(Process process, string dataFolder, Uri baseAddress, string adminPassword)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
        AdminPassword = adminPassword;
    }

    public Uri BaseAddress { get; }

    public string AdminPassword { get; }

    public int ProcessId => _process.Id;

    public DateTime StartTime => _process.StartTime;

    /// <summary>Lines the app logged at warning level (<c>WRN</c>) and at error level or above (<c>ERR</c>, <c>FTL</c>).</summary>
    public (int Warnings, int Errors) LoggedProblems => (_warningLines, _errorLines);

    public static async Task<AppProcess> StartAsync(string appHost, CancellationToken cancellationToken)
    {
        if (!File.Exists(appHost))
        {
            throw new SoakException($"The web app is not built at {appHost}. Build it first: dotnet build -c Release src/KotakBlazor.Web");
        }

        var dataFolder = Directory.CreateTempSubdirectory("kotakblazor-soak-").FullName;
        var port = FreePort();
        var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        var start = new ProcessStartInfo(appHost)
        {
            WorkingDirectory = ContentRoot(appHost),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"--urls=http://127.0.0.1:{port}", $"--Data:Folder={dataFolder}", $"--Bootstrap:AdminPassword={password}", "--environment=Production" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new SoakException($"Could not start {appHost}.");
        var app = new AppProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}/"), password);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(cancellationToken);
            await app.CheckStaticAssetsAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>VmRSS and VmHWM (peak RSS) from /proc, in bytes.</summary>
    public (long Rss, long PeakRss) ReadMemory()
    {
        if (_process.HasExited)
        {
            throw new SoakException($"The web app exited with code {_process.ExitCode}. Its last output:{Environment.NewLine}{LastOutput()}");
        }

        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
        }

        return (rss, peak);
    }

    public string LastOutput()
    {
        lock (_lastOutput)
        {
            return string.Join(Environment.NewLine, _lastOutput);
        }
    }

    /// <summary>SIGTERM, up to 15 s for a clean shutdown, then kill; then the data folder goes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("The web app did not stop within 15 s of SIGTERM; killing it.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {_dataFolder}: {ex.Message}");
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        const int attempts = 120;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (_process.HasExited)
            {
                throw new SoakException($"The web app exited during start-up with code {_process.ExitCode}. Its output:{Environment.NewLine}{LastOutput()}");
            }

            try
            {
                using var response = await http.GetAsync("healthz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out; try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new SoakException($"/healthz did not answer 200 after {attempts} attempts. The app's output:{Environment.NewLine}{LastOutput()}");
    }

    // The login page's stylesheets and scripts (the app's own, Radzen's, blazor.web.js) must all be served:
    // that proves the content root and the static web assets manifest were found.
    private async Task CheckStaticAssetsAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.GetStringAsync("account/login", cancellationToken);
        var assets = AssetPattern().Matches(login).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (assets.Count == 0)
        {
            throw new SoakException("The login page links no stylesheet or script; is this the KotakBlazor app?");
        }

        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset.TrimStart('/'), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new SoakException($"Static asset {asset} answered {(int)response.StatusCode}: is the working directory the web project's folder?");
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains(" WRN]", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warningLines);
        }
        else if (line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }

        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            if (_lastOutput.Count > OutputLinesKept)
            {
                _lastOutput.Dequeue();
            }
        }
    }

    // bin/Release/net9.0/linux-x64/KotakBlazor.Web runs from its project folder (appsettings.json, wwwroot);
    // a publish folder holds both beside the apphost.
    private static string ContentRoot(string appHost)
    {
        var appDir = Path.GetDirectoryName(appHost)!;
        for (var dir = new DirectoryInfo(appDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KotakBlazor.Web.csproj")))
            {
                return dir.FullName;
            }
        }

        return appDir;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static long Kilobytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("(?:href|src)=\"([^\":]+\\.(?:css|js))\"")]
    private static partial Regex AssetPattern();
}
