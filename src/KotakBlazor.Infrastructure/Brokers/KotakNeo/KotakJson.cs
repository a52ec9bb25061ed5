using System.Globalization;
using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Tolerant reading of Kotak's JSON: the same field is a number in one answer and a string in the next
/// ("qty": 1, "prc": "9.39"), placeholders such as "--" and "NA" mean "nothing", and any field may be
/// missing. Readers return null rather than throw, so one odd row never takes the book down.
/// </summary>
public static class KotakJson
{
    private static readonly string[] Placeholders = ["", "--", "-", "NA", "N/A", "null"];

    /// <summary>The field as text (numbers as written, booleans as true/false); null when missing, null or a placeholder.</summary>
    public static string? Text(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return text is null || Placeholders.Contains(text, StringComparer.OrdinalIgnoreCase) ? null : text;
    }

    /// <summary>The first of <paramref name="names"/> that has text.</summary>
    public static string? FirstText(JsonElement item, params string[] names)
    {
        foreach (var name in names)
        {
            if (Text(item, name) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The field as a decimal, whether a JSON number or a numeric string (scientific notation allowed).</summary>
    public static decimal? Decimal(JsonElement item, string name) =>
        Text(item, name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The field as a whole number; null when missing, not numeric, fractional or out of range.</summary>
    public static long? Long(JsonElement item, string name) =>
        Decimal(item, name) is { } value && value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue ? (long)value : null;

    /// <summary>The field as an int; null when missing, not numeric, fractional or out of range.</summary>
    public static int? Int(JsonElement item, string name) =>
        Long(item, name) is { } value && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;

    /// <summary>The broker's status code: <c>stCode</c>, else <c>errorCode</c>, else the first <c>error[].code</c>.</summary>
    public static string? StatusCode(JsonElement body)
    {
        if (FirstText(body, "stCode", "errorCode", "code") is { } code)
        {
            return code;
        }

        return FirstError(body) is { } error ? Text(error, "code") : null;
    }

    /// <summary>The broker's own words for an error: <c>emsg</c> (docs), <c>errMsg</c> (wire), <c>message</c>, <c>error[].message</c>, <c>error</c>, <c>desc</c>.</summary>
    public static string? ErrorMessage(JsonElement body)
    {
        if (FirstText(body, "emsg", "errMsg", "message", "Error") is { } message)
        {
            return message;
        }

        if (FirstError(body) is { } error && FirstText(error, "message", "msg") is { } nested)
        {
            return nested;
        }

        return FirstText(body, "error", "desc", "description");
    }

    /// <summary>The <c>data</c> member, unwrapped as often as the SDK and the docs wrap it (<c>{"data":{"stat":..,"data":[..]}}</c>).</summary>
    public static JsonElement? Data(JsonElement body)
    {
        var current = body;
        JsonElement? found = null;
        for (var depth = 0; depth < 3 && current.ValueKind == JsonValueKind.Object && current.TryGetProperty("data", out var inner); depth++)
        {
            found = inner;
            current = inner;
        }

        return found is { ValueKind: JsonValueKind.Null } ? null : found;
    }

    /// <summary>The rows of a list answer: <c>data[]</c> however wrapped, or the body itself when it is an array.</summary>
    public static IEnumerable<JsonElement> Rows(JsonElement body)
    {
        var data = body.ValueKind == JsonValueKind.Array ? body : Data(body);
        return data is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Where(static r => r.ValueKind == JsonValueKind.Object) : [];
    }

    private static JsonElement? FirstError(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    return error;
                }
            }
        }

        return null;
    }
}
