using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace TriggerLang.Bench.Runtime;

/// <summary>A <c>trig run</c> process on a rules folder, and an HTTP client for it.</summary>
internal sealed class RuntimeProcess : IDisposable
{
    public const string ApiKey = "bench-key";

    private readonly Process _process;

    private RuntimeProcess(Process process, string baseUrl, string folder)
    {
        _process = process;
        BaseUrl = baseUrl;
        Folder = folder;
    }

    public string BaseUrl { get; }

    public string Folder { get; }

    public int Pid => _process.Id;

    /// <summary>Starts <c>dotnet TRIG.dll run FOLDER</c> (or TRIG itself when it is not a .dll); does not wait.</summary>
    public static RuntimeProcess Start(string trig, string folder, int port, IEnumerable<string> extra)
    {
        var start = new ProcessStartInfo(trig.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : trig)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // An empty working folder: the host watches its content root (the working folder, recursively) for
            // appsettings.json changes, and every write under it (the database's WAL, the outbox) would wake the watcher.
            WorkingDirectory = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(folder)!, "cwd")).FullName,
        };
        if (trig.EndsWith(".dll", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(trig);
        }
        foreach (var arg in (string[])["run", folder, "--db", Path.Combine(folder, "trig.db"), "--urls", $"http://127.0.0.1:{port}",
            // The rules watcher is off unless BENCH_WATCH=1: it sees every write under the rules folder (database, outbox).
            $"--Runtime:WatchRules={(Environment.GetEnvironmentVariable("BENCH_WATCH") == "1" ? "true" : "false")}",
            "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var arg in extra)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["TRIG_API_KEY"] = ApiKey;
        start.Environment["DOTNET_PerfMapEnabled"] = Environment.GetEnvironmentVariable("BENCH_PERFMAP") ?? "0";
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(folder, "trig.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { lock (log) { log.WriteLine(line); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { lock (log) { log.WriteLine(line); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RuntimeProcess(process, $"http://127.0.0.1:{port}", folder);
    }

    public static HttpClient Client(string baseUrl, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(5),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", ApiKey) },
        };

    /// <summary>Refuses to start when something already answers on the port (another runtime would be measured instead).</summary>
    public static async Task EnsurePortFreeAsync(int port)
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", port);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return;
        }
        throw new InvalidOperationException($"something already listens on port {port}: stop it or pass --port");
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; the time from <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(HttpClient client, long since, TimeSpan limit)
    {
        while (Stopwatch.GetElapsedTime(since) < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"trig run exited with {_process.ExitCode}; see {Path.Combine(Folder, "trig.log")}");
            }
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(since);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(5);
        }
        throw new TimeoutException("trig run did not become healthy");
    }

    /// <summary>Polls <c>/healthz</c> until it says <c>"ok"</c> (the state is loaded; before, <c>"loading"</c>); the time from <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitLoadedAsync(HttpClient client, long since, TimeSpan limit)
    {
        while (Stopwatch.GetElapsedTime(since) < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"trig run exited with {_process.ExitCode}; see {Path.Combine(Folder, "trig.log")}");
            }
            var body = await client.GetStringAsync("/healthz");
            if (body.Contains("\"ok\"", StringComparison.Ordinal))
            {
                return Stopwatch.GetElapsedTime(since);
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("trig run did not finish loading its state");
    }

    /// <summary>User + system CPU seconds of the runtime process so far (/proc/PID/stat).</summary>
    public double CpuSeconds() => ProcCpu(_process.Id);

    public static double ProcCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted from after the command name: indexes 11 and 12.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>SIGKILL: no graceful stop, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
