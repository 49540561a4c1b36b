using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Templates;

/// <summary>
/// The Scriban templates of <c>templates/</c>, each parsed once. Pages are rendered into a page
/// template, then into <c>layout.html</c>. Partials are included by name
/// (<c>{{ include 'partials/nav.html' }}</c>) through <see cref="Loader"/>, which serves the
/// parsed templates too. One <see cref="TemplateContext"/> per thread is reused across pages,
/// which is several times faster than a new one per page.
/// </summary>
internal sealed class TemplateSet
{
    private readonly IReadOnlyDictionary<string, (Template Template, string Text)> _templates;
    private readonly string _displayFolder;
    private readonly ThreadLocal<TemplateContext> _contexts;

    private TemplateSet(IReadOnlyDictionary<string, (Template, string)> templates, string displayFolder, bool stencils)
    {
        _stencils = new Stencils(stencils);
        _templates = templates;
        _displayFolder = displayFolder;
        _contexts = new ThreadLocal<TemplateContext>(NewContext);
    }

    /// <summary>Every template the generator renders pages with; a missing one is an error.</summary>
    public static readonly string[] Required = ["layout.html", "home.html", "text.html", "concept.html", "concept-texts.html", "concepts.html", "glossary.html",
        "notes.html", "year.html", "timeline.html", "search.html", "404.html"];

    /// <summary>Parses every template of the theme, reporting each syntax error at its line and column.</summary>
    /// <param name="stencils">Fill the partials used thousands of times as stencils (on, but for the test that the pages are the same without).</param>
    public static TemplateSet? Parse(Theme theme, DiagnosticBag diagnostics, bool stencils = true)
    {
        var templates = new Dictionary<string, (Template, string)>(StringComparer.Ordinal);
        var ok = true;
        foreach (var source in theme.Templates)
        {
            var template = Template.Parse(source.Text, source.DisplayPath);
            if (template.HasErrors)
            {
                ok = false;
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                    diagnostics.Error(DiagnosticCodes.TemplateSyntax, Location(source.DisplayPath, message.Span.Start),
                        $"template syntax: {message.Message}");
                continue;
            }
            templates[source.Name] = (template, source.Text);
        }
        foreach (var name in Required)
        {
            if (!templates.ContainsKey(name) && ok)
            {
                diagnostics.Error(DiagnosticCodes.TemplateMissing, SourceLocation.StartOf($"{theme.DisplayFolder}/{name}"),
                    $"the template '{name}' is missing: every site needs {string.Join(", ", Required)}");
                ok = false;
            }
        }
        return ok ? new TemplateSet(templates, theme.DisplayFolder, stencils) : null;
    }

    /// <summary>Scriban's positions are zero-based; ours are 1-based.</summary>
    private static SourceLocation Location(string path, TextPosition position) => new(path, position.Line + 1, position.Column + 1);

    private TemplateContext NewContext()
    {
        var context = new TemplateContext
        {
            TemplateLoader = new Loader(this),
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            // Scriban cuts output at 1 MiB by default and ends it with "...": a large page must be whole.
            LimitToString = 0,
            RecursiveLimit = 64,
            EnableRelaxedMemberAccess = true,
        };
        // Helpers every template may use, registered once, as functions Scriban calls directly (a delegate would have
        // each argument converted through reflection, on every call of every page).
        var helpers = new ScriptObject();
        helpers["plural"] = new Helper(3, a => ToNumber(a[0]) == 1 ? AsText(a[1]) : AsText(a[2]));
        // html.escape is the edition's own (Html.EscapeAttribute): the five characters that matter, and nothing else,
        // so that "¶", pinyin tone marks and every other character reach the page as themselves, not as numeric entities.
        var html = new ScriptObject();
        html["escape"] = new Helper(1, a => Html.EscapeAttribute(AsText(a[0])));
        // html.text is the same for the content of an element, with each run of Chinese wrapped in <span lang="zh">
        // (never inside an attribute, where a tag cannot go).
        html["text"] = new Helper(1, a => Html.MarkChinese(Html.EscapeAttribute(AsText(a[0]))));
        helpers["html"] = html;
        context.PushGlobal(helpers);
        context.CachedTemplates.Clear();
        // Included partials come already parsed.
        foreach (var (name, (template, _)) in _templates) context.CachedTemplates[name] = template;
        return context;
    }

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="model"/> as its variables.
    /// A template that fails at run time (an unknown variable, a bad include) gives a diagnostic
    /// at the template's line and null.
    /// </summary>
    /// <summary>
    /// Renders a partial with a typed view model, which the template sees as <c>m</c>
    /// (<c>{{ m.number }}</c>; members in snake_case). Scriban reads the members of a type through
    /// an accessor it builds once per type, so this costs no reflection per call.
    /// </summary>
    public string Render(string template, object view, DiagnosticBag diagnostics) =>
        _stencils.Render(template, view, v => Render(template, new ScriptObject(1) { ["m"] = v }, diagnostics)) ?? "";

    /// <summary>
    /// Renders a partial with a typed view model (<c>m</c>) through Scriban, never as a stencil: for a figure whose
    /// numbers differ on every page (a chart's geometry), which would make a stencil of every page's shape.
    /// </summary>
    public string RenderFigure(string template, object view, DiagnosticBag diagnostics) =>
        Render(template, new ScriptObject(1) { ["m"] = view }, diagnostics) ?? "";

    /// <summary>Partials used over and over are filled in rather than run (<see cref="Stencils"/>).</summary>
    private readonly Stencils _stencils;

    /// <summary>How many shapes of partial views the templates did not allow to be stencilled.</summary>
    internal int LeftToScriban => _stencils.LeftToScriban;

    /// <summary>
    /// Renders a partial that wraps content (<c>{{ inner_html }}</c>) and gives back what comes
    /// before and after it: the opening and closing markup of a highlight or a concept link, laid
    /// over ranges of words by <see cref="InlineRenderer"/>.
    /// </summary>
    public (string Open, string Close) Wrapper(string template, object view, DiagnosticBag diagnostics)
    {
        var html = Render(template, view, diagnostics);
        var at = html.IndexOf(Inner, StringComparison.Ordinal);
        if (at < 0)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, SourceLocation.StartOf($"{_displayFolder}/{template}"),
                $"the template '{template}' must write {{{{ inner_html }}}} once: it wraps the words it marks");
            return ("", "");
        }
        return (html[..at], html[(at + Inner.Length)..]);
    }

    /// <summary>What a wrapping partial receives as <c>inner_html</c>: a character that no template writes.</summary>
    public const string Inner = "\u0001";

    public string? Render(string template, ScriptObject model, DiagnosticBag diagnostics)
    {
        var context = _contexts.Value!;
        context.PushGlobal(model);
        try
        {
            return _templates[template].Template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, Location(ex.Span.FileName ?? $"{_displayFolder}/{template}", ex.Span.Start),
                $"template error: {ex.OriginalMessage}");
            // A failed render leaves the context in an unknown state: start a fresh one.
            _contexts.Value = NewContext();
            return null;
        }
        finally
        {
            if (_contexts.Value == context) context.PopGlobal();
        }
    }

    /// <summary>What a template writes for a value: text as it is, a number in the invariant culture.</summary>
    private static string AsText(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static long ToNumber(object? value) => value switch
    {
        int i => i,
        long l => l,
        string s when long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        IConvertible c => c.ToInt64(System.Globalization.CultureInfo.InvariantCulture),
        _ => 0,
    };

    /// <summary>A template helper with a fixed number of arguments, called by Scriban without converting them.</summary>
    private sealed class Helper(int parameters, Func<ScriptArray, object> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => parameters;
        public int ParameterCount => parameters;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(string);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value" + index);

        public object? Invoke(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != parameters)
                throw new Scriban.Syntax.ScriptRuntimeException(callerContext?.Span ?? default, $"this helper takes {parameters} argument{(parameters == 1 ? "" : "s")}, not {arguments.Count}");
            return body(arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }

    private sealed class Loader(TemplateSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            set._templates.TryGetValue(templatePath, out var t)
                ? t.Text
                : throw new Scriban.Syntax.ScriptRuntimeException(callerSpan,
                    $"there is no template '{templatePath}' in {set._displayFolder}/ (the templates are: {string.Join(", ", set._templates.Keys)})");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new((string?)Load(context, callerSpan, templatePath));
    }
}

/// <summary>
/// Keeps the templates of the last build, parsed and warmed (their stencils, their contexts), for the next one:
/// <c>serve</c> rebuilds after every edit, and most edits leave the templates as they were.
/// </summary>
internal sealed class TemplateCache
{
    private (string Key, TemplateSet Set)? _last;

    public TemplateSet? Parse(Theme theme, DiagnosticBag diagnostics)
    {
        var key = string.Join("\0", theme.Templates.Select(t => t.Name + "\0" + t.DisplayPath + "\0" + t.Text));
        if (_last is { } last && last.Key == key) return last.Set;
        var set = TemplateSet.Parse(theme, diagnostics);
        _last = set is null ? null : (key, set);
        return set;
    }
}
