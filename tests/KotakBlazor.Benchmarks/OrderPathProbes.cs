namespace KotakBlazor.Benchmarks;

/// <summary>
/// The steps the order path's breakdown times: the risk decision (a round trip through the
/// kernel's loop), the intent insert, the broker call, and the two kinds of order save (the
/// acknowledgement, and the saves the broker's pushes cause: fill status, trade, position closed).
/// </summary>
internal sealed class OrderPathProbes
{
    public Probe Decide { get; } = new("risk decision (kernel round trip)");

    public Probe Insert { get; } = new("intent insert (SQLite)");

    public Probe Place { get; } = new("paper broker PlaceAsync");

    public Probe Acknowledge { get; } = new("acknowledgement save (SQLite)");

    public Probe PushSave { get; } = new("saves from broker pushes (SQLite)");

    public IEnumerable<Probe> All => [Decide, Insert, Place, Acknowledge, PushSave];

    public bool Enabled
    {
        set
        {
            foreach (var probe in All)
            {
                probe.Enabled = value;
            }
        }
    }
}
