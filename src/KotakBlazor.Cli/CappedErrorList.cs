using System.Collections.ObjectModel;
using KotakBlazor.Core.Replay;

namespace KotakBlazor.Cli;

/// <summary>Keeps the first bad rows and counts the rest: a file of garbage must not fill memory or the report.</summary>
internal sealed class CappedErrorList(int capacity) : Collection<CsvRowError>
{
    public long Total { get; private set; }

    public long Omitted => Total - Count;

    protected override void InsertItem(int index, CsvRowError item)
    {
        Total++;
        if (Count < capacity)
        {
            base.InsertItem(index, item);
        }
    }
}
