using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Simulation;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>
/// The observed history a scenario file declares under <c>observed:</c>: the validation targets of the case.
/// They are kept apart from the month-0 conditions so that no scenario can feed its known outcome to the
/// model; <c>ucgsim run</c> reads and ignores them, <c>ucgsim validate</c> judges the model against them.
/// </summary>
public sealed class CaseHistory
{
    internal const string Key = "observed";

    private const string WhatToList =
        "List what was observed, one item per fact, e.g.\n  - event: missionAskedToLeave\n    month: 25\n    source: IPI report, \"Coordinating with Regional Organizations\"";

    private readonly List<Declared<ObservedFact>> _facts;
    private readonly List<Declared<DeclaredRecurrence>> _recurrences;

    private CaseHistory(List<Declared<ObservedFact>> facts, List<Declared<DeclaredRecurrence>> recurrences)
    {
        _facts = facts;
        _recurrences = recurrences;
    }

    /// <summary>A scenario file without <c>observed:</c>.</summary>
    public static CaseHistory None { get; } = new([], []);

    /// <summary>The dated events and outcomes observed in the case.</summary>
    public IReadOnlyList<ObservedFact> Facts => _facts.Select(fact => fact.Item).ToList();

    /// <summary>Whether the scenario also stands for a class of coups whose recurrence rates come from the coup datasets.</summary>
    public bool DeclaresBaseRates => _recurrences.Count > 0;

    public bool IsEmpty => _facts.Count == 0 && _recurrences.Count == 0;

    /// <summary>Rejects a target whose month or window the run would not reach.</summary>
    /// <exception cref="ConfigurationException">A month lies beyond <paramref name="horizon"/>, naming the file and line.</exception>
    public void RequireWithin(int horizon)
    {
        foreach (var fact in _facts)
            if (fact.Item is ObservedEvent dated && dated.Month > horizon)
                throw fact.Error(string.Create(CultureInfo.InvariantCulture,
                    $"month {dated.Month} lies beyond the experiment's {horizon}-month horizon, so the run cannot say whether it happened. Raise 'horizon' in the experiment file to at least {dated.Month}."));
        foreach (var recurrence in _recurrences)
        {
            int longest = recurrence.Item.Within.Max();
            if (longest > horizon)
                throw recurrence.Error(string.Create(CultureInfo.InvariantCulture,
                    $"the {longest}-month window lies beyond the experiment's {horizon}-month horizon. Raise 'horizon' in the experiment file to at least {longest}."));
        }
    }

    /// <summary>The targets with every base rate computed from <paramref name="powellThyne"/>, one per declared window.</summary>
    public CaseTargets Targets(IReadOnlyList<CoupEvent> powellThyne)
    {
        if (DeclaresBaseRates && powellThyne.Count == 0)
            throw new ArgumentException("Base rates need the Powell & Thyne events.", nameof(powellThyne));
        var baseRates = _recurrences.SelectMany(declared => declared.Item.Within.Select(window => new BaseRateTarget(
            declared.Item.Event, window,
            CoupDatasets.RecurrenceAfterSuccessfulCoups(powellThyne, declared.Item.Subset, window, declared.Item.Following),
            declared.Item.Source)));
        return new CaseTargets(Facts, baseRates.ToList());
    }

    internal static CaseHistory Read(ConfigurationDocument document, YamlMappingNode scenario)
    {
        if (!scenario.Children.TryGetValue(new YamlScalarNode(Key), out YamlNode? list)) return None;
        var facts = new List<Declared<ObservedFact>>();
        var recurrences = new List<Declared<DeclaredRecurrence>>();
        foreach (YamlNode node in document.RequireItems(list, Key, WhatToList).Children)
        {
            if (node is not YamlMappingNode mapping)
                throw document.Error(node, Key, $"each observed item is a mapping of keys, but found {SettingValue.Found(node)}. {WhatToList}");
            var item = new ObservedItemReader(document, mapping);
            if (item.IsRecurrence)
                recurrences.Add(new(item.Recurrence(), document, mapping));
            else
                facts.Add(new(item.Fact(), document, mapping));
        }
        return new CaseHistory(facts, recurrences);
    }

    // A target with the place it was declared, for errors found only once the experiment is known.
    private sealed record Declared<T>(T Item, ConfigurationDocument Document, YamlNode Node)
    {
        public ConfigurationException Error(string problem) => Document.Error(Node, Key, problem);
    }
}

// A base rate as declared: the model's event, the windows and the coups counted. Its value comes from the dataset
// only when validating, so that a run without shared/data can still load the scenario.
internal sealed record DeclaredRecurrence(EventKind Event, FollowingCoup Following, IReadOnlyList<int> Within, CoupSubset Subset, string Source);

// The keys of one observed item, bound by the same rules as every other setting (so an unknown event name gets the
// same did-you-mean), then checked as a combination.
internal sealed record ObservedItem
{
    public EventKind? Event { get; init; }
    public Outcome? Outcome { get; init; }
    public EventKind? Recurrence { get; init; }
    [AllowedRange(0, Experiment.MaxHorizon)] public int? Month { get; init; }
    [AllowedRange(0, Experiment.MaxHorizon)] public int? AbsentBy { get; init; }
    [AllowedRange(0, Experiment.MaxHorizon)] public int? InMostCasesBy { get; init; }
    public IReadOnlyList<int>? Within { get; init; }
    public CoupRegion? Region { get; init; }
    // Powell & Thyne starts in 1950.
    [AllowedRange(1950, double.PositiveInfinity)] public int? Since { get; init; }
    public string? Source { get; init; }
}

internal sealed class ObservedItemReader
{
    // Every key is required where it appears: a bare 'month:' or 'none' is a mistake, not a way to leave one out.
    private static readonly RecordBinder<ObservedItem> Binder = new("a key of an observed item",
        Setting.Of(typeof(ObservedItem)).Select(setting => setting with { IsOptional = false }).ToList());

    private static readonly string[] EventTimings = [Name(nameof(ObservedItem.Month)), Name(nameof(ObservedItem.AbsentBy)), Name(nameof(ObservedItem.InMostCasesBy))];
    private static readonly string[] RecurrenceKeys = [Name(nameof(ObservedItem.Within)), Name(nameof(ObservedItem.Region)), Name(nameof(ObservedItem.Since))];
    private static readonly string RecurrenceKey = Name(nameof(ObservedItem.Recurrence));
    private static readonly string[] Subjects = [Name(nameof(ObservedItem.Event)), Name(nameof(ObservedItem.Outcome)), RecurrenceKey];
    private static readonly string SourceKey = Name(nameof(ObservedItem.Source));

    private const string WhatEachKindTakes =
        "An 'event:' item takes one of 'month:', 'absentBy:' or 'inMostCasesBy:'; an 'outcome:' item (at the horizon) takes no month; "
        + "a 'recurrence:' item takes 'within:', 'region:' and 'since:'. Every item takes 'source:'.";

    private readonly ConfigurationDocument _document;
    private readonly YamlMappingNode _mapping;
    private readonly ObservedItem _item;
    private readonly string _source;

    public ObservedItemReader(ConfigurationDocument document, YamlMappingNode mapping)
    {
        _document = document;
        _mapping = mapping;
        _item = Binder.Bind(document, mapping, ReadWindows);
        string[] subjects = Subjects.Where(Has).ToArray();
        if (subjects.Length != 1)
            throw document.Error(mapping, subjects.ElementAtOrDefault(1),
                $"an observed item names exactly one of 'event:', 'outcome:' or 'recurrence:', but this one names {(subjects.Length == 0 ? "none" : string.Join(" and ", subjects))}. {WhatEachKindTakes}");
        _source = _item.Source is { } source && !string.IsNullOrWhiteSpace(source)
            ? source
            : throw (_item.Source is null
                ? document.Error(mapping, SourceKey, $"'{SourceKey}' is missing. Say where the observation comes from: the report section or the dataset, e.g. source: IPI report, \"Coordinating with Regional Organizations\".")
                : document.Error(ValueOf(SourceKey), SourceKey, $"'{SourceKey}' is empty. Say where the observation comes from: the report section or the dataset."));
    }

    public bool IsRecurrence => _item.Recurrence is not null;

    public ObservedFact Fact()
    {
        if (_item.Outcome is { } outcome)
        {
            Reject([.. EventTimings, .. RecurrenceKeys], "an 'outcome:' item",
                "An outcome is judged at the experiment's horizon, so it takes no month; for a dated observation name the event instead (e.g. event: civilianRuleRestored, absentBy: 48).");
            return new OutcomeAtHorizon(outcome, _source);
        }
        EventKind kind = _item.Event!.Value;
        Reject(RecurrenceKeys, "an 'event:' item", "Those keys belong to a 'recurrence:' item, a base rate from the coup datasets.");
        string[] timings = EventTimings.Where(Has).ToArray();
        if (timings.Length != 1)
            throw _document.Error(timings.Length == 0 ? _mapping : KeyOf(timings[1]), timings.ElementAtOrDefault(1),
                $"an 'event:' item says when with exactly one of 'month:' (it happened that month), 'absentBy:' (it had not happened by that month) "
                + $"or 'inMostCasesBy:' (it happened by that month in most cases of the class), but this one gives {(timings.Length == 0 ? "none" : string.Join(" and ", timings))}.");
        return _item.Month is { } month ? new EventAtMonth(kind, month, _source)
            : _item.AbsentBy is { } absentBy ? new EventAbsentBy(kind, absentBy, _source)
            : new EventInMostCasesBy(kind, _item.InMostCasesBy!.Value, _source);
    }

    public DeclaredRecurrence Recurrence()
    {
        EventKind kind = _item.Recurrence!.Value;
        // Only these two of the model's events have a counterpart in the coup datasets.
        FollowingCoup following = kind switch
        {
            EventKind.CounterCoup => FollowingCoup.Successful,
            EventKind.CoupAttempt => FollowingCoup.AnyAttempt,
            _ => throw _document.Error(ValueOf(RecurrenceKey), RecurrenceKey,
                $"'recurrence: {YamlSpelling.Name(kind.ToString())}' has no counterpart in the coup datasets, which record successful coups "
                + $"(recurrence: {YamlSpelling.Name(nameof(EventKind.CounterCoup))}) and every coup attempt (recurrence: {YamlSpelling.Name(nameof(EventKind.CoupAttempt))})."),
        };
        Reject(EventTimings, "a 'recurrence:' item", "A base rate is dated by its 'within:' windows.");
        foreach (string key in RecurrenceKeys)
            if (!Has(key))
                throw _document.Error(_mapping, key,
                    $"'{key}' is missing. A 'recurrence:' item names the coups it counts: 'within:' (windows in months, e.g. [12, 24, 60]), "
                    + "'region:' (world or africa) and 'since:' (the first year).");
        return new DeclaredRecurrence(kind, following, _item.Within!, new CoupSubset(_item.Region!.Value, _item.Since!.Value, int.MaxValue), _source);
    }

    private object ReadWindows(Setting setting, YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
            throw _document.Error(node, setting.Key, $"key '{setting.Key}' expects a list of windows in months, such as [12, 24, 60], but found {SettingValue.Found(node)}.");
        var window = setting with { Kind = SettingKind.WholeNumber, ValueType = typeof(int), Range = new ValueRange(1, Experiment.MaxHorizon) };
        return list.Children.Select(item => (int)SettingValue.Read(_document, window, item)!).ToList();
    }

    private void Reject(IEnumerable<string> keys, string itemKind, string why)
    {
        foreach (string key in keys)
            if (Has(key))
                throw _document.Error(KeyOf(key), key, $"key '{key}' does not apply to {itemKind}. {why}");
    }

    private bool Has(string key) => _mapping.Children.ContainsKey(new YamlScalarNode(key));

    private YamlNode KeyOf(string key) => _mapping.Children.Keys.First(node => node is YamlScalarNode { Value: var name } && name == key);

    private YamlNode ValueOf(string key) => _mapping.Children[new YamlScalarNode(key)];

    private static string Name(string propertyName) => YamlSpelling.Name(propertyName);
}
