namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Kotak's status codes (<c>stCode</c>) that change what we do, and plain-language help for the ones people hit.</summary>
public static class KotakErrorCodes
{
    /// <summary>Success.</summary>
    public const string Ok = "200";

    /// <summary>"invalid session token": log in again.</summary>
    public const string InvalidSession = "100022";

    /// <summary>Unauthorized: since April 2026 orders must come from the whitelisted static IP.</summary>
    public const string Unauthorized = "100008";

    /// <summary>The session was created from a different IP than this request.</summary>
    public const string IpMismatch = "1037";

    /// <summary>Insufficient balance.</summary>
    public const string InsufficientBalance = "1004";

    /// <summary>Already executed, or no such order.</summary>
    public const string NotFoundOrExecuted = "1006";

    /// <summary>The request body is invalid.</summary>
    public const string InvalidBody = "1007";

    /// <summary>Invalid quantity or instrument.</summary>
    public const string InvalidQuantityOrInstrument = "1009";

    /// <summary>The order is already complete.</summary>
    public const string OrderCompleted = "1021";

    /// <summary>"No Data": an empty book, not an error.</summary>
    public const string NoData = "5203";

    /// <summary>A required header is missing.</summary>
    public const string HeaderMissing = "10512";

    /// <summary>Whether the code means the broker refused the request because of where it came from.</summary>
    public static bool IsStaticIpRefusal(string? code) => code is Unauthorized or IpMismatch;

    /// <summary>What a person should do about an error code, in plain words; null when there is nothing to add to the broker's message.</summary>
    public static string? Help(string? code) => code switch
    {
        Unauthorized => "Since 1 April 2026 Kotak accepts orders only from the static IP registered for your Trade API application. "
            + "Check the IP registered in the Neo app (Trade API) against the IP Kotak sees on the broker health panel, then log in again from that IP.",
        IpMismatch => "The session was created from a different IP than the one this request came from. Log in again from the registered static IP.",
        InvalidSession => "The Kotak session has ended. The adapter logs in again once by itself; if this persists, check the credentials and the TOTP clock.",
        InsufficientBalance => "The account does not have enough funds or margin for this order.",
        HeaderMissing => "A header Kotak requires was missing: the adapter may be out of date with Kotak's API.",
        _ => null,
    };
}
