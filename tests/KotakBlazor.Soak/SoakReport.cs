using System.Text;
using System.Text.Json;

namespace KotakBlazor.Soak;

/// <summary>
/// The samples and what they say against the goal: RSS under 400 MB, and flat over the last 20
/// minutes. "Flat" here means the least-squares slope of RSS against time over that window is under
/// 10 MB/hour (3.3 MB across 20 minutes, less than one GC cycle moves RSS). The slope's standard
/// error is reported beside it, so a verdict that rests inside the noise says so.
/// </summary>
public sealed class SoakReport
{
    public const double LimitMb = 400;
    public const double FlatMbPerHour = 10;
    public const double WindowMinutes = 20;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public SoakReport(SoakOptions options, IReadOnlyList<MemorySample> samples, double peakRssMb, double appUptimeAtStartMinutes, (int Warnings, int Errors) loggedProblems)
    {
        if (samples.Count < 3)
        {
            throw new ArgumentException("A report needs at least three samples.", nameof(samples));
        }

        Dashboards = options.Dashboards;
        IntervalSeconds = options.IntervalSeconds;
        Samples = samples;
        PeakRssMb = peakRssMb;
        AppUptimeAtStartMinutes = appUptimeAtStartMinutes;
        LoggedWarnings = loggedProblems.Warnings;
        LoggedErrors = loggedProblems.Errors;

        // Samples are due every interval but land a little late; half an interval of slack keeps
        // the sample due at the window's start (minute 10 of 30) inside it.
        var slack = options.IntervalSeconds / 60 / 2;
        var end = samples[^1].Minutes;
        var window = samples.Where(s => s.Minutes >= end - WindowMinutes - slack).ToList();
        SlopeFromMinutes = window[0].Minutes;
        (SlopeMbPerHour, SlopeStandardError) = LeastSquaresSlope(window);
        WindowMinRssMb = window.Min(s => s.RssMb);
        WindowMaxRssMb = window.Max(s => s.RssMb);
        RssAt10Min = samples.Where(s => s.Minutes >= 10 - slack).Select(s => (double?)s.RssMb).FirstOrDefault();
        RssAtEnd = samples[^1].RssMb;
        MaxRssMb = samples.Max(s => s.RssMb);
        MinPagesLive = samples.Skip(1).Min(s => s.PagesLive);
    }

    public int Dashboards { get; }

    public double IntervalSeconds { get; }

    public IReadOnlyList<MemorySample> Samples { get; }

    /// <summary>VmHWM at the end: the highest RSS the app ever had, start-up and sign-ins included.</summary>
    public double PeakRssMb { get; }

    /// <summary>How long the app had been running when minute 0 (every dashboard live) was sampled.</summary>
    public double AppUptimeAtStartMinutes { get; }

    public int LoggedWarnings { get; }

    public int LoggedErrors { get; }

    public double? RssAt10Min { get; }

    public double RssAtEnd { get; }

    public double MaxRssMb { get; }

    public double SlopeFromMinutes { get; }

    public double SlopeMbPerHour { get; }

    public double SlopeStandardError { get; }

    /// <summary>The lowest and highest RSS inside the slope's window: a step the slope averages away shows here.</summary>
    public double WindowMinRssMb { get; }

    public double WindowMaxRssMb { get; }

    /// <summary>The fewest dashboards whose price moved between two samples (the first sample excluded).</summary>
    public int MinPagesLive { get; }

    public bool UnderLimit => MaxRssMb < LimitMb;

    public bool Flat => SlopeMbPerHour < FlatMbPerHour;

    public bool VerdictWithinNoise => Math.Abs(SlopeMbPerHour - FlatMbPerHour) < 2 * SlopeStandardError;

    public bool GoalMet => UnderLimit && Flat;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| minutes | RSS MB | pages live |");
        text.AppendLine("|---:|---:|---:|");
        foreach (var sample in Samples)
        {
            text.AppendLine($"| {sample.Minutes:F1} | {sample.RssMb:F1} | {sample.PagesLive}/{Dashboards} |");
        }

        var end = Samples[^1].Minutes;
        text.AppendLine();
        text.AppendLine($"- dashboards: {Dashboards}, sampled every {IntervalSeconds:0.#} s for {end:F1} min (minute 0 = every dashboard live, {AppUptimeAtStartMinutes:F1} min after the app started)");
        text.AppendLine($"- RSS at 10 min: {(RssAt10Min is { } at10 ? $"{at10:F1} MB" : "n/a (run shorter than 10 min)")}");
        text.AppendLine($"- RSS at {end:F1} min: {RssAtEnd:F1} MB");
        text.AppendLine($"- RSS max over the samples: {MaxRssMb:F1} MB; peak RSS (VmHWM, start-up included; the kernel updates it lazily, so it can read a little under a sample): {PeakRssMb:F1} MB");
        text.AppendLine($"- slope of RSS over minutes {SlopeFromMinutes:F1}–{end:F1} (least squares): {SlopeMbPerHour:+0.0;-0.0;0.0} MB/hour (standard error {SlopeStandardError:F1}); RSS within that window {WindowMinRssMb:F1}–{WindowMaxRssMb:F1} MB");
        text.AppendLine($"- dashboards whose NIFTY 50 price moved between samples: at least {MinPagesLive} of {Dashboards} every time");
        text.AppendLine($"- app log lines: {LoggedWarnings} warning, {LoggedErrors} error");
        text.AppendLine($"- under {LimitMb:F0} MB: {YesNo(UnderLimit)}; flat (slope < {FlatMbPerHour:F0} MB/hour): {YesNo(Flat)}{(VerdictWithinNoise ? " (within two standard errors of the limit: a longer run would settle it)" : "")}");
        text.AppendLine($"- goal (under {LimitMb:F0} MB and flat over the last {WindowMinutes:F0} min): {(GoalMet ? "MET" : "NOT MET")}{(end < 30 - 1e-9 ? $" (but this run was {end:F1} min, not 30)" : "")}");
        return text.ToString();
    }

    public async Task WriteJsonAsync(string path)
    {
        var json = new
        {
            Dashboards,
            IntervalSeconds,
            Machine = new { Environment.ProcessorCount, Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
            Samples,
            Summary = new
            {
                AppUptimeAtStartMinutes,
                RssAt10Min,
                RssAtEnd,
                MaxRssMb,
                PeakRssMb,
                SlopeFromMinutes,
                SlopeMbPerHour,
                SlopeStandardError,
                WindowMinRssMb,
                WindowMaxRssMb,
                MinPagesLive,
                LoggedWarnings,
                LoggedErrors,
                LimitMb,
                FlatMbPerHour,
                UnderLimit,
                Flat,
                VerdictWithinNoise,
                GoalMet,
            },
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(json, Json));
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    // Ordinary least squares of RSS (MB) on time (hours); the standard error assumes independent
    // residuals, which GC sawtooth is not, so read it as a lower bound on the noise.
    private static (double Slope, double StandardError) LeastSquaresSlope(IReadOnlyList<MemorySample> samples)
    {
        var hours = samples.Select(s => s.Minutes / 60).ToList();
        var meanX = hours.Average();
        var meanY = samples.Average(s => s.RssMb);
        var sxx = hours.Sum(x => (x - meanX) * (x - meanX));
        var sxy = samples.Select((s, i) => (hours[i] - meanX) * (s.RssMb - meanY)).Sum();
        var slope = sxy / sxx;
        var residuals = samples.Select((s, i) => s.RssMb - (meanY + (slope * (hours[i] - meanX)))).Sum(r => r * r);
        var standardError = samples.Count > 2 ? Math.Sqrt(residuals / (samples.Count - 2) / sxx) : double.NaN;
        return (slope, standardError);
    }
}
