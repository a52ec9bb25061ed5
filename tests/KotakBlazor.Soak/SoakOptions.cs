namespace KotakBlazor.Soak;

/// <summary>Command-line options: <c>--minutes 30 --dashboards 10 --interval 30 --out results.json --app path</c>.</summary>
public sealed record SoakOptions(double Minutes, int Dashboards, double IntervalSeconds, string? OutFile, string AppHost, string ChromiumPath)
{
    public const string Usage =
        "usage: KotakBlazor.Soak [--minutes 30] [--dashboards 10] [--interval 30] [--out results.json] " +
        "[--app src/KotakBlazor.Web/bin/Release/net9.0/linux-x64/KotakBlazor.Web] [--chromium /usr/bin/chromium]";

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with the reason when they are wrong.</summary>
    public static SoakOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var known = new[] { "minutes", "dashboards", "interval", "out", "app", "chromium" };
        var unknown = values.Keys.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }

        var options = new SoakOptions(
            Minutes: Number(values, "minutes", 30),
            Dashboards: (int)Number(values, "dashboards", 10),
            IntervalSeconds: Number(values, "interval", 30),
            OutFile: values.GetValueOrDefault("out"),
            AppHost: Path.GetFullPath(values.GetValueOrDefault("app") ?? DefaultAppHost()),
            ChromiumPath: values.GetValueOrDefault("chromium") ?? Environment.GetEnvironmentVariable("KOTAKBLAZOR_CHROMIUM") ?? "/usr/bin/chromium");
        if (options.Minutes <= 0 || options.Dashboards < 1 || options.IntervalSeconds < 1 || options.Interval * 2 > options.Duration)
        {
            throw new ArgumentException("Need --minutes > 0, --dashboards >= 1 and 1 <= --interval (seconds) <= half the run (three samples at least).");
        }

        return options;
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} needs a number, got '{text}'.");
    }

    // The repository root is the first folder above this harness's output that holds KotakBlazor.sln.
    private static string DefaultAppHost()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KotakBlazor.sln")))
            {
                return Path.Combine(dir.FullName, "src", "KotakBlazor.Web", "bin", "Release", "net9.0", "linux-x64", "KotakBlazor.Web");
            }
        }

        throw new ArgumentException($"No KotakBlazor.sln above {AppContext.BaseDirectory}; pass --app with the web app's apphost.");
    }
}
