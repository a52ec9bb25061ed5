using KotakBlazor.Core.Journal;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>
/// Round trips, newest exit first, each with the trader's note (saved with Enter or the Save
/// button). <see cref="JournalService"/> refuses viewers' notes on the server.
/// </summary>
public sealed partial class RoundTripTable
{
    private readonly Dictionary<string, string> _drafts = [];
    private readonly HashSet<string> _saved = [];
    private string? _saving;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private JournalService Journal { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    /// <summary>The round trips, oldest exit first (as the journal gives them).</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<RoundTrip> Trips { get; set; } = [];

    /// <summary>Strategy names by id, for the strategy column.</summary>
    [Parameter]
    public Func<Guid?, string> StrategyName { get; set; } = id => id?.ToString() ?? "–";

    /// <summary>Whether to offer note editing (traders and admins); the server decides anyway.</summary>
    [Parameter]
    public bool CanWrite { get; set; }

    protected override void OnParametersSet()
    {
        // A new load brings the stored notes: drafts of trips no longer shown are dropped.
        var shown = Trips.Select(t => t.Id).ToHashSet();
        foreach (var id in _drafts.Keys.Where(id => !shown.Contains(id)).ToList())
        {
            _drafts.Remove(id);
        }
    }

    private string Draft(RoundTrip trip) => _drafts.TryGetValue(trip.Id, out var draft) ? draft : trip.Note ?? string.Empty;

    private async Task SaveNoteAsync(RoundTrip trip)
    {
        _saving = trip.Id;
        _saved.Remove(trip.Id);
        try
        {
            var result = await Journal.SaveNoteAsync(await CurrentUser.ActingAsync(), trip.Id, Draft(trip), CancellationToken.None);
            if (result.Succeeded)
            {
                _saved.Add(trip.Id);
                _message = null;
            }
            else
            {
                _message = result.Message;
                _messageIsError = true;
            }
        }
        finally
        {
            _saving = null;
        }
    }
}
