namespace KotakBlazor.Web.Hubs;

/// <summary>The answer to Subscribe/Unsubscribe: what the connection now receives.</summary>
public sealed record SubscriptionResult(IReadOnlyList<SubscribedInstrument> Subscribed);

/// <summary>One instrument a connection receives ticks for.</summary>
public sealed record SubscribedInstrument(string Instrument, string Symbol);
