using System.Globalization;
using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// The fields of one pushed object as text, whatever JSON type Kotak chose for them (numbers
/// arrive as strings in one message and as numbers in the next). Placeholders like "--" and
/// "NA" read as absent.
/// </summary>
internal sealed class KotakMessageFields
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase) { "", "--", "NA", "null" };

    private readonly Dictionary<string, string> _values;

    private KotakMessageFields(Dictionary<string, string> values) => _values = values;

    /// <summary>The object's scalar fields; nested objects and arrays are left out.</summary>
    public static KotakMessageFields From(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    values[property.Name] = property.Value.GetString()!.Trim();
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values[property.Name] = property.Value.GetRawText();
                    break;
            }
        }

        return new KotakMessageFields(values);
    }

    /// <summary>Later fields win: a sparse update laid over what was known of the order.</summary>
    public void MergeFrom(KotakMessageFields newer)
    {
        foreach (var (name, value) in newer._values)
        {
            _values[name] = value;
        }
    }

    public string? Text(string name) => _values.TryGetValue(name, out var value) && !Placeholders.Contains(value) ? value : null;

    public bool TryDecimal(string name, out decimal value)
    {
        value = 0;
        return Text(name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public decimal DecimalOrZero(string name) => TryDecimal(name, out var value) ? value : 0m;

    public bool TryWhole(string name, out int value)
    {
        value = 0;
        if (!TryDecimal(name, out var number) || number != decimal.Truncate(number) || number is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    public int WholeOrZero(string name) => TryWhole(name, out var value) ? value : 0;

    public bool TryLong(string name, out long value)
    {
        value = 0;
        return Text(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
