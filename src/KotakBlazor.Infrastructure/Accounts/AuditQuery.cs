namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>A filter over the audit log. Null members do not filter.</summary>
/// <param name="Actor">Who (user name, any case).</param>
/// <param name="ActionPrefixes">Any action starting with one of these (e.g. <c>auth.</c>, <c>kill-switch.</c>).</param>
/// <param name="From">At or after.</param>
/// <param name="Until">Before.</param>
/// <param name="Skip">Entries to skip, newest first (paging).</param>
/// <param name="Take">At most this many.</param>
public sealed record AuditQuery(
    string? Actor = null,
    IReadOnlyList<string>? ActionPrefixes = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    int Skip = 0,
    int Take = 50);
