namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>Configuration section <c>Telegram</c>: where the Bot API is and how deliveries are retried. The token and chat are set by an admin in the app, not here.</summary>
public sealed class TelegramOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telegram";

    /// <summary>The Bot API's address; tests point it at a fake server on loopback.</summary>
    public string BaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>The first retry's delay after a failure that may pass; doubled on each further failure.</summary>
    public double RetryBaseSeconds { get; set; } = 2;

    /// <summary>The longest delay between two tries (an outage of hours is tried every this often).</summary>
    public double MaxRetrySeconds { get; set; } = 300;

    /// <summary>How long one send may take before it counts as failed (and is retried).</summary>
    public double TimeoutSeconds { get; set; } = 15;

    /// <summary>The delay before try number <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failures (at least one).</summary>
    public TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        return TimeSpan.FromSeconds(Math.Min(RetryBaseSeconds * Math.Pow(2, exponent), MaxRetrySeconds));
    }
}
