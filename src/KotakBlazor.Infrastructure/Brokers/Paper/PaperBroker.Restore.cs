using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

public sealed partial class PaperBroker
{
    /// <summary>
    /// Rebuilds the paper account's positions from fills the system stored, before the broker
    /// starts. A real broker keeps its account across our restarts; the paper broker lives in the
    /// process, so without this a restart would leave the system holding positions the broker no
    /// longer knows (and reconciliation would call them manual). Working orders are not restored:
    /// like day orders at a real close, they end with the process, and reconciliation records that.
    /// </summary>
    /// <returns>How many fills were applied (fills of instruments the catalog no longer knows are skipped).</returns>
    /// <exception cref="InvalidOperationException">The broker has started already.</exception>
    public int RestoreFills(IEnumerable<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var applied = 0;
        lock (_gate)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("Restore the paper account before starting the broker.");
            }

            foreach (var fill in fills)
            {
                if (_instruments.TryGet(fill.Instrument, out var instrument))
                {
                    PositionLocked(instrument, fill.Product).Add(fill.Side, fill.Quantity, fill.Price);
                    applied++;
                }
            }
        }

        return applied;
    }
}
