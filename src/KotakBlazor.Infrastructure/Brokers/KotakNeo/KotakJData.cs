using System.Text.Encodings.Web;
using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Writes the JSON Kotak expects in <c>jData</c> and in the login bodies: a flat object whose values are
/// all strings, in the order given, without escaping characters such as '+' (as the Python SDK writes it).
/// </summary>
internal static class KotakJData
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(params (string Name, string Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>Joins a host and a path without losing a path the host URL already has.</summary>
internal static class KotakUrls
{
    public static Uri Combine(Uri baseUrl, string path) => new(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/'));
}
