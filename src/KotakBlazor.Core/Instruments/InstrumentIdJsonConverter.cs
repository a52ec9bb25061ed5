using System.Text.Json;
using System.Text.Json.Serialization;

namespace KotakBlazor.Core.Instruments;

/// <summary>Writes an <see cref="InstrumentId"/> as Kotak's <c>segment|token</c> text, in stored rows and on the hub alike.</summary>
public sealed class InstrumentIdJsonConverter : JsonConverter<InstrumentId>
{
    /// <inheritdoc />
    public override InstrumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && InstrumentId.TryParse(text, out var id)
            ? id
            : throw new JsonException($"'{text}' is not an instrument id like nse_cm|2885.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InstrumentId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
