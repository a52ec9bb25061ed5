using KotakBlazor.Core.Risk;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>
/// The risk limits, editable by admins: Save shows every change as old -> new and asks first.
/// <see cref="RiskSettingsService"/> checks the role, the values and that nobody else changed the
/// limits meanwhile, on the server.
/// </summary>
public sealed partial class RiskLimitsEditor
{
    private RiskLimitsForm _form = new();
    private RiskLimits? _shown;
    private IReadOnlyList<RiskSettingsService.LimitChange> _changes = [];
    private bool _busy;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private RiskSettingsService Settings { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    /// <summary>The limits in force.</summary>
    [Parameter, EditorRequired]
    public RiskLimits Limits { get; set; } = RiskLimits.Default;

    [Parameter]
    public bool CanChange { get; set; }

    /// <summary>Raised after a save, so the page reads the limits in force again.</summary>
    [Parameter]
    public EventCallback OnSaved { get; set; }

    protected override void OnParametersSet()
    {
        // Someone else's change replaces the form only when this person has not started editing.
        if (_shown is null || (Limits != _shown && _form.ToLimits() == _shown))
        {
            _form = RiskLimitsForm.From(Limits);
            _shown = Limits;
        }
    }

    private static string L(string name) => RiskSettingsService.Label(name);

    private void AskSave()
    {
        _message = null;
        var edited = _form.ToLimits();
        var problems = RiskSettingsService.Validate(edited);
        if (problems.Count > 0)
        {
            Show(string.Join(" ", problems), isError: true);
            return;
        }

        _changes = RiskSettingsService.Compare(_shown ?? Limits, edited);
        if (_changes.Count == 0)
        {
            Show("Nothing to save: the limits are as they were.", isError: false);
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var result = await Settings.SaveAsync(await CurrentUser.ActingAsync(), _form.ToLimits(), _shown, CancellationToken.None);
            Show(result.Message, !result.Succeeded);
            if (result.Succeeded)
            {
                _shown = null;
                await OnSaved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
            _changes = [];
        }
    }

    private void CloseConfirm() => _changes = [];

    private void Revert()
    {
        _form = RiskLimitsForm.From(Limits);
        _shown = Limits;
        _message = null;
    }

    private void Show(string message, bool isError)
    {
        _message = message;
        _messageIsError = isError;
    }
}
