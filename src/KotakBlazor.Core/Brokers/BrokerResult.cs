namespace KotakBlazor.Core.Brokers;

/// <summary>A broker call's answer: a value, or an error that says what it means for a retry.</summary>
public readonly record struct BrokerResult<T>
{
    private BrokerResult(T? value, BrokerError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>The error when it did not.</summary>
    public BrokerError? Error { get; }

    /// <summary>True when the call succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A success.</summary>
    public static BrokerResult<T> Ok(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static BrokerResult<T> Fail(BrokerError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>A failure.</summary>
    public static BrokerResult<T> Fail(BrokerErrorKind kind, string message, string? code = null) => Fail(new BrokerError(kind, message, code));

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Ok({Value})" : Error!.ToString();
}

/// <summary>Why a broker call failed, in the broker's words where it gave some.</summary>
/// <param name="Kind">What the failure means for a retry.</param>
/// <param name="Message">The broker's message (or ours when it gave none).</param>
/// <param name="Code">The broker's error code (<c>stCode</c>, HTTP status), if any.</param>
public sealed record BrokerError(BrokerErrorKind Kind, string Message, string? Code = null)
{
    /// <summary>True when the request certainly did not take effect and may be sent again.</summary>
    public bool IsSafeToRetry => Kind is BrokerErrorKind.Unreachable or BrokerErrorKind.RateLimited or BrokerErrorKind.SessionExpired;

    /// <inheritdoc />
    public override string ToString() => Code is null ? $"{Kind}: {Message}" : $"{Kind} ({Code}): {Message}";
}

/// <summary>The kinds of broker failure, by what they mean for the order.</summary>
public enum BrokerErrorKind
{
    /// <summary>The broker looked at the request and said no (insufficient funds, invalid quantity, market closed...). Final.</summary>
    Refused,
    /// <summary>The request never reached the broker (connection refused, DNS). Safe to retry.</summary>
    Unreachable,
    /// <summary>The broker asked us to slow down (HTTP 429) without acting. Safe to retry later.</summary>
    RateLimited,
    /// <summary>The session is invalid (100022, HTTP 403); nothing was done. Log in again, then retry.</summary>
    SessionExpired,
    /// <summary>The request may or may not have taken effect (timeout, 5xx after sending). Never resend blindly: look the order up by its tag.</summary>
    Unknown,
    /// <summary>The order (for a modify or cancel) does not exist or is already final.</summary>
    NotFound,
    /// <summary>The broker answered with something we cannot read.</summary>
    Malformed,
}
