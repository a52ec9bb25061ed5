namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>What one binary frame held.</summary>
/// <param name="Decoded">Packets handed to the handler.</param>
/// <param name="Skipped">Packets skipped (unknown, unused or malformed).</param>
/// <param name="TrailingBytes">Bytes at the end that did not form a whole packet (a truncated or garbled tail); 0 for a clean frame.</param>
public readonly record struct SFeedFrameSummary(int Decoded, int Skipped, int TrailingBytes);
