using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Replay;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;

namespace KotakBlazor.Cli;

/// <summary>
/// <c>kotakblazor backtest</c>: resolves the instruments against the simulated universe of the
/// data's first day, checks the strategy's settings as the app would, replays the file through
/// <see cref="ReplayRunner"/> and reports as JSON.
/// </summary>
internal sealed class BacktestCommand(BacktestArguments arguments, IReadOnlyList<StrategyDefinition> strategies, TextWriter output, TextWriter error)
{
    private const int MaxReportedErrors = 1000;
    private const int MaxPrintedErrors = 50;

    // A fixed id: the same command on the same file prints the same report.
    private static readonly Guid StrategyId = new("6b1f3c52-3c1e-4a55-9a1c-0d2f1c6a7b01");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },

        // Timestamps carry '+' offsets; the default encoder would write them as \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var catalog = new StrategyCatalog(strategies);
        if (!catalog.TryGet(arguments.Strategy, out var definition))
        {
            var known = catalog.All.Count == 0 ? "none are built in yet" : "known: " + string.Join(", ", catalog.All.Select(d => d.Key));
            return await CliApplication.UsageErrorAsync(error, $"Unknown strategy '{arguments.Strategy}' ({known}).");
        }

        DataPreview preview;
        try
        {
            preview = await DataPreview.ReadAsync(arguments.Data, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read {arguments.Data}: {ex.Message}");
            return ExitCodes.BadData;
        }

        var format = arguments.Format ?? preview.Format;
        if (format is null)
        {
            await error.WriteLineAsync($"error: {arguments.Data} line 1: the header is neither '{ReplayCsv.TickHeader}' nor '{ReplayCsv.BarHeader}'.");
            return ExitCodes.BadData;
        }

        if (preview.FirstTime is not { } firstTime)
        {
            await error.WriteLineAsync($"error: {arguments.Data} has no row with a valid timestamp.");
            return ExitCodes.BadData;
        }

        var universeDate = IndianMarketTime.IstDate(firstTime);
        var instruments = new InstrumentCatalog(SimulatedUniverse.Create(firstTime, new SimulatorOptions()).Instruments);
        Instrument? barInstrument = null;
        if (format == ReplayFormat.Bars)
        {
            if (arguments.Symbol is null)
            {
                return await CliApplication.UsageErrorAsync(error, "A bar file names no instrument: give it with --symbol.");
            }

            if (!instruments.TryGetBySymbol(arguments.Symbol, out barInstrument))
            {
                return await CliApplication.UsageErrorAsync(error, $"Unknown symbol '{arguments.Symbol}' in the simulated universe of {universeDate:yyyy-MM-dd}.");
            }
        }

        var instrumentSymbol = arguments.Instrument ?? barInstrument?.TradingSymbol;
        if (instrumentSymbol is null)
        {
            if (preview.Symbols.Count != 1)
            {
                return await CliApplication.UsageErrorAsync(
                    error,
                    $"The file holds {preview.Symbols.Count} symbols ({string.Join(", ", preview.Symbols.Take(5))}{(preview.Symbols.Count > 5 ? ", ..." : string.Empty)}): choose the strategy's with --instrument.");
            }

            instrumentSymbol = preview.Symbols.First();
        }

        if (!instruments.TryGetBySymbol(instrumentSymbol, out var instrument))
        {
            return await CliApplication.UsageErrorAsync(error, $"Unknown instrument '{instrumentSymbol}' in the simulated universe of {universeDate:yyyy-MM-dd}.");
        }

        var config = new StrategyConfig(
            StrategyId,
            definition.Key,
            definition.Key,
            [instrument.Id],
            arguments.Timeframe ?? definition.DefaultTimeframe,
            arguments.Lots,
            ProductType.Mis,
            arguments.Parameters,
            Enabled: true);
        if (!StrategySettings.TryCreate(definition, config, instruments, out var settings, out var problems))
        {
            return await CliApplication.UsageErrorAsync(error, "The strategy's settings are not valid: " + string.Join(" ", problems));
        }

        var errors = new CappedErrorList(MaxReportedErrors);
        var runner = new ReplayRunner(instruments);
        ReplayResult result;
        int? dataTimeframe = null;
        try
        {
            using var reader = new StreamReader(arguments.Data);
            if (format == ReplayFormat.Ticks)
            {
                result = runner.RunTicks([settings!], new TickCsvReader(instruments).Read(reader, errors), cancellationToken);
            }
            else
            {
                var bars = new BarCsvReader(barInstrument!.Id).Read(reader, errors);
                if (bars.Count > 0)
                {
                    dataTimeframe = bars[0].Timeframe.Minutes;
                    if (settings!.Timeframe.Minutes % dataTimeframe != 0)
                    {
                        await PrintErrorsAsync(errors);
                        return await CliApplication.UsageErrorAsync(
                            error,
                            $"The strategy's {settings.Timeframe} bars cannot be built from the file's {bars[0].Timeframe} bars: choose a --timeframe that is a multiple of {bars[0].Timeframe.Minutes}.");
                    }
                }

                result = runner.RunBars([settings!], bars, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read {arguments.Data}: {ex.Message}");
            return ExitCodes.BadData;
        }

        await PrintErrorsAsync(errors);
        if (result.Stats.Ticks + result.Stats.DroppedTicks + result.Stats.Bars == 0)
        {
            await error.WriteLineAsync($"error: {arguments.Data} has no valid row.");
            return ExitCodes.BadData;
        }

        var status = result.Strategies.Single();
        if (status.Error is not null)
        {
            await error.WriteLineAsync($"warning: the strategy was stopped by an error: {status.Error}");
        }

        var report = new BacktestReport(
            new BacktestReport.RunParameters(
                definition.Key,
                definition.Name,
                arguments.Data,
                format == ReplayFormat.Ticks ? "ticks" : "bars",
                instrument.TradingSymbol,
                barInstrument?.TradingSymbol,
                settings!.Timeframe.Minutes,
                dataTimeframe,
                settings.Lots,
                settings.Product,
                settings.Values,
                universeDate),
            new BacktestReport.RunStats(
                result.Stats.Ticks,
                result.Stats.DroppedTicks,
                result.Stats.Bars,
                result.Stats.Signals,
                errors.Total,
                result.Stats.From,
                result.Stats.To,
                Math.Round(result.Stats.Elapsed.TotalMilliseconds, 1)),
            new BacktestReport.StrategyOutcome(status.Enabled, status.Error),
            [.. result.Signals.Select(BacktestReport.SignalEntry.From)],
            [.. errors],
            errors.Omitted);
        var json = JsonSerializer.Serialize(report, Json);
        await output.WriteLineAsync(json);
        if (arguments.Out is not null)
        {
            try
            {
                await File.WriteAllTextAsync(arguments.Out, json + "\n", cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"warning: cannot write {arguments.Out}: {ex.Message}");
            }
        }

        return ExitCodes.Completed;
    }

    private async Task PrintErrorsAsync(CappedErrorList errors)
    {
        foreach (var row in errors.Take(MaxPrintedErrors))
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{arguments.Data}:{row.LineNumber}: {row.Message}"));
        }

        if (errors.Total > MaxPrintedErrors)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {errors.Total - MaxPrintedErrors} more bad rows (up to {MaxReportedErrors} are in the report)."));
        }
    }
}
