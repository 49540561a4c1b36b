using System.Diagnostics;
using System.Globalization;

namespace SiteGen.Bench;

/// <summary>A whole process timed as users run it: its wall time and its peak resident memory.</summary>
internal sealed record Measured(double Seconds, double PeakMegabytes, string Output = "");

internal static class Processes
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>
    /// Runs <paramref name="program"/> to its end. The peak memory is GNU time's maximum resident set when it is
    /// installed, else the process's own high-water mark (VmHWM), read from /proc while it runs.
    /// </summary>
    public static Measured Run(string program, IReadOnlyList<string> arguments, string folder, IDictionary<string, string>? environment = null)
    {
        var report = Path.Combine(Path.GetTempPath(), $"sitegen-bench-time-{Environment.ProcessId}.txt");
        var viaTime = File.Exists(GnuTime);
        var start = new ProcessStartInfo(viaTime ? GnuTime : program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        if (viaTime) foreach (var a in new[] { "-f", "%M", "-o", report, program }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) start.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        while (!process.WaitForExit(20))
            if (!viaTime) peakKb = Math.Max(peakKb, HighWaterMark(process.Id));
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{errors.Result}\n{output.Result}");
        if (viaTime) peakKb = long.Parse(File.ReadAllLines(report).Last(l => l.Trim().Length > 0).Trim(), CultureInfo.InvariantCulture);
        return new Measured(seconds, peakKb / 1024.0, output.Result);
    }

    /// <summary>Flushes every file system's dirty pages (sync(2)).</summary>
    public static void Sync() => sync();

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern void sync();

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>Runs a command for its output; throws with its errors when it fails.</summary>
    public static string Shell(string program, string arguments, string folder)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} failed: {errors.Result}");
        return output.Result;
    }

    /// <summary>Whether a program is on the PATH.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    /// <summary>Installs a Debian package when it is missing and this process may (root, apt-get); says why not otherwise.</summary>
    public static string? EnsureDebianPackage(string program, string package)
    {
        if (Find(program) is { } found) return found;
        if (Find("apt-get") is null || Environment.UserName != "root")
        {
            Console.WriteLine($"({program} is not installed and cannot be installed here: apt-get install {package})");
            return null;
        }
        Console.WriteLine($"Installing {package} from Debian's packages...");
        try
        {
            Shell("apt-get", $"install -y -qq {package}", Path.GetTempPath());
        }
        catch (InvalidOperationException)
        {
            try { Shell("apt-get", "update -qq", Path.GetTempPath()); Shell("apt-get", $"install -y -qq {package}", Path.GetTempPath()); }
            catch (InvalidOperationException ex) { Console.WriteLine($"({package} could not be installed: {ex.Message.Split('\n')[0]})"); }
        }
        return Find(program);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The pages (HTML files), all files, and their bytes under a folder.</summary>
    public static (int Pages, int Files, long Bytes) Output(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return (files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), files.Length, files.Sum(f => new FileInfo(f).Length));
    }
}
