using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>
/// Stores instants as INTEGER UTC ticks. SQLite cannot compare or order EF Core's default
/// TEXT form of <see cref="DateTimeOffset"/> in SQL; integers sort and compare exactly,
/// and ticks round-trip without loss.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
