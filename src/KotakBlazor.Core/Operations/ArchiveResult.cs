namespace KotakBlazor.Core.Operations;

/// <summary>What one archiving pass did.</summary>
/// <param name="OrdersArchived">Orders newly marked archived.</param>
/// <param name="NotificationsRemoved">Old, delivered notifications removed.</param>
public sealed record ArchiveResult(int OrdersArchived, int NotificationsRemoved);
