namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>A user as the admin's users page lists them: no password hash, no secret.</summary>
public sealed record UserSummary(
    int Id,
    string UserName,
    string Role,
    bool IsDisabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    bool HasSecondFactor);
