using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>What one scrip-master CSV file held.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Instruments">The rows that read cleanly, in file order.</param>
/// <param name="Problems">The rows that were skipped, with their line numbers.</param>
public sealed record ScripMasterParseResult(string File, IReadOnlyList<Instrument> Instruments, IReadOnlyList<ScripMasterProblem> Problems);
