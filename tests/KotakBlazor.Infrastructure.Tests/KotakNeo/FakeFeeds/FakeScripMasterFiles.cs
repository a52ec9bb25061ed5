using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>
/// A fake of Kotak's scrip-master download: the file-paths call (access token only) lists the
/// day's CSV links on this same server, and each link serves the CSV a test put in
/// <see cref="Files"/>. Fault mode: <see cref="Offline"/> answers 503 to everything.
/// </summary>
internal sealed class FakeScripMasterFiles
{
    public const string FilePathsPath = "/script-details/1.0/masterscrip/file-paths";

    public string AcceptedAccessToken { get; set; } = "fake-access-token";

    /// <summary>CSV text by file name, e.g. <c>nse_fo.csv</c>, <c>nse_cm-v1.csv</c>.</summary>
    public Dictionary<string, string> Files { get; } = [];

    /// <summary>The dated folder the links point into.</summary>
    public string Folder { get; set; } = "2026-09-21";

    public bool Offline { get; set; }

    public EventLog<string> FilePathsCalls { get; } = new();

    public EventLog<string> Downloads { get; } = new();

    internal async Task HandleFilePathsAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        FilePathsCalls.Add(authorization);
        if (Offline)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        if (authorization != AcceptedAccessToken)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("""{"error":[{"code":"900901","message":"Invalid Credentials"}]}""");
            return;
        }

        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var paths = new JsonArray();
        foreach (var name in Files.Keys)
        {
            var kind = name.Contains("-v1", StringComparison.Ordinal) ? "transformed-v1" : "transformed";
            paths.Add($"{origin}/scrip-files/{Folder}/{kind}/{name}");
        }

        var body = new JsonObject { ["data"] = new JsonObject { ["baseFolder"] = $"{origin}/scrip-files/{Folder}", ["filesPaths"] = paths } };
        await context.Response.WriteAsync(body.ToJsonString());
    }

    internal async Task HandleFileAsync(HttpContext context, string path)
    {
        var name = Path.GetFileName(path);
        Downloads.Add(name);
        if (Offline)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (!Files.TryGetValue(name, out var csv))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/csv";
        await context.Response.WriteAsync(csv);
    }
}
