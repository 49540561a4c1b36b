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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SiteGen.dll"), "serve", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var home = await Poll(() => http.GetAsync("/"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync();
            Assert.Contains("href=\"/texts/2021-05-28-a/\"", html);
            Assert.Contains("EventSource('/__sitegen/events')", html);
            Assert.DoesNotContain("EventSource", site.Read("site/index.html"));

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
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
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
