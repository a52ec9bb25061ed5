namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Whether a change to a user was made, and what to tell the person who asked for it.</summary>
public sealed record AccountChangeResult(bool Succeeded, string Message)
{
    /// <summary>The change was made.</summary>
    public static AccountChangeResult Done(string message) => new(true, message);

    /// <summary>Nothing changed, for the reason given.</summary>
    public static AccountChangeResult Refused(string message) => new(false, message);
}
