using System.CommandLine;
using TriggerLang.LanguageServer;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig lsp</c>: the language server on stdin/stdout (LANGUAGE.md §9), for
/// editors. stdout carries only protocol messages; anything else goes to the
/// editor's log (window/logMessage) or stderr. Exits 0 after the editor's
/// <c>shutdown</c> and <c>exit</c>, 1 when the connection ends without them
/// (as LSP asks).
/// </summary>
internal static class LspCommand
{
    public static Command Create()
    {
        // Editors' LSP clients (vscode-languageclient among them) add --stdio for the stdio transport; it is the only one.
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin/stdout (the default and only transport)." };
        var command = new Command("lsp", "Run the language server on stdin/stdout, for editors.") { stdio };
        command.SetAction((_, cancellation) => RunAsync(cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellation)
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        using var server = TrigLanguageServer.Start(output, input);
        try
        {
            await server.Completion.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or StreamJsonRpc.ConnectionLostException)
        {
            // Ctrl+C or the editor went away: not a clean shutdown, which the exit code says.
        }
        return server.ShutdownRequested ? ExitCodes.Success : ExitCodes.Errors;
    }
}
