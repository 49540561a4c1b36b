using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace SiteGen.Bench;

/// <summary>
/// How long <c>serve</c> takes from an edit to the reload of the open pages, as a maintainer sees it: from the
/// moment a text's file is written to the moment the page's event stream says "reload", median of the runs.
/// The edition's own content, then the synthetic corpus at each size asked for, each copied to a scratch folder.
/// <c>dotnet run -c Release --project src/SiteGen.Bench -- serve-latency [texts ...] [--runs N]</c>
/// </summary>
internal static class ServeLatency
{
    public static int Run(string[] args, string repo)
    {
        var runs = ScaleBench.Option(args, "--runs", 10);
        var work = Path.Combine(Path.GetTempPath(), "sitegen-serve-bench-" + Environment.ProcessId);
        var siteGen = Path.Combine(Path.GetDirectoryName(typeof(ServeLatency).Assembly.Location)!, "SiteGen.dll");
        try
        {
            Console.WriteLine($"serve: from writing a text to the reload event, median of {runs} edits.");
            var edition = Path.Combine(work, "edition");
            Copy(Path.Combine(repo, "content"), edition);
            Measure("the edition (5 texts)", edition, repo, siteGen, runs);
            foreach (var n in ScaleBench.Numbers(args))
            {
                var corpus = Corpus.Write(repo, Path.Combine(work, $"corpus-{n}"), n);
                Measure($"the synthetic corpus ({n:N0} texts)", corpus.SiteGen, repo, siteGen, Math.Min(runs, 5));
            }
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    private static void Measure(string what, string content, string repo, string siteGen, int runs)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "exec", siteGen, "serve", "--content", content, "--templates", Path.Combine(repo, "templates"), "--output", Path.Combine(content, "..", "unused-site"), "--port", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var server = Process.Start(start)!;
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            string? line;
            var startup = Stopwatch.StartNew();
            while ((line = server.StandardOutput.ReadLine()) is not null && !line.StartsWith("Serving", StringComparison.Ordinal)) { }
            if (line is null) throw new InvalidOperationException("serve stopped before serving");
            var startupSeconds = startup.Elapsed.TotalSeconds;
            _ = Task.Run(() => { while (server.StandardOutput.ReadLine() is not null) { } });
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
            var text = Directory.GetFiles(Path.Combine(content, "texts"), "*.md").Order(StringComparer.Ordinal).First();
            var original = File.ReadAllText(text);
            var latencies = new List<double>();
            for (var r = 0; r <= runs; r++)
            {
                using var events = http.GetAsync("__sitegen/events", HttpCompletionOption.ResponseHeadersRead).Result;
                using var stream = new StreamReader(events.Content.ReadAsStream());
                var clock = Stopwatch.StartNew();
                // A visible edit: the text's last paragraph gains a sentence, a different one each time.
                File.WriteAllText(text, original.TrimEnd() + $" Edited {r}.\n");
                string? message;
                while ((message = stream.ReadLine()) is not null && !message.StartsWith("data:", StringComparison.Ordinal)) { }
                var ms = clock.Elapsed.TotalMilliseconds;
                if (message != "data: reload") throw new InvalidOperationException($"the rebuild failed: {message}");
                if (r > 0) latencies.Add(ms); // the first rebuild warms the code paths
            }
            File.WriteAllText(text, original);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what,-36} start-up {startupSeconds:0.0} s; edit → reload median {Processes.Median(latencies):N0} ms (min {latencies.Min():N0}, max {latencies.Max():N0})"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
