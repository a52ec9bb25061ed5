using System.Globalization;
using System.Net;
using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Risk;

/// <summary><c>GET /journal/export.csv</c>: signed-in users get the range's round trips as a CSV attachment; nobody else gets anything.</summary>
public sealed class JournalExportTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync();

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_anonymous_request_is_sent_to_sign_in_and_gets_no_data()
    {
        using var anonymous = _app.CreateClient();

        var response = await anonymous.GetAsync("/journal/export.csv?from=2020-01-01&to=2030-12-31", _timeout.Token);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"Got {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("EntryPrice", await response.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_downloads_the_round_trips_of_the_range_as_csv()
    {
        var (entry, exit) = await PaperTrading.RoundTripAsync(_app, PaperTrading.Admin, PaperTrading.Reliance, 3, _timeout.Token);
        var (client, _) = await _app.SignedInClientAsync();
        var today = IndianMarketTime.IstDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await client.GetAsync($"/journal/export.csv?from={today}&to={today}", _timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"journal-{today}-to-{today}.csv", response.Content.Headers.ContentDisposition.FileName);
        var lines = (await response.Content.ReadAsStringAsync(_timeout.Token)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", JournalCsv.Columns), lines[0]);
        var row = Assert.Single(lines[1..]).Split(',');
        Assert.Equal(entry.Id.ToString(), row[0]);
        Assert.Equal("RELIANCE-EQ", row[2]);
        Assert.Equal("Long", row[5]);
        Assert.Equal("3", row[6]);
        // (exit - entry) x quantity, from the broker's fill prices.
        var expected = (exit.AveragePrice!.Value - entry.AveragePrice!.Value) * 3;
        Assert.Equal(expected, decimal.Parse(row[11], CultureInfo.InvariantCulture));
        client.Dispose();
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_or_a_malformed_date_is_a_bad_request()
    {
        var (client, _) = await _app.SignedInClientAsync();

        var backwards = await client.GetAsync("/journal/export.csv?from=2025-02-01&to=2025-01-01", _timeout.Token);
        var malformed = await client.GetAsync("/journal/export.csv?from=01/02/2025", _timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("is after", await backwards.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        client.Dispose();
    }
}
