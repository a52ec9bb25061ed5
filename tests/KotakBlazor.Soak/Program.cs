using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using KotakBlazor.Soak;

// Memory soak: the Release-built app as its own process, N signed-in dashboards in Chromium, and the
// app's RSS sampled for M minutes. Build the app first: dotnet build -c Release src/KotakBlazor.Web
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(SoakOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    Console.WriteLine($"app: {options.AppHost}");
    await using var app = await AppProcess.StartAsync(options.AppHost, stop.Token);
    Console.WriteLine($"app: pid {app.ProcessId} at {app.BaseAddress}, healthy, static assets served");
    await using var dashboards = await Dashboards.OpenAsync(options.ChromiumPath, app.BaseAddress, app.AdminPassword, options.Dashboards, stop.Token);

    var samples = new List<MemorySample>();
    var clock = Stopwatch.StartNew();
    var uptimeAtStart = (DateTime.Now - app.StartTime).TotalMinutes;
    for (var i = 0; ; i++)
    {
        var due = options.Interval * i;
        if (due > options.Duration + TimeSpan.FromSeconds(1))
        {
            break;
        }

        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, stop.Token);
        }

        var minutes = clock.Elapsed.TotalMinutes;
        var (rss, _) = app.ReadMemory();
        var live = await dashboards.CountLiveAsync();
        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        samples.Add(new MemorySample(minutes, rss / 1048576.0, live, load));
        Console.WriteLine($"{DateTime.Now:HH:mm:ss}  t={minutes,5:F1} min  RSS {rss / 1048576.0,6:F1} MB  pages live {live}/{dashboards.Count}  load {load:F2}");
    }

    var (_, peak) = app.ReadMemory();
    var report = new SoakReport(options, samples, peak / 1048576.0, uptimeAtStart, app.LoggedProblems);
    Console.WriteLine();
    Console.WriteLine(report.ToMarkdown());
    if (options.OutFile is not null)
    {
        await report.WriteJsonAsync(options.OutFile);
        Console.WriteLine($"written: {Path.GetFullPath(options.OutFile)}");
    }

    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted; the app and the browser were stopped.");
    return 130;
}
catch (SoakException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
