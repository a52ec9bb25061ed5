using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Journal;

/// <summary>
/// Pairs fills into round trips, first in first out, per strategy, instrument and product.
/// </summary>
/// <remarks>
/// <para>Fills of one order that follow each other are one entry (a sliced or partly filled order
/// is one trade, at its average price) and one exit. An exit closes the oldest open entry first;
/// closing an entry in several exits splits it into several round trips, and an exit larger
/// than the open quantity closes it and opens the excess the other way. What is still open is
/// not a round trip.</para>
/// <para>FIFO matches how a trader reads "this exit closed that entry"; the position book's
/// average-cost P&amp;L gives the same total once a position is flat. Prices are per unit with a
/// multiplier of 1, as on NSE equity and F&amp;O.</para>
/// </remarks>
public static class RoundTripBuilder
{
    /// <summary>The round trips in a set of fills, ordered by exit time. A trade id seen twice counts once.</summary>
    public static IReadOnlyList<RoundTrip> Build(IEnumerable<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = fills.Where(f => seen.Add(f.TradeId)).OrderBy(f => f.Time).ToList();
        var books = new Dictionary<(Guid?, InstrumentId, ProductType), List<OpenLot>>();
        var pieces = new Dictionary<string, int>(StringComparer.Ordinal);
        var trips = new List<TripInProgress>();
        foreach (var fill in ordered)
        {
            if (fill.Quantity <= 0 || fill.Price <= 0)
            {
                throw new ArgumentException($"Trade {fill.TradeId} has quantity {fill.Quantity} and price {fill.Price}; both must be positive.", nameof(fills));
            }

            var key = (fill.StrategyId, fill.Instrument, fill.Product);
            if (!books.TryGetValue(key, out var lots))
            {
                lots = [];
                books.Add(key, lots);
            }

            var direction = fill.Side == OrderSide.Buy ? TradeDirection.Long : TradeDirection.Short;
            var remaining = Close(lots, fill, direction, pieces, trips);
            if (remaining > 0)
            {
                Open(lots, fill, direction, remaining);
            }
        }

        return trips
            .Select((t, i) => (Trip: t.ToRoundTrip(), Index: i))
            .OrderBy(x => x.Trip.ExitTime)
            .ThenBy(x => x.Index)
            .Select(x => x.Trip)
            .ToArray();
    }

    /// <summary>The round trips with the trader's notes attached by id.</summary>
    public static IReadOnlyList<RoundTrip> WithNotes(IReadOnlyList<RoundTrip> trips, IReadOnlyDictionary<string, string> notes)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(notes);
        return trips.Select(t => notes.TryGetValue(t.Id, out var note) && !string.IsNullOrWhiteSpace(note) ? t with { Note = note } : t).ToArray();
    }

    /// <returns>The quantity left over after closing the opposite lots, oldest first.</returns>
    private static int Close(List<OpenLot> lots, Fill fill, TradeDirection direction, Dictionary<string, int> pieces, List<TripInProgress> trips)
    {
        var remaining = fill.Quantity;
        while (remaining > 0 && lots.Count > 0 && lots[0].Direction != direction)
        {
            var lot = lots[0];
            var matched = Math.Min(remaining, lot.Remaining);
            if (lot.LastTrip is { } last && fill.OrderId is { } exitOrder && last.ExitOrderId == exitOrder)
            {
                // The next fill of the exit order that is already closing this entry: same trade.
                last.AddExit(matched, fill.Price, fill.Time);
            }
            else
            {
                var trip = new TripInProgress(NextId(lot.Id, pieces), lot, fill, matched);
                trips.Add(trip);
                lot.LastTrip = trip;
            }

            lot.Remaining -= matched;
            remaining -= matched;
            if (lot.Remaining == 0)
            {
                lots.RemoveAt(0);
            }
        }

        return remaining;
    }

    private static void Open(List<OpenLot> lots, Fill fill, TradeDirection direction, int quantity)
    {
        if (lots.Count > 0 && lots[^1] is { LastTrip: null } last && fill.OrderId is { } order && last.OrderId == order)
        {
            // Another fill of the same entry order, before any of it was closed: one entry.
            last.Add(quantity, fill.Price);
            return;
        }

        lots.Add(new OpenLot(fill.OrderId?.ToString() ?? fill.TradeId, fill.OrderId, direction, fill, quantity));
    }

    private static string NextId(string entryId, Dictionary<string, int> pieces)
    {
        pieces.TryGetValue(entryId, out var count);
        pieces[entryId] = count + 1;
        return count == 0 ? entryId : $"{entryId}#{count + 1}";
    }

    private sealed class OpenLot(string id, Guid? orderId, TradeDirection direction, Fill first, int quantity)
    {
        public string Id { get; } = id;

        public Guid? OrderId { get; } = orderId;

        public TradeDirection Direction { get; } = direction;

        public Fill First { get; } = first;

        public int Quantity { get; private set; } = quantity;

        public decimal Amount { get; private set; } = quantity * first.Price;

        public int Remaining { get; set; } = quantity;

        public TripInProgress? LastTrip { get; set; }

        public void Add(int quantity, decimal price)
        {
            Quantity += quantity;
            Remaining += quantity;
            Amount += quantity * price;
        }

        /// <summary>The entry cost of part of the lot, in proportion (exact when the lot traded at one price).</summary>
        public decimal CostOf(int quantity) => Amount * quantity / Quantity;
    }

    private sealed class TripInProgress(string id, OpenLot lot, Fill exit, int quantity)
    {
        private int _quantity = quantity;
        private decimal _entryCost = lot.CostOf(quantity);
        private decimal _exitAmount = quantity * exit.Price;
        private DateTimeOffset _exitTime = exit.Time;

        public Guid? ExitOrderId { get; } = exit.OrderId;

        public void AddExit(int quantity, decimal price, DateTimeOffset time)
        {
            _quantity += quantity;
            _entryCost += lot.CostOf(quantity);
            _exitAmount += quantity * price;
            _exitTime = time;
        }

        public RoundTrip ToRoundTrip()
        {
            var entry = lot.First;
            var gain = _exitAmount - _entryCost;
            return new RoundTrip(
                id,
                entry.StrategyId,
                entry.Instrument,
                entry.TradingSymbol,
                entry.Product,
                lot.Direction,
                _quantity,
                Math.Round(_entryCost / _quantity, 4),
                Math.Round(_exitAmount / _quantity, 4),
                entry.Time,
                _exitTime,
                Math.Round(lot.Direction == TradeDirection.Long ? gain : -gain, 2));
        }
    }
}
