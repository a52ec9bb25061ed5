using System.Diagnostics;
using System.Globalization;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// What a durable write costs on the disk under a folder, two ways: 4 KB written over a
/// preallocated file then fsync (<see cref="FileStream.Flush(bool)"/> with true): what a SQLite
/// commit in WAL mode with synchronous=FULL pays once the WAL file has reached its size and is
/// being reused; and 4 KB appended then fsync, which also commits the file's new size to the
/// file system's journal (a growing WAL). Other processes' disk traffic moves both a lot on a
/// shared machine, so the scenarios print them next to their results.
/// </summary>
internal static class DiskProbe
{
    private const int Writes = 200;
    private const int BlockSize = 4096;

    public static string Describe(string folder)
    {
        var overwrite = Measure(folder, preallocate: true);
        var append = Measure(folder, preallocate: false);
        return string.Create(CultureInfo.InvariantCulture,
            $"disk ({folder}), {Writes} x 4 KB + fsync: overwrite p50 {Ms(overwrite, 0.5)} ms, p99 {Ms(overwrite, 0.99)} ms; append p50 {Ms(append, 0.5)} ms, p99 {Ms(append, 0.99)} ms");
    }

    private static string Ms(LatencySample.Summary s, double p) => LatencySample.Summary.Ms(s.Micros(p));

    private static LatencySample.Summary Measure(string folder, bool preallocate)
    {
        var path = Path.Combine(folder, $"kotakblazor-fsync-{Guid.NewGuid():N}.tmp");
        var block = new byte[BlockSize];
        var sample = new LatencySample(Writes);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            if (preallocate)
            {
                for (var i = 0; i < Writes; i++)
                {
                    file.Write(block);
                }

                file.Flush(flushToDisk: true);
            }

            for (var i = 0; i < Writes; i++)
            {
                if (preallocate)
                {
                    file.Position = (long)i * BlockSize;
                }

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

        return sample.Summarise();
    }
}
