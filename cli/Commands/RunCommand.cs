using System.CommandLine;
using Microsoft.Extensions.Hosting;
using TriggerLang.Compiler.Plugins;
using TriggerLang.Runtime;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig run DIR [--db FILE] [--plugins DIR] [--urls URL]</c>: the live runtime (docs/runtime.md). Runs until
/// Ctrl+C or SIGTERM. The options are shorthands for configuration keys (Runtime:Db, PluginHost:Folder, urls);
/// anything else is configured the usual .NET way (appsettings.json, environment variables, --Key=value).
/// Exit 0 after a clean stop, 1 when the rules cannot run or the runtime fails, 2 bad usage.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The rules project folder." };
        var db = new Option<string?>("--db") { Description = "The SQLite database file (default: trig.db in DIR)." };
        var plugins = new Option<string?>("--plugins")
        {
            Description = $"The channel plugins folder (default: ${ChannelCatalogLoader.EnvironmentVariable}, else the plugins that ship with trig: the outbox writes to DIR/outbox).",
            DefaultValueFactory = _ => ChannelCatalogLoader.FolderFromEnvironment(),
        };
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {RuntimeHost.DefaultUrl})." };
        var command = new Command("run", "Run the live runtime: HTTP ingest, durable state (SQLite), scheduled sends, delivery through plugins.")
        {
            directory, db, plugins, urls,
        };
        // Configuration keys (--Runtime:Explain=false…) pass through to the host.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellation) =>
        {
            var folder = parse.GetValue(directory)!;
            if (!Directory.Exists(folder))
            {
                console.Error.WriteLine($"trig: error: the rules folder `{folder}` does not exist");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var args = new List<string> { $"--Runtime:Rules={folder}" };
            Add(args, "Runtime:Db", parse.GetValue(db));
            Add(args, "PluginHost:Folder", parse.GetValue(plugins));
            Add(args, "urls", parse.GetValue(urls));
            args.AddRange(parse.UnmatchedTokens);
            return RunAsync(console, [.. args], cancellation);
        });
        return command;
    }

    private static void Add(List<string> args, string key, string? value)
    {
        if (value is not null)
        {
            args.Add($"--{key}={value}");
        }
    }

    private static async Task<int> RunAsync(CliConsole console, string[] args, CancellationToken cancellation)
    {
        try
        {
            await using var app = RuntimeHost.Build(args, Path.Combine(AppContext.BaseDirectory, "plugins"));
            await app.StartAsync(cancellation);
            // Ctrl+C or SIGTERM: stop taking requests, finish the pass and the calls under way, close the database.
            await app.WaitForShutdownAsync(cancellation);
            return ExitCodes.Success;
        }
        catch (RuntimeStartException e)
        {
            console.Error.WriteLine($"trig: error: {e.Message}");
            return ExitCodes.Errors;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Kestrel cannot listen (the port is taken), the database cannot be opened or written.
            console.Error.WriteLine($"trig: error: {e.Message}");
            return ExitCodes.Errors;
        }
    }
}
