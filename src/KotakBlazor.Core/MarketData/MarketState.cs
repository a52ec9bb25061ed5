using System.Collections.Concurrent;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.MarketData;

/// <summary>
/// The latest tick of every instrument. Written by one thread (the projection), read by screens
/// on any thread. A tick is too large to copy atomically, so each instrument has its own small
/// lock: readers never see half a tick, and updates of different instruments never contend.
/// </summary>
public sealed class MarketState
{
    private readonly ConcurrentDictionary<InstrumentId, Slot> _slots = new();

    /// <summary>How many instruments have ticked.</summary>
    public int Count => _slots.Count;

    /// <summary>Records <paramref name="tick"/> as its instrument's latest. One writer at a time.</summary>
    public void Update(in Tick tick)
    {
        if (!_slots.TryGetValue(tick.Instrument, out var slot))
        {
            slot = _slots.GetOrAdd(tick.Instrument, static _ => new Slot());
        }

        lock (slot)
        {
            slot.Latest = tick;
        }
    }

    /// <summary>The latest tick of an instrument; false when it has not ticked.</summary>
    public bool TryGetLatest(InstrumentId instrument, out Tick tick)
    {
        if (_slots.TryGetValue(instrument, out var slot))
        {
            lock (slot)
            {
                tick = slot.Latest;
                return true;
            }
        }

        tick = default;
        return false;
    }

    /// <summary>A copy of every instrument's latest tick, in no particular order.</summary>
    public IReadOnlyList<Tick> Snapshot()
    {
        var result = new List<Tick>(_slots.Count);
        foreach (var (_, slot) in _slots)
        {
            lock (slot)
            {
                result.Add(slot.Latest);
            }
        }

        return result;
    }

    private sealed class Slot
    {
        public Tick Latest { get; set; }
    }
}
