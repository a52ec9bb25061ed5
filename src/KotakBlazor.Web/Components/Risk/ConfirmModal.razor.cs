using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>
/// A confirmation that states exactly what an action will do before it is done. Escape or a click
/// outside cancels; focus starts on Cancel, so an Enter pressed out of habit does nothing harmful.
/// </summary>
public sealed partial class ConfirmModal
{
    private ElementReference _cancel;
    private bool _focusPending;
    private bool _wasOpen;

    /// <summary>The dialog's id; its buttons are <c>{Id}-confirm</c> and <c>{Id}-cancel</c>.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Title { get; set; } = default!;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Parameter]
    public bool Open { get; set; }

    /// <summary>While the action runs: both buttons wait.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>A red confirm button and title, for actions that stop or cancel things.</summary>
    [Parameter]
    public bool Danger { get; set; }

    [Parameter]
    public string ConfirmText { get; set; } = "Confirm";

    [Parameter]
    public string BusyText { get; set; } = "Working…";

    [Parameter]
    public string CancelText { get; set; } = "Cancel";

    [Parameter]
    public EventCallback OnConfirm { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    protected override void OnParametersSet()
    {
        _focusPending |= Open && !_wasOpen;
        _wasOpen = Open;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending && Open)
        {
            _focusPending = false;
            await _cancel.FocusAsync();
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            await CancelAsync();
        }
    }

    private Task CancelAsync() => Busy ? Task.CompletedTask : OnCancel.InvokeAsync();

    private Task ConfirmAsync() => Busy ? Task.CompletedTask : OnConfirm.InvokeAsync();
}
