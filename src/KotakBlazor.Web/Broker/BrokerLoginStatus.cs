namespace KotakBlazor.Web.Broker;

/// <summary>The Kotak login as the health panel shows it.</summary>
/// <param name="LoggedIn">Whether a usable session is held.</param>
/// <param name="SessionAge">How old the session is; null without one.</param>
/// <param name="Host">The REST host the session is served from.</param>
/// <param name="DataCenter">Kotak's data centre for the account.</param>
/// <param name="LoginCount">Logins since start (a count that climbs means sessions keep being refused).</param>
/// <param name="Problem">Why there is no session (the broker's words, or "enter credentials"); null when logged in.</param>
/// <param name="Help">Plain-language help for <paramref name="Problem"/> when there is any.</param>
public sealed record BrokerLoginStatus(bool LoggedIn, TimeSpan? SessionAge, string? Host, string? DataCenter, int LoginCount, string? Problem, string? Help);
