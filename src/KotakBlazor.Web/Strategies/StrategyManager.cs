using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData;
using KotakBlazor.Infrastructure.Signals;
using KotakBlazor.Infrastructure.Strategies;

namespace KotakBlazor.Web.Strategies;

/// <summary>
/// Adds, changes, enables, disables and removes strategies: checks the request, stores it,
/// warms the strategy up from stored bars and hands it to the kernel, and audits who did it.
/// Traders and admins may change strategies; viewers may not (checked here, on the server).
/// </summary>
public sealed class StrategyManager(
    TradingKernel kernel,
    StrategyCatalog catalog,
    IInstrumentCatalog instruments,
    StrategyStore store,
    BarStore bars,
    SignalStore signals,
    AuditLog audit,
    TimeProvider time,
    ILogger<StrategyManager> logger)
{
    /// <summary>1-minute bars loaded per instrument to warm a strategy up: a full session and a half.</summary>
    public const int WarmUpBars = 560;

    private readonly Lock _gate = new();
    private Dictionary<Guid, StoredProblem> _unloadable = [];

    /// <summary>Every running strategy's status.</summary>
    public IReadOnlyList<StrategyStatus> Strategies => kernel.Core.Strategies;

    /// <summary>Stored strategies that could not be started (an instrument expired, a kind no longer exists), with why.</summary>
    public IReadOnlyList<StoredProblem> Unloadable
    {
        get
        {
            lock (_gate)
            {
                return [.. _unloadable.Values];
            }
        }
    }

    /// <summary>Starts every stored strategy. Called once the kernel loop runs.</summary>
    public async Task ResumeStoredAsync(CancellationToken cancellationToken)
    {
        var problems = new Dictionary<Guid, StoredProblem>();
        var dayStart = IndianMarketTime.AtIst(IndianMarketTime.IstDate(time.GetUtcNow()), TimeOnly.MinValue);
        var today = await signals.CountSinceAsync(dayStart, cancellationToken);
        foreach (var config in await store.ListAsync(cancellationToken))
        {
            var errors = await StartAsync(config, today.GetValueOrDefault(config.Id), cancellationToken);
            if (errors.Count > 0)
            {
                problems[config.Id] = new StoredProblem(config, errors);
                logger.LogWarning("Stored strategy {Name} ({Key}) was not started: {Errors}", config.Name, config.Key, string.Join(" ", errors));
            }
        }

        lock (_gate)
        {
            _unloadable = problems;
        }

        logger.LogInformation("Resumed {Count} stored strategies ({Problems} could not start)", Strategies.Count, problems.Count);
    }

    public async Task<StrategyResult> AddAsync(StrategyConfig config, ActingUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Refuse(user) is { } refusal)
        {
            return refusal;
        }

        config = config with { Id = config.Id == Guid.Empty ? Guid.NewGuid() : config.Id };
        if (!TrySettings(config, out _, out var errors))
        {
            return StrategyResult.Refused([.. errors]);
        }

        await store.SaveAsync(config, user.UserName, cancellationToken);
        var startErrors = await StartAsync(config, 0, cancellationToken);
        await audit.WriteAsync(user.UserName, "strategy.added", $"Added strategy '{config.Name}' ({config.Key}).", null, cancellationToken);
        return new StrategyResult(Find(config.Id), startErrors);
    }

    /// <summary>Replaces a strategy's configuration: the running instance is rebuilt and warmed up again.</summary>
    public async Task<StrategyResult> UpdateAsync(StrategyConfig config, ActingUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Refuse(user) is { } refusal)
        {
            return refusal;
        }

        if (!TrySettings(config, out _, out var errors))
        {
            return StrategyResult.Refused([.. errors]);
        }

        // Saving an edit must not bring back a strategy someone else removed meanwhile.
        if (!(await store.ListAsync(cancellationToken)).Any(c => c.Id == config.Id))
        {
            return StrategyResult.Refused("This strategy no longer exists; it may have been removed in another window.");
        }

        await kernel.InvokeAsync(core => core.Remove(config.Id), cancellationToken);
        await store.SaveAsync(config, user.UserName, cancellationToken);
        var startErrors = await StartAsync(config, 0, cancellationToken);
        await audit.WriteAsync(user.UserName, "strategy.changed", $"Changed strategy '{config.Name}' ({config.Key}).", null, cancellationToken);
        return new StrategyResult(Find(config.Id), startErrors);
    }

    public async Task<StrategyResult> SetEnabledAsync(Guid id, bool enabled, ActingUser user, CancellationToken cancellationToken)
    {
        if (Refuse(user) is { } refusal)
        {
            return refusal;
        }

        var status = await kernel.InvokeAsync(core => core.SetEnabled(id, enabled), cancellationToken);
        if (status is null)
        {
            return StrategyResult.Refused("No such strategy is running.");
        }

        await store.SetEnabledAsync(id, status.Enabled, cancellationToken);
        await audit.WriteAsync(user.UserName, enabled ? "strategy.enabled" : "strategy.disabled", $"{(enabled ? "Enabled" : "Disabled")} strategy '{status.Config.Name}'.", null, cancellationToken);
        return new StrategyResult(status, status.Error is null ? [] : [status.Error]);
    }

    /// <summary>Disables every enabled strategy (the kill switch, the end of a live session); returns how many.</summary>
    public async Task<int> PauseAllAsync(ActingUser user, string why, CancellationToken cancellationToken)
    {
        var paused = 0;
        foreach (var status in Strategies.Where(s => s.Enabled))
        {
            var result = await SetEnabledAsync(status.Id, false, user, cancellationToken);
            if (result.Status is { Enabled: false })
            {
                paused++;
            }
        }

        if (paused > 0)
        {
            logger.LogWarning("{Count} strategies paused: {Why}", paused, why);
        }

        return paused;
    }

    public async Task<StrategyResult> RemoveAsync(Guid id, ActingUser user, CancellationToken cancellationToken)
    {
        if (Refuse(user) is { } refusal)
        {
            return refusal;
        }

        var name = Find(id)?.Config.Name ?? Unloadable.FirstOrDefault(p => p.Config.Id == id)?.Config.Name;
        await kernel.InvokeAsync(core => core.Remove(id), cancellationToken);
        var deleted = await store.DeleteAsync(id, cancellationToken);
        lock (_gate)
        {
            _unloadable.Remove(id);
        }

        if (!deleted)
        {
            return StrategyResult.Refused("No such strategy.");
        }

        await audit.WriteAsync(user.UserName, "strategy.removed", $"Removed strategy '{name}'.", null, cancellationToken);
        return new StrategyResult(null, []);
    }

    private async Task<IReadOnlyList<string>> StartAsync(StrategyConfig config, int signalsToday, CancellationToken cancellationToken)
    {
        if (!TrySettings(config, out var settings, out var errors))
        {
            return errors;
        }

        var history = new List<Bar>();
        foreach (var instrument in settings!.Instruments)
        {
            history.AddRange(await bars.RecentAsync(instrument.Id, Timeframe.OneMinute, WarmUpBars, cancellationToken));
        }

        history.Sort((a, b) => a.Start.CompareTo(b.Start));
        var status = await kernel.InvokeAsync(core => core.Add(settings, history, signalsToday), cancellationToken);
        return status.Error is null ? [] : [status.Error];
    }

    private bool TrySettings(StrategyConfig config, out StrategySettings? settings, out IReadOnlyList<string> errors)
    {
        settings = null;
        if (!catalog.TryGet(config.Key, out var definition))
        {
            errors = [$"There is no strategy of kind '{config.Key}'."];
            return false;
        }

        return StrategySettings.TryCreate(definition, config, instruments, out settings, out errors);
    }

    private StrategyStatus? Find(Guid id) => kernel.Core.Strategies.FirstOrDefault(s => s.Id == id);

    private static StrategyResult? Refuse(ActingUser user) =>
        user.Role is UserRoles.Admin or UserRoles.Trader ? null : StrategyResult.Refused("Only traders and admins can change strategies.");

    /// <summary>A stored strategy that could not start, and why.</summary>
    public sealed record StoredProblem(StrategyConfig Config, IReadOnlyList<string> Errors);
}
