using SiteGen.Model;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen serve</c>: builds, serves the site on localhost, rebuilds when content or templates
/// change and reloads open pages. The reload script is added to pages as they are served, never
/// written into the site.
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
        var command = new Command("serve", "Build the site, serve it on http://127.0.0.1:PORT/ and rebuild when content or templates change.");
        common.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (result, cancel) =>
        {
            var paths = common.Paths(result);
            var address = $"http://127.0.0.1:{result.GetValue(port)}/";
            var baseUrl = result.GetValue(common.BaseUrl) ?? address;
            var options = new BuildOptions(paths, baseUrl, Clean: true);
            BuildCommand.Report(SiteBuilder.Build(options), options, Diagnostics.DiagnosticFormat.Human, stdout, stderr);
            // Later builds only rewrite what changed.
            options = options with { Clean = false };
            Directory.CreateDirectory(paths.Output);
            var reloads = new Reloads();
            using var watcher = Watch(paths, () =>
            {
                stdout.WriteLine("Change detected: rebuilding...");
                try
                {
                    var outcome = SiteBuilder.Build(options);
                    if (BuildCommand.Report(outcome, options, Diagnostics.DiagnosticFormat.Human, stdout, stderr) == Cli.Success) reloads.Signal("reload");
                    else reloads.Signal(JsonSerializer.Serialize(outcome.Diagnostics.Select(d => d.ToString()).ToList()));
                }
                catch (Exception ex)
                {
                    // Whatever happens to one rebuild (a file deleted while it was read), the server stays up with the last good site.
                    stderr.WriteLine($"internal error during the rebuild: {ex.GetBaseException().Message}; the last good site is still served. Please report this.");
                    reloads.Signal(JsonSerializer.Serialize(new[] { $"internal error during the rebuild: {ex.GetBaseException().Message}" }));
                }
            });
            var app = CreateApp(paths.Output, address, reloads);
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
            stdout.WriteLine($"Serving {paths.Display(paths.Output)}/ at {address} (Ctrl+C to stop)");
            try { await Task.Delay(Timeout.Infinite, cancel); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
            return Cli.Success;
        });
        return command;
    }

    private static WebApplication CreateApp(string root, string address, Reloads reloads)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address);
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        // Pagefind's index files.
        foreach (var ext in new[] { ".pagefind", ".pf_meta", ".pf_index", ".pf_fragment" }) types.Mappings[ext] = "application/octet-stream";
        types.Mappings[".jsonld"] = "application/ld+json";

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
        app.Use((context, next) => ServePage(context, next, files));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types, ServeUnknownFileTypes = false });
        return app;
    }

    /// <summary>
    /// Pages get the reload script as they are served; a folder without its slash is redirected
    /// to it; a missing page is the site's 404 page; everything else is left to the static files.
    /// </summary>
    private static async Task ServePage(HttpContext context, Func<Task> next, PhysicalFileProvider files)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            // "//concepts" would redirect to the protocol-relative "//concepts/", another host: collapse the slashes first.
            context.Response.Redirect("/" + path.TrimStart('/'));
            return;
        }
        if (path.StartsWith("/__sitegen/", StringComparison.Ordinal))
        {
            await next();
            return;
        }
        if (!path.EndsWith('/') && Path.GetExtension(path).Length == 0 && files.GetFileInfo(path + "/index.html").Exists)
        {
            context.Response.Redirect(path + "/");
            return;
        }
        var file = path.EndsWith('/') ? path + "index.html" : path;
        var isPage = file.EndsWith(".html", StringComparison.Ordinal);
        var info = files.GetFileInfo(file);
        var status = 200;
        if (!info.Exists && (isPage || Path.GetExtension(path).Length == 0))
        {
            info = files.GetFileInfo("/404.html");
            status = 404;
        }
        else if (!isPage)
        {
            await next();
            return;
        }
        if (!info.Exists) { await next(); return; }
        var html = await File.ReadAllTextAsync(info.PhysicalPath!);
        var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
        html = at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, Encoding.UTF8);
    }

    /// <summary>Rebuilds once a burst of file changes (an editor's save writes several) has settled.</summary>
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
                    timer = new Timer(_ => { lock (gate) rebuild(); }, null, 250, Timeout.Infinite);
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
