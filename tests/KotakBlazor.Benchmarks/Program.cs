using KotakBlazor.Benchmarks;

// Scenarios by name, so later ones (bars, indicators, risk) slot in beside ingestion.
var scenarios = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingestion"] = IngestionScenario.RunAsync,
    ["kernel"] = KernelScenario.RunAsync,
    ["replay-memory"] = ReplayMemoryScenario.RunAsync,
    ["risk"] = RiskScenario.RunAsync,
    ["order-path"] = OrderPathScenario.RunAsync,
    ["order-throughput"] = OrderThroughputScenario.RunAsync,
    ["order-store"] = OrderStoreScenario.RunAsync,
    ["strangle"] = StrangleScenario.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine($"usage: KotakBlazor.Benchmarks <scenario>   scenarios: {string.Join(", ", scenarios.Keys)}");
    return 2;
}

await scenario();
return 0;
