using System.Globalization;
using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>A JSON text frame from SFeed: the auth reply (1117/1119), auth failure (1120), subscribe ack (1109) or anything else.</summary>
internal sealed record SFeedControlMessage(int Code, string? Message, string? Format, SFeedDividers? Dividers)
{
    public const int AuthAccepted = 1117;
    public const int InitialConnect = 1119;
    public const int AuthFailed = 1120;
    public const int SubscribeAck = 1109;

    /// <summary>True for either code production was seen to send as the auth reply.</summary>
    public bool IsAuthReply => Code is AuthAccepted or InitialConnect;

    /// <summary>Reads the frame; null when it is not a JSON object with a <c>message_code</c>.</summary>
    public static SFeedControlMessage? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message_code", out var codeElement) || !TryInt(codeElement, out var code))
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
                : root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            SFeedDividers? dividers = null;
            if (root.TryGetProperty("exchanges", out var exchanges) && exchanges.ValueKind == JsonValueKind.Object)
            {
                var entries = new List<(string, decimal, int?)>();
                foreach (var exchange in exchanges.EnumerateObject())
                {
                    if (exchange.Value.ValueKind == JsonValueKind.Object
                        && exchange.Value.TryGetProperty("divider", out var dividerElement) && TryDecimal(dividerElement, out var divider))
                    {
                        int? id = exchange.Value.TryGetProperty("value", out var value) && TryInt(value, out var v) ? v : null;
                        entries.Add((exchange.Name, divider, id));
                    }
                }

                dividers = SFeedDividers.From(entries);
            }

            return new SFeedControlMessage(code, message, format, dividers);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Kotak sends numbers, but some frames were seen with numbers as strings.
    private static bool TryInt(JsonElement element, out int value) => element.ValueKind switch
    {
        JsonValueKind.Number => element.TryGetInt32(out value),
        JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
        _ => (value = 0) != 0,
    };

    private static bool TryDecimal(JsonElement element, out decimal value) => element.ValueKind switch
    {
        JsonValueKind.Number => element.TryGetDecimal(out value),
        JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
        _ => (value = 0) != 0,
    };
}
