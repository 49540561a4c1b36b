using System.Globalization;

namespace SiteGen.Rendering;

/// <summary>Dates as readers see them, the same on every machine whatever its culture.</summary>
internal static class Dates
{
    public static string Display(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    /// <summary>A date the editors gave, or "not known"; null when they gave none.</summary>
    public static DateView? View(Model.EditorialDate? date) => date switch
    {
        null => null,
        { Value: { } d } => new DateView(Iso(d), Display(d)),
        _ => new DateView(null, Model.EditorialDate.NotKnownWords),
    };
}
