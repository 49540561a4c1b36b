namespace SiteGen.Diagnostics;

/// <summary>
/// Places where a test may stop a build dead, to check that a build killed at any moment leaves the old site or the
/// new one whole: with <c>SITEGEN_FAIL_POINT=name</c> (or <c>name:n</c>, the n-th time it is reached), the process
/// says <c>sitegen: at fail point name</c> on standard error there and waits to be killed. Without the variable,
/// each is a comparison with null.
/// </summary>
internal static class FailPoint
{
    private static readonly string? Wanted = Environment.GetEnvironmentVariable("SITEGEN_FAIL_POINT");
    private static int _reached;

    public static void Reached(string name)
    {
        if (Wanted is null) return;
        var colon = Wanted.IndexOf(':');
        var (point, count) = colon < 0 ? (Wanted, 1) : (Wanted[..colon], int.Parse(Wanted[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        if (point != name || Interlocked.Increment(ref _reached) != count) return;
        Console.Error.WriteLine($"sitegen: at fail point {Wanted}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
