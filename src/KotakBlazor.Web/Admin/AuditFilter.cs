namespace KotakBlazor.Web.Admin;

/// <summary>What the audit viewer shows: empty members do not filter; dates are IST days, both ends included.</summary>
public sealed record AuditFilter(string? User = null, string? Kind = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);
