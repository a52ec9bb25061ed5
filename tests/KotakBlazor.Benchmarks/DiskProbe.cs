using System.Diagnostics;
using System.Globalization;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// What one durable write costs on the disk under a folder: a 4 KB append followed by an fsync
/// (<see cref="FileStream.Flush(bool)"/> with true), the unit a SQLite commit in WAL mode with
/// synchronous=FULL pays at least once.
/// </summary>
internal static class DiskProbe
{
    private const int Writes = 200;

    public static string Describe(string folder)
    {
        var path = Path.Combine(folder, $"kotakblazor-fsync-{Guid.NewGuid():N}.tmp");
        var block = new byte[4096];
        var sample = new LatencySample(Writes);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            for (var i = 0; i < Writes; i++)
            {
                var start = Stopwatch.GetTimestamp();
                file.Write(block);
                file.Flush(flushToDisk: true);
                sample.Add(Stopwatch.GetTimestamp() - start);
            }
        }
        finally
        {
            File.Delete(path);
        }

        var s = sample.Summarise();
        return string.Create(CultureInfo.InvariantCulture,
            $"disk: {Writes} x (4 KB append + fsync) in {folder}: p50 {LatencySample.Summary.Ms(s.Micros(0.5))} ms, p99 {LatencySample.Summary.Ms(s.Micros(0.99))} ms, max {LatencySample.Summary.Ms(s.MaxMicros)} ms");
    }
}
