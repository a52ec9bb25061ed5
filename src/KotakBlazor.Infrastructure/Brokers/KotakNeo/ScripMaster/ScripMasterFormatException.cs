namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>A scrip-master file or answer is not in the shape Kotak documents (missing header or columns, unreadable file-paths answer).</summary>
public sealed class ScripMasterFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScripMasterFormatException()
    {
    }

    /// <summary>Creates the exception with a message for people.</summary>
    public ScripMasterFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ScripMasterFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
