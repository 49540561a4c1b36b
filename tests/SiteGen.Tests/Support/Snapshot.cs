using System.Runtime.CompilerServices;

namespace SiteGen.Tests.Support;

/// <summary>
/// Snapshot tests with Verify's file layout: <c>{Class}.{Method}.verified.{ext}</c> beside the test
/// source, compared byte for byte. On a difference, or when no verified file exists, the actual
/// output is written to <c>.received.{ext}</c> and the test fails: review it, then rename it. A
/// missing snapshot is never accepted silently. Set SNAPSHOT_ACCEPT=1 (never in CI) to accept all
/// received files at once. The layout makes a later switch to Verify.Xunit a rename-free change.
/// </summary>
public static class Snapshot
{
    public static void Verify(string actual, string extension = "html",
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var folder = Path.GetDirectoryName(sourceFile)!;
        var type = Path.GetFileNameWithoutExtension(sourceFile);
        var verified = Path.Combine(folder, $"{type}.{method}.verified.{extension}");
        var received = Path.Combine(folder, $"{type}.{method}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");

        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var accept = Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        if (accept)
        {
            File.WriteAllText(verified, actual);
            return;
        }
        File.WriteAllText(received, actual);
        if (!File.Exists(verified))
            Assert.Fail($"No verified snapshot for {type}.{method}. Review {received} and rename it to .verified.{extension}.");
        Assert.Fail($"Snapshot {type}.{method} differs: compare {received} with {verified}.\n{FirstDifference(File.ReadAllText(verified), actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"first difference at line {i + 1}:\n- {el}\n+ {al}";
        }
        return "";
    }
}
