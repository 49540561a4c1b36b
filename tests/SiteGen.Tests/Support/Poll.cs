namespace SiteGen.Tests.Support;

/// <summary>
/// Waiting on a condition, never on time: the condition is tried until it holds or a deadline passes (then the
/// test fails, saying what it waited for). The one place in the tests that sleeps, briefly, between tries.
/// </summary>
public static class Poll
{
    public static async Task<T> Until<T>(Func<Task<T?>> attempt, string waitingFor, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await attempt() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up waiting for {waitingFor}");
            await Task.Delay(20); // a pause between tries, within the deadline
        }
    }

    public static Task Until(Func<bool> condition, string waitingFor, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition() ? "" : null), waitingFor, timeout);
}

/// <summary>A writer that several threads may write lines to, and a test read at any time.</summary>
public sealed class SharedWriter : StringWriter
{
    private readonly Lock _gate = new();
    public override void Write(char value) { lock (_gate) base.Write(value); }
    public override void Write(string? value) { lock (_gate) base.Write(value); }
    public override void WriteLine(string? value) { lock (_gate) base.WriteLine(value); }
    public override string ToString() { lock (_gate) return base.ToString(); }
}
