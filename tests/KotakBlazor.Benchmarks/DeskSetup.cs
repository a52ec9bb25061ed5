using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Benchmarks;

/// <summary>How the order desk under test is put together.</summary>
/// <param name="Execution">The desk's options (pacing).</param>
/// <param name="Limits">The kernel's risk limits.</param>
/// <param name="Probes">When given, the decider, store and broker are wrapped to time each step.</param>
/// <param name="FsyncIntents">The order store's <c>OrderStore:FsyncIntents</c>: false as in the Paper modes, true as with Kotak (ADR 0016).</param>
internal sealed record DeskSetup(ExecutionOptions Execution, RiskLimits Limits, OrderPathProbes? Probes = null, bool FsyncIntents = false);
