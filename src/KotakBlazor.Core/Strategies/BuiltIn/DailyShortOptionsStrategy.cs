using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>
/// What the short straddle/strangle and the iron condor share: at most one entry a day between
/// the entry and exit times, decided when an underlying bar closes, with the short strikes chosen
/// by points from the spot or by delta on the chosen expiry's chain; once in, exits are checked
/// on every bar and every watched tick.
/// </summary>
public abstract class DailyShortOptionsStrategy : Strategy
{
    private readonly TimeOnly _entryTime;
    private readonly bool _byDelta;
    private readonly decimal _distance;
    private readonly double _targetDelta;
    private readonly string _expiryChoice;
    private IReadOnlyList<Instrument>? _options;

    /// <summary>Reads the shared parameters; <paramref name="distanceParameter"/> names the points-from-spot parameter.</summary>
    /// <exception cref="ArgumentException">The entry time is not before the exit time.</exception>
    private protected DailyShortOptionsStrategy(StrategySettings settings, string distanceParameter)
        : base(settings)
    {
        Underlying = settings.Instruments[0];
        _entryTime = settings.TimeOfDay("entryTime");
        ExitTime = settings.TimeOfDay("exitTime");
        if (_entryTime >= ExitTime)
        {
            throw new ArgumentException($"The entry time ({_entryTime:HH\\:mm}) must be before the exit time ({ExitTime:HH\\:mm}).", nameof(settings));
        }

        _byDelta = settings.Choice(OptionContracts.StrikeSelectionParameter.Name) == OptionContracts.ByDelta;
        _distance = settings.Integer(distanceParameter);
        _targetDelta = (double)settings.Decimal("targetDelta");
        _expiryChoice = settings.Choice(OptionContracts.ExpiryParameter.Name);
        Position = new OptionPosition(settings);
    }

    /// <summary>The index whose options are sold.</summary>
    protected Instrument Underlying { get; }

    /// <summary>Whatever is open is closed at this IST time.</summary>
    protected TimeOnly ExitTime { get; }

    /// <summary>The legs held and their entry premium.</summary>
    private protected OptionPosition Position { get; }

    /// <inheritdoc />
    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (bar.Instrument != Underlying.Id)
        {
            return;
        }

        if (Position.IsOpen)
        {
            ExitIfDue(context);
            return;
        }

        var ist = IndianMarketTime.ToIst(context.Now);
        var time = TimeOnly.FromDateTime(ist.DateTime);
        if (Position.LastEntryDate == DateOnly.FromDateTime(ist.DateTime) || time < _entryTime || time >= ExitTime)
        {
            return;
        }

        _options ??= OptionContracts.OptionsOf(context.Instruments, Underlying);
        var spot = context.TryGetLatest(Underlying.Id, out var tick) && tick.LastPrice > 0m ? tick.LastPrice : bar.Close;
        if (OptionContracts.ChooseExpiry(_options, context.Now, _expiryChoice) is not { } expiry)
        {
            return;
        }

        TryEnter(context, OptionContracts.Chain(context, _options, Underlying, expiry, spot), expiry, spot);
    }

    /// <inheritdoc />
    public override void OnTick(in Tick tick, IStrategyContext context) => ExitIfDue(context);

    /// <summary>Decides whether to enter now, on the chosen expiry's chain, and emits the entry.</summary>
    protected abstract void TryEnter(IStrategyContext context, OptionChainSnapshot chain, DateOnly expiry, decimal spot);

    /// <summary>Emits the exit when a stop, target, breach or the exit time says so.</summary>
    protected abstract void ExitIfDue(IStrategyContext context);

    /// <summary>The call and put to sell: nearest the target delta, or nearest the spot plus and minus the distance.</summary>
    protected (OptionQuote? Call, OptionQuote? Put) ShortStrikes(OptionChainSnapshot chain, decimal spot) => _byDelta
        ? (OptionContracts.NearestDelta(chain, OptionType.Call, _targetDelta), OptionContracts.NearestDelta(chain, OptionType.Put, _targetDelta))
        : (OptionContracts.NearestRow(chain, spot + _distance)?.Call, OptionContracts.NearestRow(chain, spot - _distance)?.Put);
}
