namespace KotakBlazor.Web.Hosting;

/// <summary>Which market feed and which broker the app uses.</summary>
public enum BrokerMode
{
    /// <summary>The simulated market and the paper broker: no account needed.</summary>
    Paper,

    /// <summary>Kotak Neo's live feed and real orders.</summary>
    KotakNeo,

    /// <summary>Kotak Neo's live feed with the paper broker.</summary>
    KotakPaper,
}
