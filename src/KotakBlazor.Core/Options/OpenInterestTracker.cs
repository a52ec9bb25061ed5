using System.Collections.Concurrent;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Options;

/// <summary>
/// Follows each derivative's open interest through the IST trading day so that screens can
/// show the change in OI, the number traders read as fresh positions being written or closed.
/// </summary>
/// <remarks>
/// <para>
/// The change is measured from the previous session's closing open interest when it has been
/// given (<see cref="SetPreviousClose"/>), and otherwise from the first open interest seen on
/// the IST date of the tick's <see cref="Tick.ExchangeTime"/>. The first tick of a new IST date
/// starts a new session for that instrument. Ticks dated before the instrument's current
/// session are ignored, so a late tick from yesterday cannot undo today's reset.
/// </para>
/// <para>
/// Ticks with an open interest of 0 or less are ignored: cash-market ticks carry 0, and a
/// feed update that omits the field must not become the day's reference and turn every
/// contract's whole open interest into "change". The cost is that a contract whose open
/// interest genuinely falls to 0 keeps showing its last non-zero value.
/// </para>
/// <para>
/// <see cref="Record"/> is O(1) and allocates nothing once an instrument has been seen.
/// Thread safety follows <see cref="MarketState"/>: the writes (<see cref="Record"/> and
/// <see cref="SetPreviousClose"/>) expect one thread at a time, because the order of ticks
/// decides the answer; <see cref="TryGet"/> may be called from any thread and never sees an
/// instrument half updated (each instrument has its own small lock).
/// </para>
/// </remarks>
public sealed class OpenInterestTracker
{
    private readonly ConcurrentDictionary<InstrumentId, Slot> _slots = new();

    /// <summary>How many instruments have reported open interest or a previous close.</summary>
    public int Count => _slots.Count;

    /// <summary>Takes the open interest from a tick. Call from the single writer thread.</summary>
    /// <param name="tick">Any tick; those without open interest are ignored.</param>
    public void Record(in Tick tick)
    {
        if (tick.OpenInterest <= 0)
        {
            return;
        }

        var session = IndianMarketTime.IstDate(tick.ExchangeTime);
        var slot = GetOrAddSlot(tick.Instrument);
        lock (slot)
        {
            if (slot.HasSession && session < slot.Session)
            {
                return;
            }

            if (!slot.HasSession || session > slot.Session)
            {
                slot.HasSession = true;
                slot.Session = session;
                slot.ReferenceIsPreviousClose = slot.HasPreviousClose && slot.PreviousCloseSession == session;
                slot.Reference = slot.ReferenceIsPreviousClose ? slot.PreviousClose : tick.OpenInterest;
            }

            slot.OpenInterest = tick.OpenInterest;
        }
    }

    /// <summary>
    /// Gives the open interest at the close of the session before <paramref name="session"/>, to
    /// measure that session's change from. Takes effect at once when the instrument is already
    /// in <paramref name="session"/>, or when its first tick of that session arrives. A close
    /// for a session older than the instrument's current one is ignored. Call from the single
    /// writer thread.
    /// </summary>
    /// <param name="instrument">Which contract.</param>
    /// <param name="session">The IST trading date the close is the reference for (the day after the close).</param>
    /// <param name="openInterest">The closing open interest; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="openInterest"/> is negative.</exception>
    public void SetPreviousClose(InstrumentId instrument, DateOnly session, long openInterest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(openInterest);
        var slot = GetOrAddSlot(instrument);
        lock (slot)
        {
            if (slot.HasSession && session < slot.Session)
            {
                return;
            }

            slot.HasPreviousClose = true;
            slot.PreviousCloseSession = session;
            slot.PreviousClose = openInterest;
            if (slot.HasSession && session == slot.Session)
            {
                slot.Reference = openInterest;
                slot.ReferenceIsPreviousClose = true;
            }
        }
    }

    /// <summary>
    /// The instrument's open interest and change in its latest session; false until a tick
    /// with open interest has arrived. Safe from any thread.
    /// </summary>
    /// <remarks>
    /// The session is the latest one the instrument has ticked in, which after the close (or
    /// over a weekend) is the last trading day; compare <see cref="OpenInterestChange.Session"/>
    /// with today's IST date when that matters.
    /// </remarks>
    public bool TryGet(InstrumentId instrument, out OpenInterestChange change)
    {
        if (_slots.TryGetValue(instrument, out var slot))
        {
            lock (slot)
            {
                if (slot.HasSession)
                {
                    change = new OpenInterestChange(instrument, slot.Session, slot.OpenInterest, slot.Reference, slot.ReferenceIsPreviousClose);
                    return true;
                }
            }
        }

        change = default;
        return false;
    }

    private Slot GetOrAddSlot(InstrumentId instrument) =>
        _slots.TryGetValue(instrument, out var slot) ? slot : _slots.GetOrAdd(instrument, static _ => new Slot());

    private sealed class Slot
    {
        public bool HasSession { get; set; }

        public DateOnly Session { get; set; }

        public long OpenInterest { get; set; }

        public long Reference { get; set; }

        public bool ReferenceIsPreviousClose { get; set; }

        public bool HasPreviousClose { get; set; }

        public DateOnly PreviousCloseSession { get; set; }

        public long PreviousClose { get; set; }
    }
}
