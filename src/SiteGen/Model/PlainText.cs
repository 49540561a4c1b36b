using System.Text;

namespace SiteGen.Model;

/// <summary>The words of inline content with formatting removed, as offsets into it are counted.</summary>
internal static class PlainText
{
    public static string Of(IReadOnlyList<Inline> content)
    {
        var builder = new StringBuilder();
        Append(builder, content);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, IReadOnlyList<Inline> content)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case Words w: builder.Append(w.Value); break;
                case Code c: builder.Append(c.Value); break;
                case Break: builder.Append(' '); break;
                case Emphasis e: Append(builder, e.Children); break;
                case Link l: Append(builder, l.Children); break;
            }
        }
    }
}
