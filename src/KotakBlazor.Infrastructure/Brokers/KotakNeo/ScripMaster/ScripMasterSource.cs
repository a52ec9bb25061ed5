namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Where the instruments in the catalog came from after a refresh.</summary>
public enum ScripMasterSource
{
    /// <summary>The catalog already held today's set; nothing was done.</summary>
    AlreadyCurrent,
    /// <summary>Today's set was read from the database cache.</summary>
    Cache,
    /// <summary>Today's set was downloaded from Kotak and cached.</summary>
    Download,
    /// <summary>The download failed; an older cached day was loaded (offline).</summary>
    StaleCache,
    /// <summary>The download failed and nothing is cached: the catalog is empty.</summary>
    None,
}
