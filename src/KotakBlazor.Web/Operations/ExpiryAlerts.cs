using KotakBlazor.Core.Messaging;

namespace KotakBlazor.Web.Operations;

/// <summary>The expiry banner's state: set by the expiry watch, read by every page's layout.</summary>
public sealed class ExpiryAlerts
{
    private ExpiryAlert? _current;

    /// <summary>The alert in force, if any.</summary>
    public ExpiryAlert? Current => Volatile.Read(ref _current);

    /// <summary>Every change (null when cleared).</summary>
    public EventStream<ExpiryAlert?> Changes { get; } = new();

    /// <summary>Shows <paramref name="alert"/>, or clears the banner with null.</summary>
    public void Set(ExpiryAlert? alert)
    {
        Volatile.Write(ref _current, alert);
        Changes.Publish(alert);
    }
}
