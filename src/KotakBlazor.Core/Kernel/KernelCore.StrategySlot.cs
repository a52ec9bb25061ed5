using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Kernel;

/// <summary>
/// One strategy's place in the kernel: its instance, its status, and the context it sees.
/// Every call into the strategy is guarded: one that throws is stopped with its error shown,
/// and the kernel and the other strategies go on.
/// </summary>
public sealed partial class KernelCore
{
    private sealed class StrategySlot(KernelCore kernel, StrategySettings settings, int signalsToday) : IStrategyContext
    {
        private bool _enabled = settings.Config.Enabled;
        private bool _warmingUp;
        private string? _error;
        private int _signalsToday = signalsToday;
        private DateTimeOffset? _lastSignalAt;

        public StrategySettings Settings { get; } = settings;

        public Strategy? Strategy { get; private set; }

        public Exception? Fault { get; private set; }

        public StrategyStatus Status => new(Settings.Config with { Enabled = _enabled }, _enabled, _error, _signalsToday, _lastSignalAt);

        public DateTimeOffset Now => kernel.Now;

        public bool IsWarmingUp => _warmingUp;

        public IInstrumentCatalog Instruments => kernel.Instruments;

        public bool TryCreate()
        {
            try
            {
                Strategy = Settings.Definition.Create(Settings);
                return true;
            }
            catch (Exception ex)
            {
                Stop(ex);
                return false;
            }
        }

        public void WarmUp(IEnumerable<Bar> history)
        {
            var resampler = new Dictionary<InstrumentId, BarAggregator>();
            var wanted = Strategy!.BarInstruments.ToHashSet();
            _warmingUp = true;
            try
            {
                foreach (var bar in history)
                {
                    if (!wanted.Contains(bar.Instrument))
                    {
                        continue;
                    }

                    if (!resampler.TryGetValue(bar.Instrument, out var aggregator))
                    {
                        aggregator = new BarAggregator(bar.Instrument, Settings.Timeframe);
                        resampler[bar.Instrument] = aggregator;
                    }

                    if (aggregator.Update(in bar, out var closed))
                    {
                        DeliverBar(in closed, force: true);
                    }
                }
            }
            finally
            {
                _warmingUp = false;
            }
        }

        public void DeliverBar(in Bar bar, bool force = false)
        {
            if (!(_enabled || force) || Strategy is null || _error is not null)
            {
                return;
            }

            try
            {
                Strategy.OnBar(in bar, this);
            }
            catch (Exception ex)
            {
                Stop(ex);
                kernel.Publish(this, removed: false, fault: ex);
            }
        }

        public void DeliverTick(in Tick tick)
        {
            if (!_enabled || Strategy is null || _error is not null)
            {
                return;
            }

            try
            {
                Strategy.OnTick(in tick, this);
            }
            catch (Exception ex)
            {
                Stop(ex);
                kernel.Publish(this, removed: false, fault: ex);
            }
        }

        public void SetEnabled(bool enabled)
        {
            if (enabled && _error is not null)
            {
                // A fresh instance: whatever state made it throw is gone.
                kernel.Unsubscribe(this);
                _error = null;
                Fault = null;
                if (TryCreate())
                {
                    kernel.Subscribe(this);
                }
            }

            _enabled = enabled && _error is null;
        }

        public void ResetDailyCounters() => _signalsToday = 0;

        public bool TryGetLatest(InstrumentId instrument, out Tick tick) => kernel._latest.TryGetValue(instrument, out tick);

        public void WatchTicks(InstrumentId instrument) => kernel.Watch(this, instrument);

        public void UnwatchTicks(InstrumentId instrument) => kernel.Unwatch(this, instrument);

        public void Emit(
            SignalKind kind,
            IReadOnlyList<SignalLeg> legs,
            decimal? stopLoss,
            decimal? target,
            decimal confidence,
            string reason,
            IReadOnlyDictionary<string, string>? metadata = null)
        {
            if (_warmingUp)
            {
                return;
            }

            if (legs is null || legs.Count == 0 || legs.Any(l => l.Quantity <= 0))
            {
                throw new InvalidOperationException($"Strategy '{Settings.Name}' emitted a signal without legs or with a non-positive quantity.");
            }

            var signal = new Signal(
                Settings.Id,
                Settings.Name,
                Settings.Definition.Key,
                kernel.Now,
                kind,
                legs,
                Settings.Product,
                stopLoss,
                target,
                Math.Clamp(confidence, 0m, 1m),
                reason,
                metadata ?? new Dictionary<string, string>());
            _signalsToday++;
            _lastSignalAt = kernel.Now;
            kernel.RefreshStatus(this);
            kernel._events.SignalRaised(signal);
        }

        private void Stop(Exception ex)
        {
            _error = $"{ex.GetType().Name}: {ex.Message}";
            Fault = ex;
            _enabled = false;
        }
    }
}
