using SiteGen.Model;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen serve</c>: builds the site for localhost in memory, serves it, rebuilds when content
/// or templates change and reloads open pages. Nothing is written to disk: the output folder keeps
/// what 'build' wrote, the site to publish. The reload script is added to pages as they are served.
/// </summary>
internal static class ServeCommand
{
    private const string EventsPath = "/__sitegen/events";
    /// <summary>
    /// Added to every page served: reloads on a successful rebuild; after a failed one, shows the
    /// problems over the page (the last good site stays served underneath) until the next build.
    /// </summary>
    private const string ReloadScript = """
        <script>(function () {
          var events = new EventSource('/__sitegen/events');
          events.onmessage = function (e) {
            if (e.data === 'reload') { location.reload(); return; }
            var problems = JSON.parse(e.data), box = document.getElementById('sitegen-problems');
            if (!box) {
              box = document.createElement('div'); box.id = 'sitegen-problems'; box.setAttribute('role', 'alert');
              box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1em;background:#fff4f4;color:#5c0000;border-top:3px solid #b00020;font:14px/1.4 monospace;white-space:pre-wrap';
              document.body.appendChild(box);
            }
            box.textContent = 'The last change did not build; this page is the last good build.\n\n' + problems.join('\n');
          };
        })();</script>
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var port = new Option<int>("--port", "-p") { Description = "The port to serve on.", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "Build the site in memory, serve it on http://127.0.0.1:PORT/ and rebuild when content or templates change (the output folder is left as it is).");
        common.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (result, cancel) =>
        {
            var paths = common.Paths(result);
            var address = $"http://127.0.0.1:{result.GetValue(port)}/";
            var baseUrl = result.GetValue(common.BaseUrl) ?? address;
            // Built for localhost and kept in memory: what 'build' wrote into the output folder, the site to publish, stays as it was.
            // The templates, parsed and warmed, are kept from one rebuild to the next while they do not change.
            var options = new BuildOptions(paths, baseUrl, Write: false, Templates: new Rendering.TemplateCache());
            var served = new ServedSite();
            bool Rebuild()
            {
                var outcome = SiteBuilder.Build(options);
                var ok = Report(outcome, paths, stdout, stderr) == Cli.Success;
                if (ok) served.Replace(outcome.Rendered!);
                return ok;
            }
            Rebuild();
            var reloads = new Reloads();
            using var watcher = Watch(paths, () =>
            {
                stdout.WriteLine("Change detected: rebuilding...");
                try
                {
                    var outcome = SiteBuilder.Build(options);
                    if (Report(outcome, paths, stdout, stderr) == Cli.Success)
                    {
                        served.Replace(outcome.Rendered!);
                        reloads.Signal("reload");
                    }
                    else reloads.Signal(JsonSerializer.Serialize(outcome.Diagnostics.Select(d => d.ToString()).ToList()));
                }
                catch (Exception ex)
                {
                    // Whatever happens to one rebuild (a file deleted while it was read), the server stays up with the last good site.
                    stderr.WriteLine($"internal error during the rebuild: {ex.GetBaseException().Message}; the last good site is still served. Please report this.");
                    reloads.Signal(JsonSerializer.Serialize(new[] { $"internal error during the rebuild: {ex.GetBaseException().Message}" }));
                }
            });
            var app = CreateApp(served, address, reloads);
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                var taken = result.GetValue(port);
                stderr.WriteLine($"error: port {taken} is already in use (another 'serve', or another server): choose a free one, e.g. --port {taken + 1}");
                return Cli.UsageError;
            }
            stdout.WriteLine($"Serving the site at {address} from memory; {paths.Display(paths.Output)}/ is left as it is ('build' writes it). Ctrl+C to stop.");
            try { await Task.Delay(Timeout.Infinite, cancel); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
            return Cli.Success;
        });
        return command;
    }

    private static int Report(BuildResult outcome, ProjectPaths paths, TextWriter stdout, TextWriter stderr) =>
        Reporter.Finish(outcome, paths, Diagnostics.DiagnosticFormat.Human, strict: false, stdout, stderr,
            done: o =>
            {
                var site = o.Site!;
                return $"Built {site.Site.Texts.Length} texts, {site.Site.Concepts.Length} concepts, {site.Mentions.Length} mentions, {site.Anchors.Length} notes: " +
                       $"{o.Files} files in memory in {Reporter.Milliseconds(o.Elapsed)} ms.";
            },
            failed: "Build failed", afterFailure: " The last good site is still served.");

    /// <summary>The last site that built, by path under the site's root (<c>texts/x/index.html</c>); replaced whole by each good rebuild.</summary>
    private sealed class ServedSite
    {
        private FrozenDictionary<string, byte[]> _files = FrozenDictionary<string, byte[]>.Empty;

        public void Replace(RenderedSite site) =>
            Volatile.Write(ref _files, site.Files.ToFrozenDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal));

        public byte[]? Get(string path) => Volatile.Read(ref _files).GetValueOrDefault(path);
    }

    private static WebApplication CreateApp(ServedSite site, string address, Reloads reloads)
    {
        // The host's content root is the program's own folder, not the working folder: the host watches its content
        // root, and a working folder can hold tens of thousands of folders (a large site's output).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address);
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".jsonld"] = "application/ld+json";
        types.Mappings[".bib"] = "application/x-bibtex; charset=utf-8";

        app.Map(EventsPath, async (HttpContext context) =>
        {
            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                var message = await reloads.Wait(context.RequestAborted);
                await context.Response.WriteAsync($"data: {message}\n\n", context.RequestAborted);
            }
            catch (OperationCanceledException) { }
        });
        app.Use((context, next) => context.Request.Path.StartsWithSegments("/__sitegen") ? next() : ServeFile(context, site, types));
        return app;
    }

    /// <summary>
    /// A file of the site as a static server would serve it: a folder's index.html, a folder
    /// without its slash redirected to it, the site's 404 page for what is missing; pages get the
    /// reload script.
    /// </summary>
    private static async Task ServeFile(HttpContext context, ServedSite site, FileExtensionContentTypeProvider types)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            // "//concepts" would redirect to the protocol-relative "//concepts/", another host: collapse the slashes first.
            context.Response.Redirect("/" + path.TrimStart('/'));
            return;
        }
        var relative = path.TrimStart('/');
        if (relative.Length > 0 && !relative.EndsWith('/') && Path.GetExtension(relative).Length == 0 && site.Get(relative + "/index.html") is not null)
        {
            context.Response.Redirect(path + "/");
            return;
        }
        var file = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        var content = site.Get(file);
        var status = 200;
        if (content is null)
        {
            file = "404.html";
            content = site.Get(file);
            status = 404;
            if (content is null) { context.Response.StatusCode = 404; return; }
        }
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            var html = Encoding.UTF8.GetString(content);
            var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
            html = at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html, Encoding.UTF8);
            return;
        }
        context.Response.ContentType = types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.Body.WriteAsync(content);
    }

    /// <summary>How long a burst of file changes (an editor's save writes several within a few milliseconds) must be quiet before the rebuild.</summary>
    internal const int Settle = 30;

    /// <summary>Rebuilds once a burst of file changes has settled.</summary>
    private static IDisposable Watch(ProjectPaths paths, Action rebuild)
    {
        var gate = new Lock();
        Timer? timer = null;
        var watchers = new[] { paths.Content, paths.Templates }.Where(Directory.Exists).Select(folder =>
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            void Changed(object? _, FileSystemEventArgs __)
            {
                lock (gate)
                {
                    timer?.Dispose();
                    timer = new Timer(_ => { lock (gate) rebuild(); }, null, Settle, Timeout.Infinite);
                }
            }
            watcher.Changed += Changed;
            watcher.Created += Changed;
            watcher.Deleted += Changed;
            watcher.Renamed += (s, e) => Changed(s, e);
            return watcher;
        }).ToList();
        return new Disposables(watchers);
    }

    private sealed class Disposables(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose() { foreach (var item in items) item.Dispose(); }
    }

    /// <summary>Wakes every open page's event stream after a rebuild: "reload", or the problems as a JSON list.</summary>
    private sealed class Reloads
    {
        private TaskCompletionSource<string> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Signal(string message) => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message);

        public Task<string> Wait(CancellationToken cancel) => Volatile.Read(ref _next).Task.WaitAsync(cancel);
    }
}
