using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Market;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Placements;

/// <summary>
/// What the strategy builder and the placements list use, for the person of this circuit: option
/// chains, payoffs, previews, and the placement commands taken as the signed-in user the server
/// knows (so the role checks see the real role whatever the browser shows), with live placements,
/// orders and prices to follow.
/// </summary>
public sealed class PlacementScreen(
    PlacementCommands commands,
    PlacementDesk desk,
    OrderManager orders,
    OptionChains chains,
    LiveMarket market,
    TradingKernel kernel,
    KernelEventStreams events,
    IInstrumentCatalog instruments,
    CurrentUser currentUser,
    TimeProvider clock)
{
    private static readonly IReadOnlyList<string> SignInFirst = ["Sign in to trade."];

    public async Task<ActingUser?> GetUserAsync() =>
        await currentUser.GetAsync() is { } user ? new ActingUser(user.UserName, user.Role) : null;

    /// <summary>Whether the signed-in person may trade (for what the page offers; the server checks again on every command).</summary>
    public async Task<bool> CanTradeAsync() => await GetUserAsync() is { } user && TradingCommands.MayTrade(user);

    public DateTimeOffset Now => clock.GetUtcNow();

    public PlacementOptions Options => desk.Options;

    public int OrdersPerSecond => desk.OrdersPerSecond;

    public IReadOnlyList<OptionUnderlying> Underlyings => chains.Underlyings;

    /// <summary>The chain of an underlying and expiry; null until the underlying has a price.</summary>
    public OptionChainSnapshot? Chain(OptionUnderlying underlying, DateOnly expiry) => chains.Build(underlying, expiry);

    /// <summary>The payoff, breakevens and worst case of legs on a chain.</summary>
    public StrategyAnalysis Analyse(IReadOnlyList<BuilderLeg> legs, OptionChainSnapshot chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return PayoffCalculator.Analyse(legs, chain.Spot, chain.YearsToExpiry, chain.RiskFreeRate, chain.DividendYield, desk.Options.StressPercent);
    }

    /// <summary>How much of today's loss budget a worst case would use.</summary>
    public DailyLossBudget Budget(decimal worstCase) => new(kernel.Core.Risk.Limits.MaxDailyLoss, kernel.Core.Portfolio.DayPnl, worstCase);

    public bool TryGetInstrument(InstrumentId id, out Instrument instrument) => instruments.TryGet(id, out instrument);

    public decimal? LastPrice(InstrumentId id) => market.TryGetLatest(id, out var tick) && tick.LastPrice > 0 ? tick.LastPrice : null;

    public Order? FindOrder(Guid id) => orders.Find(id);

    /// <summary>Entries newest first (exits and rolls belong to them).</summary>
    public IReadOnlyList<Placement> Entries => [.. desk.Placements.Where(p => p.Kind == PlacementKind.Entry)];

    public Placement? Find(Guid id) => desk.Find(id);

    public IReadOnlyList<Placement> Family(Guid entryId) => desk.Family(entryId);

    /// <summary>An entry's position with its P&amp;L at the live prices.</summary>
    public PlacementPosition? Position(Guid entryId) => desk.Position(entryId, LastPrice);

    public EventStream<PlacementProgress>.Subscription SubscribeProgress() => desk.Progress.Subscribe(capacity: 4096);

    public EventStream<Order>.Subscription SubscribeOrders() => orders.Changes.Subscribe(capacity: 4096);

    public EventStream<PortfolioSnapshot>.Subscription SubscribePortfolio() => events.Portfolio.Subscribe(capacity: 64);

    public async Task<PlacementPreview> PreviewAsync(PlacementDraft draft, CancellationToken cancellationToken) =>
        await commands.PreviewAsync(draft, (await GetUserAsync())?.UserName ?? "preview", cancellationToken);

    public async Task<PlacementPreview> PreviewExitAsync(Guid exitId, Guid entryId, CancellationToken cancellationToken) =>
        await commands.PreviewExitAsync(exitId, entryId, (await GetUserAsync())?.UserName ?? "preview", cancellationToken);

    public async Task<PlacementPreview> PreviewRollAsync(Guid rollId, Guid entryId, InstrumentId from, InstrumentId to, CancellationToken cancellationToken) =>
        await commands.PreviewRollAsync(rollId, entryId, from, to, (await GetUserAsync())?.UserName ?? "preview", cancellationToken);

    public Task<PlacementResult> ExecuteAsync(PlacementDraft draft, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.ExecuteAsync(user, draft, cancellationToken));

    public Task<PlacementResult> ResumeAsync(Guid id, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.ResumeAsync(user, id, cancellationToken));

    public Task<PlacementResult> UnwindAsync(Guid id, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.UnwindAsync(user, id, cancellationToken));

    public Task<PlacementResult> KeepAsync(Guid id, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.KeepAsync(user, id, cancellationToken));

    public Task<PlacementResult> CloseAsync(Guid exitId, Guid entryId, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.CloseAsync(user, exitId, entryId, cancellationToken));

    public Task<PlacementResult> RollAsync(Guid rollId, Guid entryId, InstrumentId from, InstrumentId to, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => commands.RollAsync(user, rollId, entryId, from, to, cancellationToken));

    private async Task<PlacementResult> AsSignedInUserAsync(Func<ActingUser, Task<PlacementResult>> command) =>
        await GetUserAsync() is { } user ? await command(user) : new PlacementResult(false, null, SignInFirst);
}
