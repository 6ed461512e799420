using System.Globalization;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace UcgSim.Configuration;

/// <summary>Writes configuration files that the loaders in this namespace read back to equal values.</summary>
public static class ConfigurationWriter
{
    /// <summary>
    /// The experiment as one self-contained file: parameters, scenarios and variants inline, every setting
    /// written out including those at their defaults, so the file still means the same if defaults change. A setting
    /// that another setting of its record stops from acting (<see cref="Core.Policy.LeverApplicability"/>) is written
    /// as a comment instead, since the loaders refuse it; it changes nothing, so the file runs the same experiment.
    /// </summary>
    public static string Write(Experiment experiment) => Emit(emitter => WriteRecord(emitter, experiment, documented: false));

    /// <summary>A parameters file with every parameter, each under a comment giving its evidence and allowed values.</summary>
    public static string WriteParameters(BehaviouralParameters parameters) => Emit(emitter =>
    {
        emitter.Emit(new Comment("Behavioural parameters. A parameter left out of this file keeps its default.", isInline: false));
        WriteRecord(emitter, parameters, documented: true);
    });

    private static string Emit(Action<IEmitter> writeContent)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        // The emitter, not this class, decides quoting, so any text (colons, '#', line breaks) reads back unchanged.
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        writeContent(emitter);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteRecord(IEmitter emitter, object record, bool documented)
    {
        emitter.Emit(new MappingStart());
        IReadOnlyDictionary<string, string> leftOut = InertSettings.LeftOutOf(record);
        // Single values first, so an experiment's replicates, seed and horizon are not buried under its scenarios.
        foreach (Setting setting in Setting.Of(record.GetType()).OrderBy(setting => setting.Kind == SettingKind.Nested))
        {
            if (leftOut.TryGetValue(setting.Property.Name, out string? why))
            {
                emitter.Emit(new Comment($"{setting.Key}: {SettingValue.Format(setting, setting.Property.GetValue(record))} is left out: it cannot act, as {why}.", isInline: false));
                continue;
            }
            if (documented)
                emitter.Emit(new Comment(Documentation(setting), isInline: false));
            emitter.Emit(new Scalar(setting.Key));
            WriteValue(emitter, setting, setting.Property.GetValue(record));
        }
        emitter.Emit(new MappingEnd());
    }

    private static void WriteValue(IEmitter emitter, Setting setting, object? value)
    {
        switch (setting.Kind, value)
        {
            case (SettingKind.Choices, { } flags):
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Flow));
                foreach (string choice in SettingValue.ChoicesIn(setting, flags))
                    emitter.Emit(new Scalar(choice));
                emitter.Emit(new SequenceEnd());
                break;
            case (SettingKind.Nested, IEnumerable<object> records):
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (object item in records)
                    WriteRecord(emitter, item, documented: false);
                emitter.Emit(new SequenceEnd());
                break;
            case (SettingKind.Nested, { } nested):
                WriteRecord(emitter, nested, documented: false);
                break;
            default:
                emitter.Emit(new Scalar(SettingValue.Format(setting, value)));
                break;
        }
    }

    private static string Documentation(Setting setting)
    {
        // A comment must stay on one line, or the rest of the evidence would be read as YAML.
        string evidence = setting.Evidence?.ReplaceLineEndings(" ") ?? "No evidence recorded";
        return $"{evidence} (allowed: {SettingValue.Expectation(setting)})";
    }
}
