namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>The database could not be opened or upgraded. The message says what to do.</summary>
public sealed class DatabaseStartupException(string message, Exception? innerException = null) : Exception(message, innerException);
