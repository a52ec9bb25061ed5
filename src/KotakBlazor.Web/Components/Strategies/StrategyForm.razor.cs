using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Strategies;

/// <summary>
/// Adds a strategy or changes one: kind, name, instruments, timeframe, lots, product and the
/// kind's own parameters as typed inputs, each checked as it is typed with the parameter's own
/// rule; the server checks everything again and its refusals are shown as they come.
/// </summary>
public sealed partial class StrategyForm
{
    private StrategyFormModel? _model;
    private IReadOnlyList<string> _serverErrors = [];
    private bool _submitted;
    private bool _saving;
    private StrategyStatus? _editing;

    [Inject]
    private StrategyDesk Desk { get; set; } = default!;

    /// <summary>The strategy to change; null to add a new one.</summary>
    [Parameter]
    public StrategyStatus? Editing { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Saved: a line for the page to show (with any start-up problem the server reported).</summary>
    [Parameter]
    public EventCallback<string> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    protected override void OnParametersSet()
    {
        if (_model is not null && ReferenceEquals(Editing, _editing))
        {
            return;
        }

        _editing = Editing;
        _submitted = false;
        _serverErrors = [];
        if (Editing is { } status && Desk.TryGetKind(status.Config.Key, out var definition))
        {
            _model = StrategyFormModel.Edit(definition, status.Config, id => Desk.TryGetInstrument(id, out var instrument) ? instrument : null);
        }
        else if (_model is null || !_model.IsNew)
        {
            _model = Desk.Kinds.Count > 0 ? StrategyFormModel.New(Desk.Kinds[0]) : null;
        }

    }

    // Checked on every render: cheap, and no input (bound or not) can leave a stale message behind.
    private Dictionary<string, string> Problems => _model?.Check() ?? [];

    private string? Shown(string field) => _submitted || field is "lots" ? Problems.GetValueOrDefault(field) : null;

    private void OnKindChanged(ChangeEventArgs e)
    {
        if (_model is not null && Desk.TryGetKind(e.Value as string ?? string.Empty, out var definition))
        {
            _model.ChangeKind(definition, instrument => Accepts(definition, instrument));
        }
    }

    private IReadOnlyList<Instrument> SearchInstruments(string query, int limit) =>
        Desk.SearchInstruments(query, _model!.Definition.Instruments, limit);

    private bool Accepts(StrategyDefinition definition, Instrument instrument) =>
        definition.Instruments == StrategyInstruments.Directional || Desk.HasListedOptions(instrument);

    private void AddInstrument(Instrument instrument)
    {
        if (_model is not null && !_model.Instruments.Exists(i => i.Id == instrument.Id))
        {
            _model.Instruments.Add(instrument);
        }
    }

    private void RemoveInstrument(Instrument instrument)
    {
        _model?.Instruments.Remove(instrument);
    }

    private void SetParameter(StrategyParameter parameter, object? value)
    {
        _model!.Parameters[parameter.Name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private void SetFlag(StrategyParameter parameter, ChangeEventArgs e) => SetParameter(parameter, e.Value is true ? "true" : "false");

    private async Task SubmitAsync()
    {
        if (_model is null || ReadOnly)
        {
            return;
        }

        _submitted = true;
        _serverErrors = [];
        if (Problems.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            var config = _model.ToConfig();
            if (!_model.IsNew && Editing is { } status)
            {
                config = config with { Enabled = status.Enabled };
            }

            var result = _model.IsNew
                ? await Desk.AddAsync(config, CancellationToken.None)
                : await Desk.UpdateAsync(config, CancellationToken.None);
            if (result.Status is null && !result.Succeeded)
            {
                _serverErrors = result.Errors;
                return;
            }

            var verb = _model.IsNew ? "Added" : "Saved";
            var message = result.Succeeded
                ? $"{verb} '{config.Name}'."
                : $"{verb} '{config.Name}', but it could not start: {string.Join(" ", result.Errors)}";
            if (_model.IsNew)
            {
                _model = StrategyFormModel.New(_model.Definition);
                _submitted = false;
            }

            await OnSaved.InvokeAsync(message);
        }
        finally
        {
            _saving = false;
        }
    }

    private Task CancelAsync() => OnCancel.InvokeAsync();

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string RangeText(StrategyParameter parameter) => (parameter.Min, parameter.Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min} – {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"≥ {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"≤ {max}"),
        _ => parameter.Kind == StrategyParameterKind.TimeOfDay ? "HH:mm IST" : string.Empty,
    };
}
