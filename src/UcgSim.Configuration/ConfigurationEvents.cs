using System.Diagnostics;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace UcgSim.Configuration;

// The parsing events of one configuration file, checked on their way to YamlStream for what YamlDotNet leaves unchecked:
// - Depth. YamlStream builds nodes by recursion, one level per bracket: 100,000 nested brackets overflowed the stack
//   (after 137 s, for the scanner slows as brackets pile up). Reading stops at MaxDepth, long before.
// - Aliases. Each is replaced by a copy of what its anchor names, placed at the alias, so that a mistake in a copy (a
//   variant name used twice) is reported at the alias, not at the anchor; and a file that would grow past MaxValues
//   once its aliases are copied (an "alias bomb", aliases of aliases) is refused as it grows.
// - Tags. '!!str 60' would turn a number into text, or the reverse, behind the reader's back; no setting needs one.
// - Repeated keys, which YamlStream rejects without naming the key or the line.
// - Syntax errors, which YamlDotNet reports at the end of what it could read (1:1 for a tab three lines down), or, for
//   an unclosed '[' followed by more lines, not as a YamlException at all.
internal sealed class ConfigurationEvents(string path, string text) : IParser
{
    // The deepest a configuration file needs is 6 (experiment, scenarios, scenario, observed, item, windows).
    public const int MaxDepth = 32;

    // A configuration file holds a few hundred; a 1 MiB file of one-digit items could hold 500,000.
    public const int MaxValues = 100_000;

    private readonly Parser _source = new(new StringReader(text));
    private readonly Queue<ParsingEvent> _copies = new();
    private readonly Dictionary<string, IReadOnlyList<ParsingEvent>> _anchored = new(StringComparer.Ordinal);
    private readonly List<Recording> _recordings = [];
    private readonly Stack<OpenCollection> _open = new();
    private Mark _lastRead = Mark.Empty;
    private int _values;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        Current = _copies.Count > 0 ? _copies.Dequeue() : ReadSource();
        if (Current is null) return false;
        Follow(Current);
        return true;
    }

    private ParsingEvent? ReadSource()
    {
        if (!Advance()) return null;
        ParsingEvent read = _source.Current!;
        _lastRead = read.End;
        if (read is AnchorAlias alias) return CopyAt(alias);
        if (read is not NodeEvent node) return read;
        if (!node.Tag.IsEmpty)
            throw Error(node.Start, null,
                $"the tag '{node.Tag.Value.Replace("tag:yaml.org,2002:", "!!", StringComparison.Ordinal)}' is not used in configuration files: "
                + "a value's own spelling says whether it is a number, true or false, or text. Remove the tag.");
        if (node.Anchor.IsEmpty) return read;
        _recordings.Add(new Recording(node.Anchor.Value, _open.Count));
        return Relocate(node, node.Start, node.End);
    }

    private bool Advance()
    {
        try
        {
            return _source.MoveNext();
        }
        catch (YamlException invalid)
        {
            throw NotYaml(invalid.Start, invalid.Message, invalid);
        }
        // YamlDotNet 18.1 throws these for an unclosed '[' or '{' followed by more lines and for a malformed tag, found
        // by feeding it random text.
        catch (Exception invalid) when (invalid is InvalidOperationException or ArgumentException)
        {
            throw NotYaml(_lastRead, "YAML could not read on from here.", invalid);
        }
    }

    private ParsingEvent CopyAt(AnchorAlias alias)
    {
        string name = alias.Value.Value;
        if (_recordings.Any(recording => recording.Name == name))
            throw Error(alias.Start, null,
                $"the alias '*{name}' is inside the value its anchor '&{name}' names, so copying it would never end. Write the value out instead.");
        if (!_anchored.TryGetValue(name, out var events))
            throw Error(alias.Start, null,
                $"the alias '*{name}' refers to no anchor: an alias repeats a value marked '&{name}' earlier in the file. Add the anchor, or write the value out.");
        foreach (ParsingEvent copied in events.Skip(1))
            _copies.Enqueue(Relocate(copied, alias.Start, alias.End));
        return Relocate(events[0], alias.Start, alias.End);
    }

    private void Follow(ParsingEvent current)
    {
        if (current is NodeEvent node)
        {
            if (++_values > MaxValues)
                throw Error(node.Start, null, string.Create(CultureInfo.InvariantCulture,
                    $"the file holds more than {MaxValues:N0} values (keys, items and settings, counting every copy an alias '*' makes), "
                    + $"where a configuration file needs a few hundred. Check that this is the file you meant; if it uses aliases, write the values out instead."));
            if (_open.TryPeek(out OpenCollection? parent))
                parent.Accept(this, node);
        }
        foreach (Recording recording in _recordings)
            recording.Events.Add(current);
        if (current is SequenceStart or MappingStart)
        {
            _open.Push(new OpenCollection(current));
            if (_open.Count > MaxDepth)
                throw Error(current.Start, null, string.Create(CultureInfo.InvariantCulture,
                    $"lists and mappings are nested more than {MaxDepth} deep here; a configuration file needs a few levels. Check for unclosed or repeated brackets '[' or '{{'."));
        }
        else if (current is SequenceEnd or MappingEnd)
        {
            _open.Pop();
        }
        if (current is Scalar or SequenceEnd or MappingEnd)
            FinishRecordings();
    }

    // An anchored value is complete when the reading is back at the depth where it started.
    private void FinishRecordings()
    {
        for (int i = _recordings.Count - 1; i >= 0; i--)
        {
            if (_recordings[i].Depth != _open.Count) continue;
            _anchored[_recordings[i].Name] = _recordings[i].Events;
            _recordings.RemoveAt(i);
        }
    }

    // Copies carry no anchor, so that YamlStream sees every value as written out in full.
    private static ParsingEvent Relocate(ParsingEvent read, Mark start, Mark end) => read switch
    {
        Scalar scalar => new Scalar(AnchorName.Empty, scalar.Tag, scalar.Value, scalar.Style, scalar.IsPlainImplicit, scalar.IsQuotedImplicit, start, end, scalar.IsKey),
        SequenceStart sequence => new SequenceStart(AnchorName.Empty, sequence.Tag, sequence.IsImplicit, sequence.Style, start, end),
        MappingStart mapping => new MappingStart(AnchorName.Empty, mapping.Tag, mapping.IsImplicit, mapping.Style, start, end),
        SequenceEnd => new SequenceEnd(start, end),
        MappingEnd => new MappingEnd(start, end),
        _ => throw new UnreachableException($"{read.GetType().Name} is not part of a value."),
    };

    private ConfigurationException NotYaml(Mark at, string parserMessage, Exception cause)
    {
        // The parser says only "found a tab"; the tab itself may be lines away from where it stopped.
        if (parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabInIndentation() is var (line, column))
            return new ConfigurationException(path, line, column, null,
                "this line is indented with a tab, but YAML indents with spaces only. Replace the tab with spaces.", cause);
        string hint = _open.FirstOrDefault(open => open.IsFlow) is { } bracket
            ? string.Create(CultureInfo.InvariantCulture,
                $"The '{bracket.Opening}' at line {bracket.Start.Line}, column {bracket.Start.Column} is still open: check that it is closed with '{bracket.Closing}', and that its items are separated by ','.")
            : "Check the indentation, the ':' after each key and any brackets or quotes on this line and the one before.";
        return new ConfigurationException(path, checked((int)at.Line), checked((int)at.Column), null,
            $"this is not valid YAML: {parserMessage} {hint}", cause);
    }

    private (int Line, int Column)? FirstTabInIndentation()
    {
        int line = 1, column = 1;
        bool indentation = true;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                (line, column, indentation) = (line + 1, 1, true);
                continue;
            }
            if (indentation && c == '\t') return (line, column);
            indentation &= c == ' ';
            column++;
        }
        return null;
    }

    private ConfigurationException Error(Mark at, string? key, string problem) =>
        new(path, checked((int)at.Line), checked((int)at.Column), key, problem);

    private sealed record Recording(string Name, int Depth)
    {
        public List<ParsingEvent> Events { get; } = [];
    }

    // Within a mapping, values alternate key, value, key, value; only keys are checked.
    private sealed class OpenCollection(ParsingEvent start)
    {
        private readonly Dictionary<string, Mark>? _keys = start is MappingStart ? new(StringComparer.Ordinal) : null;
        private bool _nextIsKey = true;
        private bool _keyIsMissing;

        public Mark Start => start.Start;

        public bool IsFlow => start is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow };

        public char Opening => start is SequenceStart ? '[' : '{';

        public char Closing => start is SequenceStart ? ']' : '}';

        public void Accept(ConfigurationEvents events, NodeEvent child)
        {
            if (_keys is null) return;
            // YamlDotNet places a missing key at the start of the mapping, or elsewhere; its value is where the line is.
            if (!_nextIsKey && _keyIsMissing)
                throw events.Error(child.Start, null, "this value has no key: there is nothing before its ':'. Write 'name: value'.");
            if (_nextIsKey)
            {
                _keyIsMissing = child is Scalar { Value: "", Style: ScalarStyle.Plain };
                if (child is not Scalar key)
                    throw events.Error(child.Start, null,
                        $"a key must be a plain name, but found a {(child is SequenceStart ? "list" : "mapping")}. Write 'name: value' lines.");
                if (!_keys.TryAdd(key.Value, key.Start))
                    throw events.Error(key.Start, key.Value, string.Create(CultureInfo.InvariantCulture,
                        $"key {Quote.Of(key.Value)} appears twice in the same mapping; it was first given on line {_keys[key.Value].Line}. Keep only one of them."));
            }
            _nextIsKey = !_nextIsKey;
        }
    }
}
