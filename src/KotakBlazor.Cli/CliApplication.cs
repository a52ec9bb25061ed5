using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Cli;

/// <summary>Dispatches the command line to a command; the process's <c>Main</c> in a testable form.</summary>
internal static class CliApplication
{
    public const string Usage = """
        kotakblazor: replay recorded market data through the KotakBlazor trading kernel.

        Usage:
          kotakblazor backtest --strategy <key> --data <file.csv> [options]
          kotakblazor --help

        backtest options:
          --strategy <key>        the strategy's catalogue key (required)
          --data <file.csv>       recorded ticks or bars (required)
          --format ticks|bars     the file's format (default: told by its header)
          --symbol <symbol>       the instrument of a bar file (required for bars)
          --instrument <symbol>   what the strategy trades (default: the only symbol of a
                                  tick file, or --symbol for bars)
          --timeframe 1|3|5|15    the strategy's bar length in minutes (default: its own)
          --lots <n>              lots per order (default: 1)
          --param <name>=<value>  a strategy parameter; repeat for more
          --out <report.json>     also write the JSON report to this file

        Tick files:  timestamp,symbol,ltp,qty,volume,oi
        Bar files:   timestamp,open,high,low,close,volume   (timestamp = the bar's start)
        Timestamps are ISO-8601 with an offset, e.g. 2026-11-23T09:15:00+05:30. Symbols are
        trading symbols of the simulated universe for the date of the first row (RELIANCE-EQ,
        Nifty 50, NIFTY26NOV26000CE...).

        The report (JSON) goes to stdout; bad rows are listed on stderr with their line numbers.
        Exit codes: 0 the run completed, 1 usage error, 2 the data cannot be read or has no valid rows.
        """;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        IReadOnlyList<StrategyDefinition> strategies,
        CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            await error.WriteLineAsync(Usage);
            return ExitCodes.Usage;
        }

        if (args[0] is "--help" or "-h" or "help" || (args[0] == "backtest" && args.Skip(1).Any(a => a is "--help" or "-h")))
        {
            await output.WriteLineAsync(Usage);
            return ExitCodes.Completed;
        }

        if (args[0] != "backtest")
        {
            return await UsageErrorAsync(error, $"Unknown command '{args[0]}'.");
        }

        if (!BacktestArguments.TryParse(args.Skip(1).ToList(), out var parsed, out var problem))
        {
            return await UsageErrorAsync(error, problem!);
        }

        return await new BacktestCommand(parsed!, strategies, output, error).RunAsync(cancellationToken);
    }

    public static async Task<int> UsageErrorAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync("error: " + problem);
        await error.WriteLineAsync();
        await error.WriteLineAsync(Usage);
        return ExitCodes.Usage;
    }
}
