using KotakBlazor.Core.Brokers;

namespace KotakBlazor.Web.Broker;

/// <summary>No Kotak session could be had: no credentials, a refused login, or Kotak out of reach. The message is for people.</summary>
public sealed class KotakNotLoggedInException : Exception
{
    public KotakNotLoggedInException()
        : base(KotakBrokerLogin.NotLoggedIn)
    {
    }

    public KotakNotLoggedInException(string message)
        : base(message)
    {
    }

    public KotakNotLoggedInException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KotakNotLoggedInException(BrokerError error)
        : base(KotakBrokerLogin.Describe(error))
    {
        Error = error;
    }

    /// <summary>Why, as the session keeper or Kotak put it.</summary>
    public BrokerError? Error { get; }
}
