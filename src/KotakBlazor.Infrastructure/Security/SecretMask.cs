namespace KotakBlazor.Infrastructure.Security;

/// <summary>How a secret is shown to people and written to logs: never in full.</summary>
public static class SecretMask
{
    /// <summary>What stands for the hidden characters.</summary>
    public const string Hidden = "••••";

    /// <summary>
    /// The last <paramref name="visible"/> characters behind a fixed mask (so the length is not revealed
    /// either); a secret too short to show part of is hidden completely; "(not set)" when empty.
    /// </summary>
    public static string Mask(string? secret, int visible = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(visible);
        if (string.IsNullOrEmpty(secret))
        {
            return "(not set)";
        }

        // Showing 4 of 6 MPIN digits would give the MPIN away: show a tail only when it is at most a third.
        return secret.Length >= visible * 3 && visible > 0 ? Hidden + secret[^visible..] : Hidden;
    }
}
