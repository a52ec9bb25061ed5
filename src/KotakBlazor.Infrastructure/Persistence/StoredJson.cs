using System.Text.Json;
using System.Text.Json.Serialization;

namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>How JSON columns are written: camelCase, enums as names, instruments as <c>segment|token</c>.</summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is empty.");
}
