using System.Text;
using System.Text.Json;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>The JSON text frames a client sends to SFeed, exactly as Kotak's guide writes them.</summary>
internal static class SFeedControlFrames
{
    /// <summary><c>{"user":"&lt;UCC&gt;","auth":"&lt;sid&gt;","format":"native_batch","source":"NEOTRADEAPI"}</c>.</summary>
    public static string Authenticate(KotakFeedCredentials credentials, string source) => Write(writer =>
    {
        writer.WriteString("user", credentials.Ucc);
        writer.WriteString("auth", credentials.Sid);
        writer.WriteString("format", "native_batch");
        writer.WriteString("source", source);
    });

    /// <summary><c>{"event":"subscribeScrips","inputtoken":"nse_fo|44498,nse_fo|44500","ack_symbol":true}</c>.</summary>
    public static string Subscribe(SFeedChannel channel, IEnumerable<InstrumentId> instruments) => Write(writer =>
    {
        writer.WriteString("event", "subscribe" + EventSuffix(channel));
        writer.WriteString("inputtoken", InputToken(instruments));
        writer.WriteBoolean("ack_symbol", true);
    });

    /// <summary>Like <see cref="Subscribe"/> with <c>unsubscribe...</c>; unsubscribe frames carry no <c>ack_symbol</c>.</summary>
    public static string Unsubscribe(SFeedChannel channel, IEnumerable<InstrumentId> instruments) => Write(writer =>
    {
        writer.WriteString("event", "unsubscribe" + EventSuffix(channel));
        writer.WriteString("inputtoken", InputToken(instruments));
    });

    private static string EventSuffix(SFeedChannel channel) => channel switch
    {
        SFeedChannel.Indices => "Indices",
        SFeedChannel.Scrips => "Scrips",
        SFeedChannel.Depth => "Depth",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown SFeed channel."),
    };

    private static string InputToken(IEnumerable<InstrumentId> instruments) => string.Join(',', instruments.Select(i => i.ToString()));

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();

        // Kotak's tokens contain '|'; the relaxed encoder keeps it (and any name) readable instead of \u007C.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
