using System.Text.Json;

namespace KotakBlazor.Cli.Tests;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kotakblazor-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, [UpBarTestStrategy.Definition], CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Three minutes of RELIANCE: up, down, up (the third minute stays forming), then a bad row.</summary>
    private string TickFile() => File(
        "ticks.csv",
        "timestamp,symbol,ltp,qty,volume,oi\n"
        + "2026-11-23T09:15:00+05:30,RELIANCE-EQ,1510.00,1,1,0\n"
        + "2026-11-23T09:15:30+05:30,RELIANCE-EQ,1512.50,1,2,0\n"
        + "2026-11-23T09:16:00+05:30,RELIANCE-EQ,1512.00,1,3,0\n"
        + "2026-11-23T09:16:30+05:30,RELIANCE-EQ,1511.00,1,4,0\n"
        + "2026-11-23T09:17:00+05:30,RELIANCE-EQ,1511.00,1,5,0\n"
        + "2026-11-23T09:17:20,RELIANCE-EQ,1515.00,1,6,0\n");

    [Fact]
    public async Task A_tick_file_is_replayed_and_reported_as_json_on_stdout_and_in_the_out_file()
    {
        var data = TickFile();
        var report = Path.Combine(_folder, "report.json");

        var (exit, output, error) = await RunAsync("backtest", "--strategy", "up-bar", "--data", data, "--param", "confidence=0.8", "--lots=3", "--out", report);

        Assert.Equal(0, exit);
        Assert.Equal(output, await System.IO.File.ReadAllTextAsync(report));
        Assert.Contains($"{data}:7: timestamp '2026-11-23T09:17:20' has no UTC offset", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("RELIANCE-EQ", root.GetProperty("run").GetProperty("instrument").GetString());
        Assert.Equal("0.8", root.GetProperty("run").GetProperty("parameters").GetProperty("confidence").GetString());
        Assert.Equal(5, root.GetProperty("stats").GetProperty("ticks").GetInt64());
        Assert.Equal(1, root.GetProperty("stats").GetProperty("rowsWithErrors").GetInt64());
        var signal = Assert.Single(root.GetProperty("signals").EnumerateArray());
        Assert.Equal("2026-11-23T09:16:00+05:30", signal.GetProperty("time").GetString());
        Assert.Equal("Entry", signal.GetProperty("kind").GetString());
        Assert.Equal(0.8m, signal.GetProperty("confidence").GetDecimal());
        var leg = Assert.Single(signal.GetProperty("legs").EnumerateArray());
        Assert.Equal(("nse_cm|2885", "Buy", 3, 1512.50m), (leg.GetProperty("instrument").GetString(), leg.GetProperty("side").GetString(), leg.GetProperty("quantity").GetInt32(), leg.GetProperty("price").GetDecimal()));
        Assert.Equal(7, Assert.Single(root.GetProperty("errors").EnumerateArray()).GetProperty("lineNumber").GetInt32());
    }

    [Fact]
    public async Task The_same_file_twice_gives_the_same_signals()
    {
        var data = TickFile();

        var first = await RunAsync("backtest", "--strategy", "up-bar", "--data", data);
        var second = await RunAsync("backtest", "--strategy", "up-bar", "--data", data);

        Assert.Equal(Signals(first.Output), Signals(second.Output));
        static string Signals(string output) => JsonDocument.Parse(output).RootElement.GetProperty("signals").GetRawText();
    }

    [Fact]
    public async Task A_bar_file_needs_its_symbol_and_builds_the_strategy_timeframe()
    {
        var data = File(
            "bars.csv",
            "timestamp,open,high,low,close,volume\n"
            + "2026-11-23T09:15:00+05:30,25950,25960,25940,25958,0\n"
            + "2026-11-23T09:16:00+05:30,25958,25962,25950,25955,0\n"
            + "2026-11-23T09:17:00+05:30,25955,25970,25955,25969,0\n");

        var withoutSymbol = await RunAsync("backtest", "--strategy", "up-bar", "--data", data);
        var (exit, output, _) = await RunAsync("backtest", "--strategy", "up-bar", "--data", data, "--symbol", "Nifty 50", "--timeframe", "3");

        Assert.Equal(1, withoutSymbol.Exit);
        Assert.Contains("--symbol", withoutSymbol.Error);
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((3, 1), (root.GetProperty("run").GetProperty("timeframe").GetInt32(), root.GetProperty("run").GetProperty("dataTimeframe").GetInt32()));
        Assert.Equal("2026-11-23T09:18:00+05:30", Assert.Single(root.GetProperty("signals").EnumerateArray()).GetProperty("time").GetString());
    }

    [Theory]
    [InlineData("--strategy", "nope", 1, "Unknown strategy 'nope' (known: up-bar)")]
    [InlineData("--param", "confidence=2", 1, "Confidence must be at most 1.")]
    [InlineData("--instrument", "NOPE-EQ", 1, "Unknown instrument 'NOPE-EQ'")]
    [InlineData("--bogus", "1", 1, "Unknown option '--bogus'")]
    public async Task Usage_errors_exit_with_1_and_the_usage(string option, string value, int expected, string message)
    {
        var args = new List<string> { "backtest", "--data", TickFile() };
        if (option != "--strategy")
        {
            args.AddRange(["--strategy", "up-bar"]);
        }

        args.AddRange([option, value]);

        var (exit, output, error) = await RunAsync([.. args]);

        Assert.Equal(expected, exit);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public async Task A_missing_file_or_one_without_a_valid_row_exits_with_2()
    {
        var missing = await RunAsync("backtest", "--strategy", "up-bar", "--data", Path.Combine(_folder, "missing.csv"));
        var noHeader = await RunAsync("backtest", "--strategy", "up-bar", "--data", File("bad.csv", "2026-11-23T09:15:00+05:30,RELIANCE-EQ,1,1,1,0\n"));
        var allBad = await RunAsync("backtest", "--strategy", "up-bar", "--instrument", "RELIANCE-EQ", "--data", File("allbad.csv", "timestamp,symbol,ltp,qty,volume,oi\n2026-11-23T09:15:00+05:30,NOPE,1,1,1,0\n"));

        Assert.Equal((2, 2, 2), (missing.Exit, noHeader.Exit, allBad.Exit));
        Assert.Contains("cannot read", missing.Error);
        Assert.Contains("line 1", noHeader.Error);
        Assert.Contains(":2: unknown symbol 'NOPE'", allBad.Error);
        Assert.Contains("has no valid row", allBad.Error);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_with_0()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("kotakblazor backtest --strategy <key> --data <file.csv>", output);
    }
}
