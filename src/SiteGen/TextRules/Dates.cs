using System.Globalization;

namespace SiteGen.TextRules;

/// <summary>Dates as readers see them, the same on every machine whatever its culture.</summary>
internal static class Dates
{
    public static string Display(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
