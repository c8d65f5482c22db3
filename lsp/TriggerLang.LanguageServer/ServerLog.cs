using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer;

/// <summary>
/// The server's log: <c>window/logMessage</c> to the editor (its output
/// panel), which is where an internal error goes instead of crashing the server.
/// </summary>
public sealed class ServerLog(JsonRpc rpc)
{
    public void Info(string message) => Send(MessageType.Info, message);

    public void Warning(string message) => Send(MessageType.Warning, message);

    public void Error(string doing, Exception e) => Send(MessageType.Error, $"trig lsp: internal error while {doing}: {e}");

    private void Send(int type, string message)
    {
        _ = SendAsync(new LogMessageParams(type, message));
    }

    private async Task SendAsync(LogMessageParams message)
    {
        try
        {
            await rpc.NotifyWithParameterObjectAsync("window/logMessage", message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException)
        {
            // The editor is gone; stderr is the last place to tell.
            await Console.Error.WriteLineAsync(message.Message).ConfigureAwait(false);
        }
    }
}
