using System.Diagnostics;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>
/// An experiment file: scenarios crossed with policy variants under one set of parameters. Parameters,
/// each scenario and the variants may be written inline or as a path to their own file, relative to the
/// experiment file's folder.
/// </summary>
public static class ExperimentFile
{
    private const string WhatScenariosToList =
        "List at least one scenario: a path to a scenario file (e.g. '- ../scenarios/generic.yaml') or a mapping of scenario settings.";

    // The core model states these limits in code rather than as attributes, so they are added here.
    private static readonly RecordBinder<Experiment> Binder = new("an experiment setting", Setting.Of(typeof(Experiment)).Select(setting => setting.Property.Name switch
    {
        nameof(Experiment.Replicates) => setting with { Range = new ValueRange(1, double.PositiveInfinity) },
        nameof(Experiment.FirstReplicate) => setting with { Range = new ValueRange(0, double.PositiveInfinity) },
        nameof(Experiment.Horizon) => setting with { Range = new ValueRange(1, Experiment.MaxHorizon) },
        _ => setting,
    }).ToList(), [ExplorationSection.UncertaintiesKey, ExplorationSection.CorrelationsKey, ExplorationSection.DesignKey]);

    /// <summary>Reads an experiment file and every file it refers to.</summary>
    /// <exception cref="ConfigurationException">Any file is missing or invalid, or the experiment itself is not runnable.</exception>
    public static LoadedExperiment Load(string path)
    {
        var reading = new ExperimentReading(ConfigurationDocument.Open(path));
        YamlMappingNode root = Binder.RootOf(reading.Document);
        Experiment experiment = Binder.Bind(reading.Document, root, reading.ReadNested);
        // Checked after binding, so that a misspelt key is reported as such rather than as missing.
        reading.Document.Require(root, "scenarios", $"An experiment needs 'scenarios:'. {WhatScenariosToList}");
        reading.Document.Require(root, "variants",
            "An experiment needs 'variants:', a path to a variants file or a list of variants, the first being the baseline.");
        return new LoadedExperiment(experiment, path, reading.FilesRead, reading.CaseHistories)
        {
            Exploration = ExplorationSection.Read(reading.Document, root),
            ScenariosWritten = reading.ScenariosWritten,
            VariantsWritten = reading.VariantsWritten,
        };
    }

    private sealed class ExperimentReading(ConfigurationDocument document)
    {
        private readonly List<string> filesRead = [document.Path];
        private IReadOnlyList<CaseHistory> caseHistories = [];
        private IReadOnlyList<WrittenSettings> scenariosWritten = [];
        private IReadOnlyList<WrittenSettings> variantsWritten = [];

        public ConfigurationDocument Document => document;

        public IReadOnlyList<string> FilesRead => filesRead;

        public IReadOnlyList<CaseHistory> CaseHistories => caseHistories;

        public IReadOnlyList<WrittenSettings> ScenariosWritten => scenariosWritten;

        public IReadOnlyList<WrittenSettings> VariantsWritten => variantsWritten;

        public object ReadNested(Setting setting, YamlNode node) => setting.Property.Name switch
        {
            nameof(Experiment.Parameters) => ReadParameters(node, setting.Key),
            nameof(Experiment.Scenarios) => ReadScenarios(node, setting.Key),
            nameof(Experiment.Variants) => ReadVariants(node, setting.Key),
            _ => throw new UnreachableException($"Experiment.{setting.Property.Name} has no reader."),
        };

        private IReadOnlyList<PolicyVariant> ReadVariants(YamlNode node, string key)
        {
            var variants = node is YamlScalarNode reference
                ? VariantFile.Read(OpenReferenced(reference, key))
                : VariantFile.ReadList(document, node, key);
            variantsWritten = variants.Select(read => read.Written).ToList();
            return variants.Select(read => read.Variant).ToList();
        }

        private BehaviouralParameters ReadParameters(YamlNode node, string key) => node switch
        {
            YamlScalarNode reference => ParameterFile.Binder.Read(OpenReferenced(reference, key)),
            YamlMappingNode inline => ParameterFile.Binder.Bind(document, inline),
            _ => throw document.Error(node, key,
                $"key '{key}' expects a path to a parameters file or a mapping of parameters, but found {SettingValue.Found(node)}. Leave it out to use the defaults."),
        };

        private IReadOnlyList<ScenarioConditions> ReadScenarios(YamlNode node, string key)
        {
            var scenarios = new List<(ScenarioConditions Scenario, CaseHistory History, WrittenSettings Written, YamlNode Item)>();
            foreach (YamlNode item in document.RequireItems(node, key, WhatScenariosToList).Children)
            {
                var (scenario, history, written) = item switch
                {
                    YamlScalarNode reference => ScenarioFile.Read(OpenReferenced(reference, key)),
                    YamlMappingNode inline => ScenarioFile.Bind(document, inline),
                    _ => throw document.Error(item, key,
                        $"each scenario is a path to a scenario file or a mapping of scenario settings, but found {SettingValue.Found(item)}."),
                };
                scenarios.Add((scenario, history, written, item));
            }
            // Results are reported per scenario name, so two scenarios with one name could not be told apart.
            document.RejectRepeatedNames(scenarios.Select(entry => (entry.Scenario.Name, entry.Item)), key, "scenario");
            caseHistories = scenarios.Select(entry => entry.History).ToList();
            scenariosWritten = scenarios.Select(entry => entry.Written).ToList();
            return scenarios.Select(entry => entry.Scenario).ToList();
        }

        private ConfigurationDocument OpenReferenced(YamlScalarNode reference, string key)
        {
            ConfigurationDocument referenced = document.OpenReferenced(reference, key);
            if (!filesRead.Contains(referenced.Path))
                filesRead.Add(referenced.Path);
            return referenced;
        }
    }
}
