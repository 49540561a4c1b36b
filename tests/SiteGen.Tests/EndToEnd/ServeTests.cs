using SiteGen.Model;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>'serve' as maintainers use it: the real program on a loopback port.</summary>
public class ServeTests
{
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Serve_builds_serves_pages_and_the_404_page_and_reloads_after_a_change()
    {
        using var site = new TempSite().Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "First words.\n");
        var port = FreePort();
        using var process = StartServe(site, port, new System.Text.StringBuilder());
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var home = await Poll(() => http.GetAsync("/"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync();
            Assert.Contains("href=\"/texts/2021-05-28-a/\"", html);
            Assert.Contains("EventSource('/__sitegen/events')", html);
            // Served from memory: the output folder, what 'build' writes for publishing, is not touched.
            Assert.False(Directory.Exists(site.Output), "serve wrote into the output folder");
            Assert.Equal("text/css", (await http.GetAsync("/assets/site.css")).Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.Redirect, (await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress }.GetAsync("/texts/2021-05-28-a")).StatusCode);

            var missing = await http.GetAsync("/no/such/page/");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("This page does not exist", await missing.Content.ReadAsStringAsync());

            // A change to the content rebuilds the site and tells open pages to reload.
            using var events = await http.GetStreamAsync("/__sitegen/events");
            site.Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Changed words.\n");
            using var reader = new StreamReader(events);
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("data: reload", line);
            Assert.Contains("Changed words.", await http.GetStringAsync("/texts/2021-05-28-a/"));
            Assert.False(Directory.Exists(site.Output), "a rebuild wrote into the output folder");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts 'serve'; what it prints is collected in <paramref name="log"/> as it comes (a full pipe would stall it).</summary>
    private static Process StartServe(TempSite site, int port, System.Text.StringBuilder log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SiteGen.dll"), "serve", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [Fact]
    public async Task A_broken_change_shows_its_problems_over_the_last_good_site_and_the_fix_reloads()
    {
        using var site = new TempSite().Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "First words.\n");
        var port = FreePort();
        var log = new System.Text.StringBuilder();
        using var process = StartServe(site, port, log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            await Poll(() => http.GetAsync("/"));
            using (var events = new StreamReader(await http.GetStreamAsync("/__sitegen/events")))
            {
                site.Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speach", "Broken words.\n");
                var line = await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
                Assert.StartsWith("data: [", line);
                var problems = System.Text.Json.JsonSerializer.Deserialize<string[]>(line!["data: ".Length..])!;
                Assert.Contains(problems, p => p.Contains("content/texts/2021-05-28-a.md:4:7: error: 'kind: speach' is not known", StringComparison.Ordinal));
            }
            var page = await http.GetStringAsync("/texts/2021-05-28-a/");
            Assert.Contains("First words.", page);
            Assert.Contains("sitegen-problems", page);
            using (var events = new StreamReader(await http.GetStreamAsync("/__sitegen/events")))
            {
                site.Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Mended words.\n");
                Assert.Equal("data: reload", await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15)));
            }
            Assert.Contains("Mended words.", await http.GetStringAsync("/texts/2021-05-28-a/"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_survives_files_deleted_while_it_rebuilds_and_never_redirects_to_another_host()
    {
        using var site = new TempSite();
        for (var i = 0; i < 60; i++) site.Text($"2021-05-{1 + i % 28:00}-t{i}", $"title: T{i}\ndate: 2021-05-{1 + i % 28:00}\nkind: speech", "Words.\n");
        var port = FreePort();
        var log = new System.Text.StringBuilder();
        using var process = StartServe(site, port, log);
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            await Poll(() => http.GetAsync("/"));
            // Delete and rewrite files in bursts while the rebuilds they cause are running.
            for (var round = 0; round < 5; round++)
            {
                for (var i = round; i < 60; i += 5) File.Delete(Path.Combine(site.Content, "texts", $"2021-05-{1 + i % 28:00}-t{i}.md"));
                await Task.Delay(150);
                for (var i = round; i < 60; i += 5) site.Text($"2021-05-{1 + i % 28:00}-t{i}", $"title: T{i}\ndate: 2021-05-{1 + i % 28:00}\nkind: speech", "Words again.\n");
                await Task.Delay(150);
            }
            await Task.Delay(1500);
            Assert.False(process.HasExited, log.ToString());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);

            var redirect = await http.GetAsync(new Uri($"http://127.0.0.1:{port}//concepts"));
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.False(redirect.Headers.Location!.OriginalString.StartsWith("//", StringComparison.Ordinal), redirect.Headers.Location.OriginalString);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_says_so_and_suggests_another()
    {
        using var site = new TempSite().Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "First words.\n");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var log = new System.Text.StringBuilder();
            using var process = StartServe(site, port, log);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var errors = log.ToString();
            Assert.Equal(2, process.ExitCode);
            Assert.Contains($"error: port {port} is already in use", errors);
            Assert.Contains($"--port {port + 1}", errors);
            Assert.DoesNotContain("bug", errors);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<HttpResponseMessage> Poll(Func<Task<HttpResponseMessage>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await request(); }
            catch (HttpRequestException) when (attempt < 100) { await Task.Delay(100); }
        }
    }
}
