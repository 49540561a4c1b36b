namespace SiteGen;

/// <summary>
/// How far a running build has got, for a progress display to read from another thread: the stage, and how
/// many of the texts' pages and of all files are done.
/// </summary>
internal sealed class BuildProgress
{
    private volatile string _stage = "loading the content";
    private int _texts, _textsDone, _files;

    public string Stage => _stage;
    /// <summary>How many texts the site has (0 until they are loaded).</summary>
    public int Texts => Volatile.Read(ref _texts);
    public int TextsDone => Volatile.Read(ref _textsDone);
    public int Files => Volatile.Read(ref _files);

    internal void Enter(string stage) => _stage = stage;
    internal void Loaded(int texts) => Volatile.Write(ref _texts, texts);
    internal void FileDone(bool textPage)
    {
        Interlocked.Increment(ref _files);
        if (textPage) Interlocked.Increment(ref _textsDone);
    }
}
