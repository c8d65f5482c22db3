using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TriggerLang.Plugins.Channels.Tests.Http;

/// <summary>A real HTTP server on 127.0.0.1 and a free port: records every request and answers as the test says.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();

    public LocalHttpServer()
    {
        Url = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, ending with <c>/</c>.</summary>
    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer to each request: status and body.</summary>
    public Func<RecordedRequest, (int Status, string Body)> Answer { get; set; } = _ => (200, "{}");

    /// <summary>How long the server waits before answering (to test timeouts).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>A port nobody listens on (bound by the system, then released): connections to it are refused.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // closed by Dispose
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers, body.ToArray());
        Requests.Enqueue(request);
        await Task.Delay(Delay);
        var (status, text) = Answer(request);
        context.Response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The client gave up (a timeout test).
        }
    }
}

internal sealed record RecordedRequest(string Method, string Path, NameValueCollection Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
