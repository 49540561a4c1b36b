namespace SiteGen.Rendering.Body;

/// <summary>
/// Markup laid over a range of a paragraph's plain text (a concept link, a highlighted
/// passage): <see cref="Open"/> and <see cref="Close"/> wrap every piece of the range, which is
/// split where it crosses formatting; <see cref="After"/> follows the range's last piece.
/// Decorations that start together nest longest-outside. <see cref="IsLink"/> marks a link, inside
/// which no <see cref="After"/> markup (itself a link) may be written: it waits until the link closes.
/// </summary>
internal sealed record Decoration(int Start, int End, string Open, string Close, string After = "", bool IsLink = false);
