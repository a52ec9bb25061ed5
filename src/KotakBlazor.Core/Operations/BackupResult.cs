namespace KotakBlazor.Core.Operations;

/// <summary>What a backup did.</summary>
/// <param name="Path">The backup file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Removed">Older backups removed by the retention rule (file names).</param>
public sealed record BackupResult(string Path, long Bytes, IReadOnlyList<string> Removed);
