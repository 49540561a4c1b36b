using System.Globalization;
using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Commands;

/// <summary>
/// A progress line for builds that take more than a second, on a terminal: the stage, the texts done and the
/// rate. It goes to standard error and clears itself at the end; nothing is shown when either stream is
/// redirected, on CI, or when problems are written for machines (<c>--format json|github</c>).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>How long a build runs before the display shows (SITEGEN_PROGRESS_DELAY_MS sets it, for tests).</summary>
    private static TimeSpan Delay => TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROGRESS_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 1000);

    public static bool Wanted(DiagnosticFormat format) =>
        format == DiagnosticFormat.Human && !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Runs <paramref name="build"/> with a progress display when <paramref name="format"/> allows one.</summary>
    public static BuildResult Build(BuildOptions options, DiagnosticFormat format)
    {
        if (!Wanted(format)) return SiteBuilder.Build(options);
        var progress = new BuildProgress();
        var build = Task.Run(() => SiteBuilder.Build(options with { Progress = progress }));
        if (build.Wait(Delay)) return build.Result;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("loading the content");
                task.IsIndeterminate = true;
                // The rate counts from the first text page done.
                var clock = new System.Diagnostics.Stopwatch();
                while (!build.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    var (stage, texts, done) = (progress.Stage, progress.Texts, progress.TextsDone);
                    if (done > 0 && !clock.IsRunning) clock.Start();
                    if (done == texts) clock.Stop();
                    var rate = done / Math.Max(0.1, clock.Elapsed.TotalSeconds);
                    task.Description = Markup.Escape(done == 0 || done == texts ? stage
                        : string.Create(CultureInfo.InvariantCulture, $"{stage}: {done:N0} of {texts:N0} texts, {rate:N0} a second"));
                    task.IsIndeterminate = done == 0 || done == texts;
                    task.MaxValue = Math.Max(1, texts);
                    task.Value = done;
                }
                task.StopTask();
            });
        return build.Result;
    }
}
