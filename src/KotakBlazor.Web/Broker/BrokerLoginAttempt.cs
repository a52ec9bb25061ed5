namespace KotakBlazor.Web.Broker;

/// <summary>The outcome of "log in now".</summary>
/// <param name="Succeeded">Whether a session was made.</param>
/// <param name="Message">What happened; a refusal in the broker's own words.</param>
/// <param name="Help">What to do about it in plain words (the static-IP errors 100008 and 1037), when there is more to say.</param>
/// <param name="SessionStartedAt">When the new session was made.</param>
public sealed record BrokerLoginAttempt(bool Succeeded, string Message, string? Help, DateTimeOffset? SessionStartedAt);
