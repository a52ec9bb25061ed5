namespace KotakBlazor.Web.Strategies;

/// <summary>Who asks for a change, as the server knows them (never as the browser claims).</summary>
public sealed record ActingUser(string UserName, string Role);
