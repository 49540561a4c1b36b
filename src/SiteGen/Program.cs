using System.CommandLine;
using System.Globalization;
using SiteGen.Commands;

// Output must not depend on the machine's culture: numbers and dates are formatted invariantly.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

return await Cli.Run(args, Console.Out, Console.Error);
