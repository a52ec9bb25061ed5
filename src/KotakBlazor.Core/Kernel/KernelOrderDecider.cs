using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Kernel;

/// <summary>Decides orders on the trading kernel's loop (the live path's <see cref="IOrderDecider"/>).</summary>
public sealed class KernelOrderDecider(TradingKernel kernel, TimeProvider clock) : IOrderDecider
{
    /// <inheritdoc />
    public Task<OrderDecision> DecideAsync(OrderRequest request, CancellationToken cancellationToken) =>
        kernel.InvokeAsync(core => core.Decide(request, clock.GetUtcNow()), cancellationToken);
}
