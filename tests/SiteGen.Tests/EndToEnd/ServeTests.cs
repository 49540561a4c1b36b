using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>'serve' as maintainers use it, run through the command line's entry point on a loopback port it chooses.</summary>
public class ServeTests
{
    /// <summary>A running 'serve' of a site, stopped as Ctrl+C stops it.</summary>
    private sealed class Serving : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        public SharedWriter Out { get; } = new();
        public SharedWriter Err { get; } = new();
        public Task<int> Exit { get; }
        public HttpClient Http { get; private set; } = null!;
        public int Port { get; private set; }

        private Serving(TempSite site, string[] extra) =>
            Exit = Task.Run(() => Cli.Run(["serve", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--port", "0", .. extra], Out, Err, _stop.Token));

        public static async Task<Serving> Start(TempSite site, params string[] extra)
        {
            var serving = new Serving(site, extra);
            var announced = await Poll.Until(() => Task.FromResult(Regex.Match(serving.Out.ToString(), @"Serving the site at http://127\.0\.0\.1:(\d+)/") is { Success: true } m ? m : null),
                "serve to announce its address:\n" + serving.Err);
            serving.Port = int.Parse(announced.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            serving.Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{serving.Port}/"), Timeout = TimeSpan.FromSeconds(20) };
            return serving;
        }

        /// <summary>The next message of the page events stream, after <paramref name="change"/> (the stream is opened first).</summary>
        public async Task<string> NextEvent(Action change)
        {
            using var events = new StreamReader(await Http.GetStreamAsync("/__sitegen/events"));
            change();
            var line = await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return line ?? "";
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Exit.WaitAsync(TimeSpan.FromSeconds(30));
            Http?.Dispose();
        }
    }

    private const string A = "title: A\ndate: 2021-05-28\nkind: speech";

    [Fact]
    public async Task Serve_builds_serves_pages_and_the_404_page_and_reloads_after_a_change()
    {
        using var site = new TempSite().Text("2021-05-28-a", A, "First words.\n");
        await using var serve = await Serving.Start(site);
        var home = await serve.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/texts/2021-05-28-a/\"", html);
        Assert.Contains("EventSource('/__sitegen/events')", html);
        // Built for the port it got: the canonical address names it.
        Assert.Contains($"http://127.0.0.1:{serve.Port}/", html);
        // Served from memory: the output folder, what 'build' writes for publishing, is not touched.
        Assert.False(Directory.Exists(site.Output), "serve wrote into the output folder");
        Assert.Equal("text/css", (await serve.Http.GetAsync("/assets/site.css")).Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, (await serve.Http.GetAsync("/texts/2021-05-28-a")).StatusCode);
        var missing = await serve.Http.GetAsync("/no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("This page does not exist", await missing.Content.ReadAsStringAsync());
        var redirect = await serve.Http.GetAsync(new Uri($"http://127.0.0.1:{serve.Port}//concepts"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.False(redirect.Headers.Location!.OriginalString.StartsWith("//", StringComparison.Ordinal), redirect.Headers.Location.OriginalString);

        // A change to the content rebuilds the site and tells open pages to reload.
        Assert.Equal("data: reload", await serve.NextEvent(() => site.Text("2021-05-28-a", A, "Changed words.\n")));
        Assert.Contains("Changed words.", await serve.Http.GetStringAsync("/texts/2021-05-28-a/"));
        Assert.False(Directory.Exists(site.Output), "a rebuild wrote into the output folder");
    }

    [Fact]
    public async Task A_broken_change_shows_its_problems_over_the_last_good_site_and_the_fix_reloads()
    {
        using var site = new TempSite().Text("2021-05-28-a", A, "First words.\n");
        await using var serve = await Serving.Start(site);
        var line = await serve.NextEvent(() => site.Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speach", "Broken words.\n"));
        Assert.StartsWith("data: [", line);
        var problems = System.Text.Json.JsonSerializer.Deserialize<string[]>(line["data: ".Length..])!;
        Assert.Contains(problems, p => p.Contains("content/texts/2021-05-28-a.md:4:7: error: 'kind: speach' is not known", StringComparison.Ordinal));
        var page = await serve.Http.GetStringAsync("/texts/2021-05-28-a/");
        Assert.Contains("First words.", page);
        Assert.Contains("sitegen-problems", page);
        Assert.Equal("data: reload", await serve.NextEvent(() => site.Text("2021-05-28-a", A, "Mended words.\n")));
        Assert.Contains("Mended words.", await serve.Http.GetStringAsync("/texts/2021-05-28-a/"));
    }

    [Fact]
    public async Task Serve_survives_files_deleted_while_it_rebuilds()
    {
        using var site = new TempSite();
        string Slug(int i) => $"2021-05-{1 + i % 28:00}-t{i}";
        for (var i = 0; i < 60; i++) site.Text(Slug(i), $"title: T{i}\ndate: 2021-05-{1 + i % 28:00}\nkind: speech", "Words.\n");
        await using var serve = await Serving.Start(site);
        // Delete and rewrite files in bursts, each burst starting whatever rebuilds the last one caused.
        for (var round = 0; round < 5; round++)
        {
            for (var i = round; i < 60; i += 5) File.Delete(Path.Combine(site.Content, "texts", Slug(i) + ".md"));
            for (var i = round; i < 60; i += 5) site.Text(Slug(i), $"title: T{i}\ndate: 2021-05-{1 + i % 28:00}\nkind: speech", $"Words again {round}.\n");
        }
        await Poll.Until(async () => (await serve.Http.GetStringAsync($"/texts/{Slug(59)}/")).Contains("Words again 4.") ? "" : null, "the last burst to be built");
        Assert.False(serve.Exit.IsCompleted, serve.Err.ToString());
        Assert.Equal(HttpStatusCode.OK, (await serve.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Serve_rebuilds_again_once_a_deleted_content_folder_is_put_back()
    {
        using var site = new TempSite().Text("2021-05-28-a", A, "First words.\n");
        await using var serve = await Serving.Start(site);
        var away = site.Content + ".away";
        var gone = await serve.NextEvent(() => Directory.Move(site.Content, away));
        Assert.StartsWith("data: [", gone); // nothing to build: the problems, over the last good site
        await Poll.Until(() => serve.Out.ToString().Contains("content/ is gone"), "serve to say what it waits for");
        File.WriteAllText(Path.Combine(away, "texts", "2021-05-28-a.md"), $"---\n{A}\n---\nWords after the move.\n");
        Assert.Equal("data: reload", await serve.NextEvent(() => Directory.Move(away, site.Content)));
        Assert.Contains("Words after the move.", await serve.Http.GetStringAsync("/texts/2021-05-28-a/"));
        // And it keeps watching the folder it got back.
        Assert.Equal("data: reload", await serve.NextEvent(() => site.Text("2021-05-28-a", A, "Words edited later.\n")));
        Assert.Contains("Words edited later.", await serve.Http.GetStringAsync("/texts/2021-05-28-a/"));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    public async Task Serve_answers_only_requests_for_this_machine(string host)
    {
        using var site = new TempSite().Text("2021-05-28-a", A, "First words.\n");
        await using var serve = await Serving.Start(site);
        var foreign = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = host } };
        var refused = await serve.Http.SendAsync(foreign);
        Assert.Equal((HttpStatusCode)421, refused.StatusCode);
        Assert.DoesNotContain("First words", await refused.Content.ReadAsStringAsync());
        foreach (var local in new[] { $"localhost:{serve.Port}", $"127.0.0.1:{serve.Port}", $"[::1]:{serve.Port}", $"site.localhost:{serve.Port}" })
            Assert.Equal(HttpStatusCode.OK, (await serve.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = local } })).StatusCode);
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_says_so_and_suggests_another()
    {
        using var site = new TempSite().Text("2021-05-28-a", A, "First words.\n");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await Cli.Run(["serve", "--content", site.Content, "--templates", Repo.Templates, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], stdout, stderr);
            Assert.Equal(2, code);
            Assert.Contains($"error: port {port} is already in use", stderr.ToString());
            Assert.Contains($"--port {port + 1}", stderr.ToString());
            Assert.DoesNotContain("bug", stderr.ToString());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task A_port_that_is_no_port_is_a_usage_mistake(string port)
    {
        var stderr = new StringWriter();
        var code = await Cli.Run(["serve", "--port", port, "--base-url", "/edition/"], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--port", stderr.ToString());
        Assert.DoesNotContain("bug", stderr.ToString());
    }
}
