namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>First-start settings. Configuration section <c>Bootstrap</c> (environment <c>Bootstrap__AdminPassword</c>).</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    /// <summary>The password of the first admin. When unset a random one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
