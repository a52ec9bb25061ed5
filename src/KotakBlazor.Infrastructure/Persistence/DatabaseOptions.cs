namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>Where the data lives. Configuration section <c>Data</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Data";

    /// <summary>The data folder: the database, its backups, logs and keys. Relative paths are from the working directory.</summary>
    public string Folder { get; set; } = "data";

    /// <summary>The SQLite file's name inside the data folder.</summary>
    public string DatabaseFileName { get; set; } = "kotakblazor.db";

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(Folder, DatabaseFileName));

    /// <summary>A connection string for the database file. The busy timeout lets short write bursts wait instead of failing.</summary>
    public string ConnectionString => $"Data Source={DatabasePath};Default Timeout=15;Pooling=True";
}
