namespace KotakBlazor.Infrastructure.Operations;

/// <summary>How the end-of-day backup keeps its copies.</summary>
public sealed class BackupOptions
{
    /// <summary>The folder inside the data folder that holds the copies.</summary>
    public string FolderName { get; set; } = "backups";

    /// <summary>Copies of days older than this many days are removed (<c>Operations:BackupRetentionDays</c>).</summary>
    public int RetentionDays { get; set; } = 7;
}
