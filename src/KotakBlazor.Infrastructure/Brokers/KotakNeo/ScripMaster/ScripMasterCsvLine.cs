using System.Text;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Splits one CSV line into fields: commas separate, double quotes protect commas, "" is a quote.</summary>
internal static class ScripMasterCsvLine
{
    /// <summary>The fields of the line; false when a quoted field never closes.</summary>
    public static bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        if (line.IndexOf('"', StringComparison.Ordinal) < 0)
        {
            // The common case: the master quotes nothing.
            fields.AddRange(line.Split(','));
            return true;
        }

        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return !quoted;
    }
}
