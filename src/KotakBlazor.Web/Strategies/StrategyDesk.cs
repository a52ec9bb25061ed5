using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Signals;
using KotakBlazor.Web.Auth;

namespace KotakBlazor.Web.Strategies;

/// <summary>
/// What the pages use of strategies and signals, for the person of this circuit. Every change
/// is made as the signed-in user the server knows, so the manager's role check always sees the
/// real role, whatever the browser shows or sends.
/// </summary>
public sealed class StrategyDesk(
    StrategyManager manager,
    StrategyCatalog catalog,
    IInstrumentCatalog instruments,
    KernelEventStreams events,
    SignalStore signals,
    CurrentUser currentUser)
{
    /// <summary>The kinds of strategy that can be added, in catalogue order.</summary>
    public IReadOnlyList<StrategyDefinition> Kinds => catalog.All;

    /// <summary>Every running strategy's status, sorted by name.</summary>
    public IReadOnlyList<StrategyStatus> Strategies => manager.Strategies;

    /// <summary>Stored strategies that could not start, with why.</summary>
    public IReadOnlyList<StrategyManager.StoredProblem> Unloadable => manager.Unloadable;

    public bool TryGetKind(string key, out StrategyDefinition definition) => catalog.TryGet(key, out definition);

    public bool TryGetInstrument(InstrumentId id, out Instrument instrument) => instruments.TryGet(id, out instrument);

    /// <summary>Whether the signed-in person may change strategies (for what the page offers; the manager checks again).</summary>
    public async Task<bool> CanChangeAsync() => (await currentUser.GetAsync())?.Role is UserRoles.Admin or UserRoles.Trader;

    /// <summary>Whether options are listed on this instrument's underlying (what option strategies need).</summary>
    public bool HasListedOptions(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instruments.All.Any(i => i.Type == InstrumentType.Option && string.Equals(i.Underlying, instrument.Underlying, StringComparison.Ordinal));
    }

    /// <summary>Instruments a strategy of <paramref name="kind"/> can take, best match first.</summary>
    public IReadOnlyList<Instrument> SearchInstruments(string query, StrategyInstruments kind, int limit)
    {
        if (kind == StrategyInstruments.Directional)
        {
            return instruments.Search(query, limit);
        }

        // Option strategies take the underlying (the index or the stock), never a contract.
        return [.. instruments.Search(query, limit * 20)
            .Where(i => (i.Type is InstrumentType.Index or InstrumentType.Equity) && HasListedOptions(i))
            .Take(limit)];
    }

    public Task<StrategyResult> AddAsync(StrategyConfig config, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => manager.AddAsync(config, user, cancellationToken));

    public Task<StrategyResult> UpdateAsync(StrategyConfig config, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => manager.UpdateAsync(config, user, cancellationToken));

    public Task<StrategyResult> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => manager.SetEnabledAsync(id, enabled, user, cancellationToken));

    public Task<StrategyResult> RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        AsSignedInUserAsync(user => manager.RemoveAsync(id, user, cancellationToken));

    /// <summary>Strategy changes as they happen; dispose to stop.</summary>
    public EventStream<StrategyChange>.Subscription SubscribeChanges() => events.StrategyChanges.Subscribe(capacity: 256);

    /// <summary>Signals as strategies raise them; dispose to stop.</summary>
    public EventStream<Signal>.Subscription SubscribeSignals() => events.Signals.Subscribe(capacity: 256);

    /// <summary>The latest stored signals, newest first.</summary>
    public Task<IReadOnlyList<Signal>> RecentSignalsAsync(int count, CancellationToken cancellationToken) =>
        signals.RecentAsync(count, null, cancellationToken);

    private async Task<StrategyResult> AsSignedInUserAsync(Func<ActingUser, Task<StrategyResult>> change)
    {
        var user = await currentUser.GetAsync();
        return user is { } signedIn
            ? await change(new ActingUser(signedIn.UserName, signedIn.Role))
            : StrategyResult.Refused("Sign in to change strategies.");
    }
}
