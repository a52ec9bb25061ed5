using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Reads the file-paths answer: <c>{"data":{"baseFolder":..,"filesPaths":[".../nse_fo.csv", ...]}}</c>.</summary>
internal static class ScripMasterFilePaths
{
    public static IReadOnlyList<ScripMasterFile> Parse(string json, string? fileHost)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ScripMasterFormatException($"The scrip-master file-paths answer is not JSON: {Shorten(json)}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("filesPaths", out var paths) || paths.ValueKind != JsonValueKind.Array)
            {
                // Kotak's errors come as {"error":[{"code","message"}]} or {"message":..}: show them as they are.
                throw new ScripMasterFormatException($"The scrip-master file-paths answer has no data.filesPaths: {Shorten(json)}");
            }

            var files = new List<ScripMasterFile>();
            foreach (var path in paths.EnumerateArray())
            {
                if (path.ValueKind == JsonValueKind.String && Uri.TryCreate(path.GetString(), UriKind.Absolute, out var url))
                {
                    files.Add(new ScripMasterFile(SegmentOf(url), Rehost(url, fileHost)));
                }
            }

            return files;
        }
    }

    // nse_cm-v1.csv -> nse_cm; nse_fo.csv -> nse_fo.
    private static string SegmentOf(Uri url)
    {
        var name = Path.GetFileNameWithoutExtension(url.AbsolutePath);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return (dash > 0 ? name[..dash] : name).ToLowerInvariant();
    }

    private static Uri Rehost(Uri url, string? fileHost)
    {
        if (string.IsNullOrWhiteSpace(fileHost))
        {
            return url;
        }

        var host = new Uri(fileHost, UriKind.Absolute);
        return new UriBuilder(url) { Scheme = host.Scheme, Host = host.Host, Port = host.Port }.Uri;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
