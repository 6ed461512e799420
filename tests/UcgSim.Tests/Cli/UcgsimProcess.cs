using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace UcgSim.Tests.Cli;

// ucgsim run as a user runs it, in a process of its own, so that a test can kill it as a user, a scheduler or the
// kernel would.
internal sealed class UcgsimProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();

    public UcgsimProcess(params string[] arguments) : this(new Dictionary<string, string>(), arguments)
    {
    }

    /// <param name="environment">Variables set for this process only, such as the runtime's DOTNET_Enable* switches.</param>
    public UcgsimProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ucgsim.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) => { lock (_error) _error.AppendLine(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Error
    {
        get { lock (_error) return _error.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    // POSIX signal numbers, the same on every Linux.
    public const int SigInt = 2, SigKill = 9, SigTerm = 15;

    public void Signal(int signal)
    {
        // A process that has just ended is not an error: the test then resumes a finished run.
        if (Kill(_process.Id, signal) != 0 && !_process.HasExited)
            Assert.Fail($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}: {Error}");
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public int WaitForExit(TimeSpan limit)
    {
        Assert.True(_process.WaitForExit(limit), $"ucgsim did not end within {limit}: {Error}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
