using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>Reads the <c>segment|token</c> form instruments are stored in.</summary>
internal static class StoredInstrument
{
    public static InstrumentId Parse(string key) => InstrumentId.TryParse(key, out var id)
        ? id
        : throw new InvalidDataException($"The stored instrument '{key}' is not in segment|token form.");
}
