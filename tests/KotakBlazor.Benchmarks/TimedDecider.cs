using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Benchmarks;

/// <summary>Times <see cref="IOrderDecider.DecideAsync"/>.</summary>
internal sealed class TimedDecider(IOrderDecider inner, Probe probe) : IOrderDecider
{
    public Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken) =>
        probe.TimeAsync(() => inner.DecideAsync(request, cancellationToken));
}
