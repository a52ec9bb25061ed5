using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Benchmarks;

/// <summary>How the order desk under test is put together.</summary>
/// <param name="Execution">The desk's options (pacing).</param>
/// <param name="Limits">The kernel's risk limits.</param>
/// <param name="Probes">When given, the decider, store and broker are wrapped to time each step.</param>
internal sealed record DeskSetup(ExecutionOptions Execution, RiskLimits Limits, OrderPathProbes? Probes = null);
