namespace KotakBlazor.Web.Trading;

/// <summary>
/// Whether the trading side has finished starting (orders loaded, first reconciliation done).
/// Orders are refused until then: an order placed before a crash's intents are settled could
/// duplicate one of them.
/// </summary>
public sealed class TradingReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    public Task WhenReady => _ready.Task;

    public void Ready() => _ready.TrySetResult();

    public void Fail(string reason)
    {
        Failure = reason;
        _ready.TrySetException(new InvalidOperationException(reason));
    }
}
