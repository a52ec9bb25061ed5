using KotakBlazor.Cli;
using KotakBlazor.Core.Strategies;

return await CliApplication.RunAsync(args, Console.Out, Console.Error, BuiltInStrategies.All, CancellationToken.None);
