using System.Runtime.InteropServices;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.MarketData.Ingestion;

/// <summary>
/// The gate between feeds and the rest of the system: fails fast on bad data, drops repeats and
/// late ticks, stamps a gap-free <see cref="Tick.Sequence"/> and <see cref="Tick.ReceivedAt"/>,
/// and publishes to the <see cref="TickBus"/>. Called by one thread (the pipeline's ingestion
/// loop); <see cref="Counters"/> may be read from any thread.
/// </summary>
public sealed class TickIngestion
{
    private readonly TickBus _bus;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<InstrumentId, LastAccepted> _lastByInstrument = new(capacity: 1024);

    private long _sequence;
    private long _accepted;
    private long _invalidPrice;
    private long _invalidQuantity;
    private long _duplicate;
    private long _outOfOrder;

    /// <summary>Creates ingestion publishing to <paramref name="bus"/>.</summary>
    public TickIngestion(TickBus bus, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _bus = bus;
        _timeProvider = timeProvider;
    }

    /// <summary>What has been accepted and dropped so far. Safe from any thread.</summary>
    public IngestionCounters Counters => new(
        Volatile.Read(ref _accepted),
        Volatile.Read(ref _invalidPrice),
        Volatile.Read(ref _invalidQuantity),
        Volatile.Read(ref _duplicate),
        Volatile.Read(ref _outOfOrder));

    /// <summary>The sequence number of the last accepted tick; 0 before the first. Safe from any thread.</summary>
    public long LastSequence => Volatile.Read(ref _sequence);

    /// <summary>Validates, stamps and publishes one raw tick. Not thread-safe: one caller at a time.</summary>
    public IngestResult Ingest(in Tick raw)
    {
        if (raw.LastPrice <= 0m)
        {
            Volatile.Write(ref _invalidPrice, _invalidPrice + 1);
            return IngestResult.DroppedInvalidPrice;
        }

        if (raw.LastQuantity < 0 || raw.Volume < 0 || raw.OpenInterest < 0)
        {
            Volatile.Write(ref _invalidQuantity, _invalidQuantity + 1);
            return IngestResult.DroppedInvalidQuantity;
        }

        var exchangeTicks = raw.ExchangeTime.UtcTicks;
        var istDay = IstDayNumber(exchangeTicks);
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastByInstrument, raw.Instrument, out var seen);
        if (seen)
        {
            if (exchangeTicks < last.ExchangeUtcTicks || (istDay == last.IstDay && raw.Volume < last.Volume))
            {
                Volatile.Write(ref _outOfOrder, _outOfOrder + 1);
                return IngestResult.DroppedOutOfOrder;
            }

            if (exchangeTicks == last.ExchangeUtcTicks && raw.LastPrice == last.LastPrice && raw.Volume == last.Volume)
            {
                Volatile.Write(ref _duplicate, _duplicate + 1);
                return IngestResult.DroppedDuplicate;
            }
        }

        last = new LastAccepted(exchangeTicks, istDay, raw.LastPrice, raw.Volume);
        var sequence = _sequence + 1;
        var stamped = raw with { Sequence = sequence, ReceivedAt = _timeProvider.GetUtcNow() };
        Volatile.Write(ref _sequence, sequence);
        Volatile.Write(ref _accepted, _accepted + 1);
        _bus.Publish(in stamped);
        return IngestResult.Accepted;
    }

    // IST has no daylight saving, so the IST day is a fixed shift of the UTC ticks; cheaper than ToOffset per tick.
    private static long IstDayNumber(long utcTicks) => (utcTicks + IndianMarketTime.Offset.Ticks) / TimeSpan.TicksPerDay;

    private readonly record struct LastAccepted(long ExchangeUtcTicks, long IstDay, decimal LastPrice, long Volume);
}
