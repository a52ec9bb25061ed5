using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// The built web app (the apphost copied beside these tests) as a child process on a free loopback port, so a
/// test can kill it as a power cut would: no shutdown hooks, no flushing, sockets cut. Its console lines are
/// read as events (a test awaits "Trading ready", never a timer).
/// </summary>
internal sealed class AppChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private AppChildProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static AppChildProcess Start(string dataFolder, IDictionary<string, string> settings)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "KotakBlazor.Web");
        Assert.True(File.Exists(appHost), $"The web app's apphost is not beside the tests at {appHost}.");
        var port = FreePort();
        var start = new ProcessStartInfo(appHost)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new Dictionary<string, string>(settings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["environment"] = "Production",
            ["Data:Folder"] = dataFolder,
            ["Bootstrap:AdminPassword"] = LoopbackApp.AdminPassword,
        };
        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {appHost}.");
        var child = new AppChildProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => child.Take(e.Data);
        process.ErrorDataReceived += (_, e) => child.Take(e.Data);
        process.Exited += (_, _) => child._lines.Writer.TryComplete();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a console line containing <paramref name="text"/> (lines already printed count).</summary>
    public async Task<string> LineAsync(string text, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            if (_seen.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } earlier)
            {
                return earlier;
            }
        }

        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cancellationToken))
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app never printed '{text}'. Its output:{Environment.NewLine}{Output()}");
        }

        throw new InvalidOperationException($"The app exited without printing '{text}'. Its output:{Environment.NewLine}{Output()}");
    }

    /// <summary>Kills the process outright (SIGKILL) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public string Output()
    {
        lock (_seen)
        {
            return string.Join(Environment.NewLine, _seen.TakeLast(60));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_seen)
        {
            _seen.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
