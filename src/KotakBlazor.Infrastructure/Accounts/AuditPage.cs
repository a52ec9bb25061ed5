using KotakBlazor.Infrastructure.Persistence.Entities;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>One page of audit entries, newest first, with how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
