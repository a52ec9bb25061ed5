namespace KotakBlazor.Web.Hosting;

/// <summary>The configuration asks for something this build cannot do. The message says what to change.</summary>
public sealed class StartupConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
