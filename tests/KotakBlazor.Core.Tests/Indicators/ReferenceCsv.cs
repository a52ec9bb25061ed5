using System.Globalization;

namespace KotakBlazor.Core.Tests.Indicators;

/// <summary>
/// Reads the reference CSVs in <c>ReferenceData/</c>: lines starting with <c>#</c> name the source,
/// the first other line is the header. Files are read from the source tree next to this file, since
/// the test project does not copy them to its output.
/// </summary>
internal sealed class ReferenceCsv
{
    private readonly Dictionary<string, int> _columns;

    private ReferenceCsv(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, index) => (name.Trim(), index)).ToDictionary(x => x.Item1, x => x.index, StringComparer.Ordinal);
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    // The files are copied next to the test assembly, so the tests do not depend on the source tree.
    public static ReferenceCsv Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Indicators", "ReferenceData", fileName);
        var lines = File.ReadAllLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        return new ReferenceCsv(header, rows);
    }

    public string Cell(string[] row, string column) => row[_columns[column]].Trim();

    public decimal Decimal(string[] row, string column) =>
        decimal.Parse(Cell(row, column), NumberStyles.Float, CultureInfo.InvariantCulture);

    public long Long(string[] row, string column) =>
        (long)decimal.Parse(Cell(row, column), NumberStyles.Float, CultureInfo.InvariantCulture);

    public DateTime Date(string[] row, string column) =>
        DateTime.Parse(Cell(row, column), CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>
    /// One unit in the last published decimal place: a value printed as 1.15429 is matched to within
    /// 0.00001. Not half a unit, because published tables were computed from inputs with more digits
    /// than they print (Lean's two-decimal EMA column is off by up to 0.0052 from its own printed
    /// closes). A sample instead of population deviation, or another seed, misses by far more.
    /// </summary>
    public static decimal UnitInLastPlace(string published)
    {
        var dot = published.IndexOf('.', StringComparison.Ordinal);
        var places = dot < 0 ? 0 : published.Length - dot - 1;
        return 1m / Pow10(places);
    }

    private static decimal Pow10(int places)
    {
        var result = 1m;
        for (var i = 0; i < Math.Min(places, 27); i++)
        {
            result *= 10m;
        }

        return result;
    }
}
