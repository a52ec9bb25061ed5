namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>A configured strategy, stored so a restart resumes it.</summary>
public sealed class StrategyRecord
{
    public Guid Id { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>JSON array of <c>segment|token</c> keys.</summary>
    public required string InstrumentsJson { get; set; }

    public int TimeframeMinutes { get; set; }

    public int Lots { get; set; }

    public required string Product { get; set; }

    /// <summary>JSON object of parameter name to invariant text.</summary>
    public required string ParametersJson { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Signals are placed as orders without a person confirming them.</summary>
    public bool AutoExecute { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
