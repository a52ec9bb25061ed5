using KotakBlazor.Core.Brokers;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>
/// Failures the paper broker can be told to produce, so the execution engine's handling of an
/// outage or a lost acknowledgement can be tested against a broker that otherwise behaves.
/// </summary>
public sealed class PaperBrokerFaults
{
    private readonly Lock _gate = new();
    private int _failingPlaces;
    private BrokerErrorKind _placeFailure;

    /// <summary>
    /// Makes the next <paramref name="count"/> place calls fail with <paramref name="kind"/>. With
    /// <see cref="BrokerErrorKind.Unknown"/> the order IS placed but the call reports a timeout (a lost
    /// acknowledgement); with any other kind nothing is placed.
    /// </summary>
    public void FailNextPlaces(int count, BrokerErrorKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _failingPlaces = count;
            _placeFailure = kind;
        }
    }

    /// <summary>Takes one armed place failure, if any.</summary>
    internal bool TryTakePlaceFailure(out BrokerErrorKind kind)
    {
        lock (_gate)
        {
            kind = _placeFailure;
            if (_failingPlaces == 0)
            {
                return false;
            }

            _failingPlaces--;
            return true;
        }
    }
}
