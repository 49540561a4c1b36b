using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Templates;

/// <summary>
/// Makes the partials that a page uses thousands of times (a paragraph, a heading, a line of a concept's
/// mentions) cheap, without moving their markup out of the templates. A partial is rendered by Scriban once per
/// <em>shape</em> of its view (its booleans, which strings are null, how long its lists are), with every string
/// replaced by a placeholder; the output, cut at the placeholders, is a stencil of fixed markup and holes, each
/// hole remembering whether the template wrote its value as it is, through <c>html.escape</c> or through
/// <c>html.text</c>. Each later use of the same shape only fills the holes. The first use of each stencil is
/// rendered by Scriban too and compared: a template that does anything else with a value (computes with it,
/// compares it) is left to Scriban for that shape. Only positional records of strings, booleans, numbers (taken as
/// shape), lists and such records are stencilled; any other view goes to Scriban.
/// </summary>
/// <param name="on">Off, every partial goes to Scriban (for the test that stencils change no page).</param>
internal sealed class Stencils(bool on = true)
{
    private const char Open = '\u0002', Close = '\u0003';

    /// <summary>Hole <paramref name="n"/>'s placeholder: '&amp;' shows escaping, '中' the marking of Chinese.</summary>
    private static string Placeholder(int n) => $"{Open}{n}&中{Close}";

    private enum Write { AsIs, Escaped, Text }

    private sealed record Stencil(string[] Literals, (int Value, Write How)[] Holes)
    {
        public void Fill(StringBuilder html, List<string?> values)
        {
            for (var i = 0; i < Holes.Length; i++)
            {
                html.Append(Literals[i]);
                var value = values[Holes[i].Value] ?? "";
                switch (Holes[i].How)
                {
                    case Write.AsIs: html.Append(value); break;
                    case Write.Escaped: html.Append(Html.EscapeAttribute(value)); break;
                    default: html.Append(Html.MarkChinese(Html.EscapeAttribute(value))); break;
                }
            }
            html.Append(Literals[^1]);
        }
    }

    /// <summary>A stencil, or the decision that this shape goes to Scriban (null).</summary>
    private readonly ConcurrentDictionary<string, Stencil?> _byShape = new(StringComparer.Ordinal);
    private int _leftToScriban;

    /// <summary>How many shapes the templates did not allow to be stencilled (zero with the edition's templates).</summary>
    public int LeftToScriban => _leftToScriban;

    [ThreadStatic] private static Walk? t_walk;

    /// <summary>
    /// Renders <paramref name="template"/> for <paramref name="view"/>; <paramref name="scriban"/> renders a view of the
    /// template through Scriban (null when it reported an error).
    /// </summary>
    public string? Render(string template, object view, Func<object, string?> scriban)
    {
        if (!on) return scriban(view);
        var walk = t_walk ??= new Walk();
        walk.Reset(template);
        if (!walk.Visit(view)) return scriban(view);
        var key = walk.Key.ToString();
        if (!_byShape.TryGetValue(key, out var stencil))
        {
            // The first use of a shape makes its stencil, checked against Scriban's own output.
            var expected = scriban(view);
            stencil = Make(view, walk.Values, scriban);
            if (stencil is not null && expected is not null)
            {
                var html = new StringBuilder();
                stencil.Fill(html, walk.Values);
                if (html.ToString() != expected) stencil = null;
            }
            if (_byShape.TryAdd(key, stencil) && stencil is null) Interlocked.Increment(ref _leftToScriban);
            return expected;
        }
        if (stencil is null) return scriban(view);
        var result = walk.Output.Clear();
        stencil.Fill(result, walk.Values);
        return result.ToString();
    }

    /// <summary>Renders the placeholder view through Scriban and cuts the output at the placeholders.</summary>
    private static Stencil? Make(object view, List<string?> values, Func<object, string?> scriban)
    {
        var counter = 0;
        var placeholderView = Substitute(view, ref counter);
        if (placeholderView is null || scriban(placeholderView) is not { } html) return null;
        var literals = new List<string>();
        var holes = new List<(int, Write)>();
        var at = 0;
        while (true)
        {
            var open = html.IndexOf(Open, at);
            if (open < 0) break;
            var close = html.IndexOf(Close, open);
            if (close < 0) return null;
            var inside = html.AsSpan(open + 1, close - open - 1);
            var digits = 0;
            while (digits < inside.Length && char.IsAsciiDigit(inside[digits])) digits++;
            if (digits == 0 || !int.TryParse(inside[..digits], out var n) || n >= values.Count) return null;
            Write? how = inside[digits..] switch
            {
                "&中" => Write.AsIs,
                "&amp;中" => Write.Escaped,
                "&amp;<span lang=\"zh\">中</span>" => Write.Text,
                _ => null,
            };
            if (how is null) return null;
            literals.Add(html[at..open]);
            holes.Add((n, how.Value));
            at = close + 1;
        }
        literals.Add(html[at..]);
        return new Stencil([.. literals], [.. holes]);
    }

    /// <summary>A copy of <paramref name="value"/> with every string replaced by its hole's placeholder, in the order <see cref="Walk"/> reads them.</summary>
    private static object? Substitute(object? value, ref int counter)
    {
        switch (value)
        {
            case null: return null;
            case string: return Placeholder(counter++);
            case bool or int or long or char or Enum: return value;
            case System.Collections.IList list:
            {
                var type = Shape.Of(value.GetType());
                if (type.Element is null) return null;
                var copy = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.Element))!;
                foreach (var item in list)
                {
                    var element = Substitute(item, ref counter);
                    if (element is null && item is not null) return null;
                    copy.Add(element);
                }
                return copy;
            }
            default:
            {
                var shape = Shape.Of(value.GetType());
                if (shape.Constructor is null) return null;
                var arguments = new object?[shape.Properties.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    var field = shape.Properties[i].GetValue(value);
                    arguments[i] = Substitute(field, ref counter);
                    if (arguments[i] is null && field is not null) return null;
                }
                try { return shape.Constructor.Invoke(arguments); }
                // A parameter that takes no list of placeholders (an immutable array), or a constructor that checks its values.
                catch (Exception ex) when (ex is ArgumentException or TargetInvocationException) { return null; }
            }
        }
    }

    /// <summary>Reads a view: its shape as a key, and its strings in order.</summary>
    private sealed class Walk
    {
        public readonly StringBuilder Key = new();
        public readonly List<string?> Values = [];
        public readonly StringBuilder Output = new();

        public void Reset(string template)
        {
            Key.Clear().Append(template).Append('|');
            Values.Clear();
        }

        /// <summary>False when the view is not a kind that can be stencilled.</summary>
        public bool Visit(object? value)
        {
            switch (value)
            {
                case null: Key.Append('n'); return true;
                case string s: Key.Append('s'); Values.Add(s); return true;
                case bool b: Key.Append(b ? 'T' : 'F'); return true;
                case int or long or char or Enum: Key.Append('#').Append(value).Append(';'); return true;
                case System.Collections.IList list:
                    Key.Append('[').Append(list.Count).Append(':');
                    foreach (var item in list) if (!Visit(item)) return false;
                    Key.Append(']');
                    return true;
                default:
                    var shape = Shape.Of(value.GetType());
                    if (shape.Constructor is null) return false;
                    Key.Append('{');
                    foreach (var property in shape.Getters) if (!Visit(property(value))) return false;
                    Key.Append('}');
                    return true;
            }
        }
    }

    /// <summary>How a type is read: a positional record's properties and its constructor, or a list's element type.</summary>
    private sealed record Shape(ConstructorInfo? Constructor, PropertyInfo[] Properties, Func<object, object?>[] Getters, Type? Element)
    {
        private static readonly ConcurrentDictionary<Type, Shape> Known = new();

        public static Shape Of(Type type) => Known.GetOrAdd(type, static t =>
        {
            if (t.IsGenericType && typeof(System.Collections.IList).IsAssignableFrom(t) && t.GetGenericArguments() is [var element])
                return new Shape(null, [], [], element);
            if (t.IsArray) return new Shape(null, [], [], t.GetElementType());
            // A positional record: one public constructor whose parameters are its properties, in order.
            var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();
            var constructor = t.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == properties.Length);
            if (constructor is null || t.Namespace != typeof(SiteView).Namespace) return new Shape(null, [], [], null);
            var parameters = constructor.GetParameters();
            var ordered = new PropertyInfo[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var match = properties.FirstOrDefault(p => p.Name == parameters[i].Name && p.PropertyType == parameters[i].ParameterType);
                if (match is null) return new Shape(null, [], [], null);
                ordered[i] = match;
            }
            return new Shape(constructor, ordered, [.. ordered.Select(p => (Func<object, object?>)p.GetValue)], null);
        });
    }
}
