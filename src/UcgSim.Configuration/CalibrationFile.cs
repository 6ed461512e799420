using UcgSim.Exploration.Calibration;
using UcgSim.Exploration.Designs;
using YamlDotNet.RepresentationModel;

namespace UcgSim.Configuration;

/// <summary>A calibration file read: its settings, the validation experiment whose targets it fits, and the priors.</summary>
public sealed record LoadedCalibration(string SourcePath, CalibrationSettings Settings, LoadedExperiment Validation, IReadOnlyList<UncertainSetting> Priors)
{
    /// <summary>Sets the calibrated parameters to values, the way an exploration sets its uncertain inputs.</summary>
    public ExplorationPlan Plan { get; } = new(Priors, new DesignSettings());
}

/// <summary>
/// A calibration file: <c>experiment:</c>, the path of a validation experiment (each scenario under its as-happened
/// variant, with the histories its scenario files declare); <c>uncertainties:</c>, the prior of each behavioural
/// parameter to calibrate, written as in an exploratory experiment; and the settings of <see cref="CalibrationSettings"/>.
/// </summary>
public static class CalibrationFile
{
    private const string ExperimentKey = "experiment";

    private static readonly RecordBinder<CalibrationSettings> Binder =
        new("a calibration setting", Setting.Of(typeof(CalibrationSettings)), [ExperimentKey, ExplorationSection.UncertaintiesKey]);

    /// <exception cref="ConfigurationException">A file is missing or invalid, or a prior cannot be calibrated.</exception>
    public static LoadedCalibration Load(string path)
    {
        var document = ConfigurationDocument.Open(path);
        YamlMappingNode root = Binder.RootOf(document);
        var settings = Binder.Bind(document, root);
        var experimentNode = document.Require(root, ExperimentKey,
            "A calibration needs 'experiment:', the path of the validation experiment whose targets it fits, such as '../experiments/validation.yaml'.");
        if (experimentNode is not YamlScalarNode reference)
            throw document.Error(experimentNode, ExperimentKey, $"key '{ExperimentKey}' expects the path of an experiment file, but found {SettingValue.Found(experimentNode)}.");
        var validation = ExperimentFile.Load(document.OpenReferenced(reference, ExperimentKey).Path);

        var priorsNode = document.Require(root, ExplorationSection.UncertaintiesKey,
            "A calibration needs 'uncertainties:', the prior of each behavioural parameter to calibrate, such as 'coupAttemptBase: {uniform: [0.005, 0.03]}'.");
        var priors = ExplorationSection.ReadUncertainties(document, priorsNode);
        if (priors.Count > AbcSmc.MaxInputs)
            throw document.Error(priorsNode, ExplorationSection.UncertaintiesKey,
                $"'{ExplorationSection.UncertaintiesKey}' lists {priors.Count} parameters, but one calibration fits at most {AbcSmc.MaxInputs}. Calibrate the most influential ones ('ucgsim explore configs/experiments/sensitivity.yaml' ranks them).");
        var keyNodes = ((YamlMappingNode)priorsNode).Children.Keys.ToList();
        for (int i = 0; i < priors.Count; i++)
        {
            var prior = priors[i];
            if (prior.Kind != UncertainInputKind.BehaviouralParameter)
                throw document.Error(keyNodes[i], prior.Input.Name,
                    $"'{prior.Input.Name}' is a scenario condition, which each case sets from its own history; a calibration fits behavioural parameters only (listed by 'ucgsim parameters').");
            if (!PriorDensity.IsContinuous(prior.Input.Distribution))
                throw document.Error(keyNodes[i], prior.Input.Name,
                    $"'{prior.Input.Name}' has a list of values as its prior, but ABC-SMC moves parameters continuously. Give it a uniform, triangular or normal prior.");
        }
        return new LoadedCalibration(document.Path, settings, validation, priors);
    }
}
