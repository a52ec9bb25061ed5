using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Accounts;

public sealed class AuditLogQueryTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await new TestDatabase(_clock).InitializedAsync();
        // One entry a minute: 03:00 admin sign-in, 03:01 trader sign-in failure, 03:02 kill switch trip, ...
        (string Actor, string Action)[] entries =
        [
            ("admin", "auth.sign-in"), ("trader1", "auth.sign-in.failed"), ("admin", "kill-switch.trip"), ("admin", "risk.limits"),
            ("trader1", "order.placed"), ("admin", "kill-switch.reset"), ("Trader1", "auth.sign-out"), ("admin", "broker.credentials.saved"),
        ];
        foreach (var (actor, action) in entries)
        {
            await _db.Audit.WriteAsync(actor, action, null, null, None);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Filters_by_user_in_any_case_newest_first()
    {
        var page = await _db.Audit.QueryAsync(new AuditQuery(Actor: "TRADER1"), None);

        Assert.Equal(3, page.Total);
        Assert.Equal(["auth.sign-out", "order.placed", "auth.sign-in.failed"], page.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Filters_by_kind_as_action_prefixes()
    {
        var page = await _db.Audit.QueryAsync(new AuditQuery(ActionPrefixes: ["kill-switch.", "risk."]), None);

        Assert.Equal(["kill-switch.reset", "risk.limits", "kill-switch.trip"], page.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Filters_by_a_half_open_time_range()
    {
        var start = new DateTimeOffset(2026, 12, 7, 3, 2, 0, TimeSpan.Zero);

        var page = await _db.Audit.QueryAsync(new AuditQuery(From: start, Until: start.AddMinutes(3)), None);

        Assert.Equal(["order.placed", "risk.limits", "kill-switch.trip"], page.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Pages_through_the_matches_with_the_total()
    {
        var first = await _db.Audit.QueryAsync(new AuditQuery(Take: 3), None);
        var third = await _db.Audit.QueryAsync(new AuditQuery(Skip: 6, Take: 3), None);

        Assert.Equal((8, 3), (first.Total, first.Entries.Count));
        Assert.Equal("broker.credentials.saved", first.Entries[0].Action);
        Assert.Equal(["trader1", "admin"], third.Entries.Select(e => e.Actor));
        Assert.Equal(["Trader1", "admin", "trader1"], (await _db.Audit.ActorsAsync(None)).Order(StringComparer.Ordinal));
    }
}
