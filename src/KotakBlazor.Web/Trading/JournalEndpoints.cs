using System.Globalization;
using System.Text;
using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// The journal as a CSV download: <c>GET /journal/export.csv?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>
/// (IST dates of exit, both included; the last 30 days when left out), optionally
/// <c>&amp;strategy=&lt;id&gt;</c>. Signed-in users only, by the app's fallback policy.
/// </summary>
public static class JournalEndpoints
{
    /// <summary>The days the journal shows when no range is given: today and the 29 before.</summary>
    public const int DefaultDays = 30;

    public static void MapJournalEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/journal/export.csv", ExportAsync);

    /// <summary>The download address of a range, as the journal page links to it.</summary>
    public static string ExportUrl(DateOnly from, DateOnly to, Guid? strategyId) =>
        $"/journal/export.csv?from={Date(from)}&to={Date(to)}" + (strategyId is { } id ? $"&strategy={id}" : string.Empty);

    /// <summary>The default range ending on today's IST date.</summary>
    public static (DateOnly From, DateOnly To) DefaultRange(DateTimeOffset now)
    {
        var today = IndianMarketTime.IstDate(now);
        return (today.AddDays(-(DefaultDays - 1)), today);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, JournalService journal, TimeProvider clock, string? from, string? to, Guid? strategy)
    {
        var (defaultFrom, defaultTo) = DefaultRange(clock.GetUtcNow());
        if (!TryDate(from, defaultFrom, out var start) || !TryDate(to, defaultTo, out var end))
        {
            return TypedResults.BadRequest("Dates are yyyy-MM-dd, e.g. ?from=2025-01-01&to=2025-01-31.");
        }

        if (start > end)
        {
            return TypedResults.BadRequest($"'from' ({Date(start)}) is after 'to' ({Date(end)}).");
        }

        var view = await journal.LoadAsync(start, end, strategy, context.RequestAborted);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        JournalCsv.Write(writer, view.Trips);
        // Trade records are private: no proxy or browser cache keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", $"journal-{Date(start)}-to-{Date(end)}.csv");
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
