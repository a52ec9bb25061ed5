namespace KotakBlazor.Web.Auth;

/// <summary>Where a sign-in may send people back to.</summary>
public static class ReturnUrls
{
    /// <summary>Only local paths: a crafted ReturnUrl must not send people to another site.</summary>
    public static string Local(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
