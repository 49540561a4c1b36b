using System.CommandLine;

namespace SiteGen.Commands;

/// <summary><c>sitegen serve</c>: build, serve on localhost, rebuild on every change.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("serve", "Build the site, serve it on http://127.0.0.1:PORT and rebuild when content or templates change.");
        return command;
    }
}
