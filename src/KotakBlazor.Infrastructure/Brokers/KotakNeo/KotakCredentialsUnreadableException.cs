namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Stored broker credentials exist but cannot be decrypted: the Data Protection keys in the data folder
/// were lost or replaced. They must be entered again.
/// </summary>
public sealed class KotakCredentialsUnreadableException : Exception
{
    /// <summary>Creates the exception with the standard explanation.</summary>
    public KotakCredentialsUnreadableException()
        : base("The stored Kotak Neo credentials cannot be decrypted: the data-protection keys in the data folder (keys/) changed or were lost. Enter the credentials again.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public KotakCredentialsUnreadableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around its cause.</summary>
    public KotakCredentialsUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
