namespace KotakBlazor.Soak;

/// <summary>The soak cannot go on; the message says why and what to do.</summary>
public sealed class SoakException(string message) : Exception(message);
