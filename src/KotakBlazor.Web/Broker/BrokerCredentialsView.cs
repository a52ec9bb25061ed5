using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Web.Broker;

/// <summary>What the settings page may show of the stored credentials.</summary>
/// <param name="Credentials">Masked; null when none are saved (or when <paramref name="Problem"/> says why not).</param>
/// <param name="Problem">Why they cannot be shown: a refusal, or keys that no longer decrypt them.</param>
public sealed record BrokerCredentialsView(MaskedKotakCredentials? Credentials, string? Problem);
