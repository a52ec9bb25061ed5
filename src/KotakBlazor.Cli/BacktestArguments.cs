using System.Globalization;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Replay;

namespace KotakBlazor.Cli;

/// <summary>The options of <c>kotakblazor backtest</c>, parsed by hand (no parser package is available to us).</summary>
internal sealed record BacktestArguments(
    string Strategy,
    string Data,
    ReplayFormat? Format,
    string? Symbol,
    string? Instrument,
    Timeframe? Timeframe,
    int Lots,
    IReadOnlyDictionary<string, string> Parameters,
    string? Out)
{
    public static bool TryParse(IReadOnlyList<string> args, out BacktestArguments? parsed, out string? problem)
    {
        parsed = null;
        problem = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"Unexpected argument '{arg}'.";
                return false;
            }

            // Both "--lots 2" and "--lots=2".
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                problem = $"--{name} needs a value.";
                return false;
            }

            switch (name)
            {
                case "strategy" or "data" or "format" or "symbol" or "instrument" or "timeframe" or "lots" or "out":
                    if (!values.TryAdd(name, value))
                    {
                        problem = $"--{name} is given twice.";
                        return false;
                    }

                    break;
                case "param":
                    var split = value.IndexOf('=', StringComparison.Ordinal);
                    if (split <= 0)
                    {
                        problem = $"--param takes name=value, not '{value}'.";
                        return false;
                    }

                    if (!parameters.TryAdd(value[..split].Trim(), value[(split + 1)..].Trim()))
                    {
                        problem = $"Parameter '{value[..split].Trim()}' is given twice.";
                        return false;
                    }

                    break;
                default:
                    problem = $"Unknown option '--{name}'.";
                    return false;
            }
        }

        if (!values.TryGetValue("strategy", out var strategy) || string.IsNullOrWhiteSpace(strategy))
        {
            problem = "--strategy is required.";
            return false;
        }

        if (!values.TryGetValue("data", out var data) || string.IsNullOrWhiteSpace(data))
        {
            problem = "--data is required.";
            return false;
        }

        ReplayFormat? format = null;
        if (values.TryGetValue("format", out var formatText))
        {
            format = formatText.ToLowerInvariant() switch
            {
                "ticks" => ReplayFormat.Ticks,
                "bars" => ReplayFormat.Bars,
                _ => null,
            };
            if (format is null)
            {
                problem = $"--format is ticks or bars, not '{formatText}'.";
                return false;
            }
        }

        Timeframe? timeframe = null;
        if (values.TryGetValue("timeframe", out var timeframeText))
        {
            if (!int.TryParse(timeframeText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is not (1 or 3 or 5 or 15))
            {
                problem = $"--timeframe is 1, 3, 5 or 15 (minutes), not '{timeframeText}'.";
                return false;
            }

            timeframe = new Timeframe(minutes);
        }

        var lots = 1;
        if (values.TryGetValue("lots", out var lotsText)
            && (!int.TryParse(lotsText, NumberStyles.None, CultureInfo.InvariantCulture, out lots) || lots < 1))
        {
            problem = $"--lots is a whole number of at least 1, not '{lotsText}'.";
            return false;
        }

        parsed = new BacktestArguments(
            strategy.Trim(),
            data,
            format,
            values.GetValueOrDefault("symbol")?.Trim(),
            values.GetValueOrDefault("instrument")?.Trim(),
            timeframe,
            lots,
            parameters,
            values.GetValueOrDefault("out"));
        return true;
    }
}
