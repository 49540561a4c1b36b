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
using SiteGen.Addresses;
using SiteGen.Rendering.Templates;
using SiteGen.FileSystem;

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

    public static Command Create(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var port = new Option<int>("--port", "-p") { Description = "The port to serve on (0: any free port, which serve names).", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(r =>
        {
            // A value that is no number at all is the parser's own error; a number is checked here.
            var given = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (given is not null && (!int.TryParse(given, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 0 or > 65535))
                r.AddError($"--port {given} is not a port: give a number from 1 to 65535 (or 0 for any free one)");
        });
        var command = new Command("serve", "Build the site in memory, serve it on http://127.0.0.1:PORT/ and rebuild when content or templates change (the output folder is left as it is).");
        common.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (result, cancel) =>
        {
            var paths = common.Paths(result);
            var served = new ServedSite();
            var reloads = new Reloads();
            var wanted = result.GetValue(port);
            // The port is taken first, so that the site is built for the address it is served at (--port 0 gets one).
            var app = CreateApp(served, $"http://127.0.0.1:{wanted}/", reloads);
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"error: port {wanted} is already in use (another 'serve', or another server): choose a free one, e.g. --port {wanted + 1}");
                return Cli.UsageError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                stderr.WriteLine($"error: serve cannot listen on port {wanted} ({ex.GetBaseException().Message.TrimEnd('.')}): choose another with --port (ports below 1024 need privileges)");
                return Cli.UsageError;
            }
            var address = app.Urls.Select(u => new Uri(u)).Select(u => $"http://127.0.0.1:{u.Port}/").First();
            // Built for localhost and kept in memory: what 'build' wrote into the output folder, the site to publish, stays as it was.
            // The templates, parsed and warmed, are kept from one rebuild to the next while they do not change.
            // Each rebuild makes again only the files whose declared inputs changed (the rest come from the last good build).
            var options = new BuildOptions(paths, result.GetValue(common.BaseUrl) ?? address, Write: false, Templates: new Rendering.Templates.TemplateCache(), Remember: true);
            var gate = new Lock();
            void Rebuild(bool first)
            {
                lock (gate)
                {
                    if (!first) stdout.WriteLine("Change detected: rebuilding...");
                    try
                    {
                        var outcome = SiteBuilder.Build(options);
                        if (Report(outcome, paths, stdout, stderr) == Cli.Success)
                        {
                            options = options with { Previous = outcome.Made };
                            served.Replace(outcome.Rendered!);
                            reloads.Signal("reload");
                        }
                        else reloads.Signal(JsonSerializer.Serialize(outcome.Diagnostics.Select(d => d.ToString()).ToList()));
                    }
                    catch (Exception ex) when (!first)
                    {
                        // Whatever happens to one rebuild (a file deleted while it was read), the server stays up with the last good site.
                        stderr.WriteLine($"internal error during the rebuild: {ex.GetBaseException().Message}; the last good site is still served. Please report this.");
                        reloads.Signal(JsonSerializer.Serialize(new[] { $"internal error during the rebuild: {ex.GetBaseException().Message}" }));
                    }
                    finally
                    {
                        served.Ready();
                    }
                }
            }
            Rebuild(first: true);
            using var watcher = new ContentWatcher([paths.Content, paths.Templates], () => Rebuild(first: false), message => stdout.WriteLine(message), paths);
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
                return $"Built {site.Site.Texts.Length} texts, {site.Site.Concepts.Length} concepts, {site.Mentions.Length} mentions, {site.Notes.Length} notes: " +
                       $"{o.Files} files in memory in {Reporter.Milliseconds(o.Elapsed)} ms.";
            },
            failed: "Build failed", afterFailure: " The last good site is still served.");

    /// <summary>The last site that built, by path under the site's root (<c>texts/x/index.html</c>); replaced whole by each good rebuild.</summary>
    private sealed class ServedSite
    {
        private FrozenDictionary<string, byte[]> _files = FrozenDictionary<string, byte[]>.Empty;
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Done once the first build has finished, well or not: requests that come before wait for it.</summary>
        public Task Built => _ready.Task;

        public void Ready() => _ready.TrySetResult();

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
        // Only requests for this machine are answered: a page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding)
        // gets nothing from the edition under review.
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackName(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                await context.Response.WriteAsync($"serve answers only requests for localhost or 127.0.0.1, not for '{context.Request.Host.Host}'.\n");
                return;
            }
            await site.Built;
            await next();
        });
        app.Use((context, next) => context.Request.Path.StartsWithSegments("/__sitegen") ? next() : ServeFile(context, site, types));
        return app;
    }

    /// <summary>Whether a request's host names this machine: localhost (and its subdomains, RFC 6761) or a loopback address.</summary>
    internal static bool IsLoopbackName(string host)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);
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

    /// <summary>Wakes every open page's event stream after a rebuild: "reload", or the problems as a JSON list.</summary>
    private sealed class Reloads
    {
        private TaskCompletionSource<string> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Signal(string message) => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message);

        public Task<string> Wait(CancellationToken cancel) => Volatile.Read(ref _next).Task.WaitAsync(cancel);
    }
}
