using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace TriggerLang.Bench.Runtime;

internal static class Scenarios
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(30);

    private static async Task<(RuntimeProcess Trig, HttpClient Client)> StartAsync(Options options, string folder, int connections)
    {
        await RuntimeProcess.EnsurePortFreeAsync(options.Port);
        var started = Stopwatch.GetTimestamp();
        var trig = RuntimeProcess.Start(options.Trig, folder, options.Port, []);
        var client = RuntimeProcess.Client(trig.BaseUrl, connections);
        var ready = await trig.WaitHealthyAsync(client, started, TimeSpan.FromMinutes(2));
        Console.WriteLine($"  trig run pid {trig.Pid} healthy after {ready.TotalSeconds:0.00} s");
        return (trig, client);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Posts the batches over <paramref name="connections"/> concurrent loops; every reply must be 202.</summary>
    private static async Task PostAllAsync(HttpClient client, IReadOnlyList<byte[]> bodies, int connections)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var response = await client.PostAsync("/v1/events", Json(bodies[i]));
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"POST /v1/events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
    }

    private static void Cpu(string what, RuntimeProcess trig, double trigCpu0, double ownCpu0, TimeSpan wall)
    {
        var trigCpu = trig.CpuSeconds() - trigCpu0;
        var own = Report.OwnCpu() - ownCpu0;
        Console.WriteLine(FormattableString.Invariant(
            $"  {what}: wall {wall.TotalSeconds:0.00} s; CPU trig {trigCpu:0.00} s ({trigCpu / wall.TotalSeconds * 100:0}% of one core), load generator {own:0.00} s; RSS {trig.RssBytes() / (1 << 20)} MB; {Report.Load()}"));
    }

    /// <summary>(a) Batched ingest: <c>noop</c> events (no rule listens), arrays of --batch over --connections.</summary>
    public static async Task IngestAsync(Options options, string folder)
    {
        Console.WriteLine($"== ingest: {options.Events} events, batches of {options.Batch}, {options.Connections} connections");
        var bodies = Enumerable.Range(0, options.Events / options.Batch)
            .Select(_ => RulesProject.Batch("i", "noop", options.Batch, 100_000, () => DateTimeOffset.UtcNow)).ToList();
        var warm = Enumerable.Range(0, 20).Select(_ => RulesProject.Batch("w", "noop", options.Batch, 100_000, () => DateTimeOffset.UtcNow)).ToList();
        var (trig, client) = await StartAsync(options, folder, options.Connections);
        using (trig)
        using (client)
        {
            await PostAllAsync(client, warm, options.Connections);
            var processed0 = await Metrics.GetAsync(client, "trig_records_processed_total");
            Console.WriteLine($"  warm-up: {warm.Count * options.Batch} events; {Report.Load()}");
            var cpu0 = trig.CpuSeconds();
            var own0 = Report.OwnCpu();
            var start = Stopwatch.GetTimestamp();
            await PostAllAsync(client, bodies, options.Connections);
            var wall = Stopwatch.GetElapsedTime(start);
            var total = bodies.Count * options.Batch;
            Console.WriteLine(FormattableString.Invariant($"  ingest: {total} events in {wall.TotalSeconds:0.00} s = {total / wall.TotalSeconds:0} events/s (durable, 202)"));
            Cpu("ingest", trig, cpu0, own0, wall);
            var drained = await Metrics.WaitAsync(client, "trig_records_processed_total", processed0 + total, start, Long);
            Console.WriteLine(FormattableString.Invariant(
                $"  decision loop processed them all {drained.TotalSeconds:0.00} s after the start = {total / drained.TotalSeconds:0} events/s end to end"));
            Cpu("ingest + processing", trig, cpu0, own0, drained);
        }
    }

    /// <summary>(b) Single-event POSTs: open loop at --rate for --seconds (latency), then closed loop (throughput).</summary>
    public static async Task SingleAsync(Options options, string folder)
    {
        var count = options.Rate * options.Seconds;
        Console.WriteLine($"== single: open loop {options.Rate}/s for {options.Seconds} s ({count} requests), then closed loop {options.SingleEvents} over {options.Connections * 4} connections");
        var bodies = Enumerable.Range(0, count + options.SingleEvents + 2000)
            .Select(i => Encoding.UTF8.GetBytes(RulesProject.Event("s", "noop", $"u{i % 100_000}", DateTimeOffset.UtcNow, i))).ToArray();
        var (trig, client) = await StartAsync(options, folder, 512);
        using (trig)
        using (client)
        {
            var offset = 0;
            // Warm-up: 2,000 requests, 8 at a time.
            await ClosedLoopAsync(client, bodies, offset, 2000, 8);
            offset += 2000;
            Console.WriteLine($"  warm-up done; {Report.Load()}");

            var fromSchedule = new double[count];
            var fromSend = new double[count];
            var failures = 0;
            var cpu0 = trig.CpuSeconds();
            var own0 = Report.OwnCpu();
            var start = Stopwatch.GetTimestamp();
            var ticksPerRequest = (double)Stopwatch.Frequency / options.Rate;
            var inFlight = new List<Task>(count);
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                // Paced by a 1 ms sleep, no spinning (the load generator shares the 2 cores): a request leaves within
                // about a millisecond of its instant, and its latency counts from the instant.
                while (Stopwatch.GetTimestamp() < due)
                {
                    await Task.Delay(1);
                }
                var index = i;
                var body = bodies[offset + i];
                inFlight.Add(Task.Run(async () =>
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync("/v1/events", Json(body));
                    var end = Stopwatch.GetTimestamp();
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    fromSchedule[index] = (end - due) * 1000.0 / Stopwatch.Frequency;
                    fromSend[index] = (end - sent) * 1000.0 / Stopwatch.Frequency;
                }));
            }
            await Task.WhenAll(inFlight);
            var wall = Stopwatch.GetElapsedTime(start);
            offset += count;
            var schedule = fromSchedule.Order().ToList();
            var send = fromSend.Order().ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"  open loop {options.Rate}/s: {count} requests in {wall.TotalSeconds:0.00} s, {failures} not 202; latency from the scheduled instant (ms): p50 {Report.Ms(Report.Percentile(schedule, 50))} p90 {Report.Ms(Report.Percentile(schedule, 90))} p99 {Report.Ms(Report.Percentile(schedule, 99))} p99.9 {Report.Ms(Report.Percentile(schedule, 99.9))} max {Report.Ms(schedule[^1])}"));
            Console.WriteLine(FormattableString.Invariant(
                $"  (from the actual send: p50 {Report.Ms(Report.Percentile(send, 50))} p99 {Report.Ms(Report.Percentile(send, 99))} max {Report.Ms(send[^1])})"));
            Cpu("open loop", trig, cpu0, own0, wall);

            cpu0 = trig.CpuSeconds();
            own0 = Report.OwnCpu();
            start = Stopwatch.GetTimestamp();
            var latencies = await ClosedLoopAsync(client, bodies, offset, options.SingleEvents, options.Connections * 4);
            wall = Stopwatch.GetElapsedTime(start);
            latencies.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"  closed loop, {options.Connections * 4} connections: {options.SingleEvents} single-event POSTs in {wall.TotalSeconds:0.00} s = {options.SingleEvents / wall.TotalSeconds:0}/s; latency p50 {Report.Ms(Report.Percentile(latencies, 50))} p99 {Report.Ms(Report.Percentile(latencies, 99))} ms"));
            Cpu("closed loop", trig, cpu0, own0, wall);
        }
    }

    private static async Task<List<double>> ClosedLoopAsync(HttpClient client, byte[][] bodies, int offset, int count, int connections)
    {
        var next = -1;
        var latencies = new double[count];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/v1/events", Json(bodies[offset + i]));
                latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"POST: {(int)response.StatusCode}");
                }
            }
        })));
        return [.. latencies];
    }

    /// <summary>(c) Due sends: --due <c>ping</c> events dated an hour before an instant --lead seconds ahead, so that all their sends come due at once.</summary>
    public static async Task DueAsync(Options options, string folder)
    {
        Console.WriteLine($"== due: {options.Due} sends due at the same instant");
        var (trig, client) = await StartAsync(options, folder, options.Connections);
        using (trig)
        using (client)
        {
            var dueAt = DateTimeOffset.UtcNow.AddSeconds(options.Lead);
            dueAt = new DateTimeOffset(dueAt.Ticks - dueAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            var bodies = Enumerable.Range(0, options.Due / options.Batch)
                .Select(_ => RulesProject.Batch("d", "ping", options.Batch, 10_000, () => dueAt.AddHours(-1))).ToList();
            var total = bodies.Count * options.Batch;
            var start = Stopwatch.GetTimestamp();
            await PostAllAsync(client, bodies, options.Connections);
            var loaded = await Metrics.WaitAsync(client, "trig_records_processed_total", total, start, Long);
            Console.WriteLine(FormattableString.Invariant(
                $"  {total} events ingested and processed (pending sends made) in {loaded.TotalSeconds:0.00} s = {total / loaded.TotalSeconds:0}/s; {Report.Load()}"));
            var left = dueAt - DateTimeOffset.UtcNow;
            if (left < TimeSpan.FromSeconds(1))
            {
                Console.WriteLine($"  WARNING: the sends came due before the load finished ({left.TotalSeconds:0.0} s); raise --lead");
            }
            else
            {
                await Task.Delay(left - TimeSpan.FromMilliseconds(500));
            }
            var cpu0 = trig.CpuSeconds();
            var own0 = Report.OwnCpu();
            var outbox = Path.Combine(folder, "outbox", "in_app.jsonl");
            var dueStamp = Stopwatch.GetTimestamp() + (long)((dueAt - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
            double? firstFired = null, allFired = null, allDelivered = null, allLines = null, allRecorded = null;
            long lines = 0, read = 0;
            var buffer = new byte[1 << 20];
            while (allLines is null || allDelivered is null || allRecorded is null)
            {
                var metrics = await Metrics.ReadAsync(client);
                var now = (Stopwatch.GetTimestamp() - dueStamp) / (double)Stopwatch.Frequency;
                var fired = metrics.GetValueOrDefault("trig_sends_fired_total");
                if (fired > 0)
                {
                    firstFired ??= now;
                }
                if (fired >= total)
                {
                    allFired ??= now;
                }
                if (metrics.GetValueOrDefault("trig_deliveries_total") >= total)
                {
                    allDelivered ??= now;
                }
                // The sent outcomes committed to the outcomes table (after the channel's answer).
                if (metrics.GetValueOrDefault("trig_outcomes_total") >= total)
                {
                    allRecorded ??= now;
                }
                if (File.Exists(outbox))
                {
                    using var file = new FileStream(outbox, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    file.Position = read;
                    int n;
                    while ((n = file.Read(buffer)) > 0)
                    {
                        lines += buffer.AsSpan(0, n).Count((byte)'\n');
                        read += n;
                    }
                }
                if (lines >= total)
                {
                    allLines ??= now;
                }
                if (now > Long.TotalSeconds)
                {
                    throw new TimeoutException($"due sends: {fired} fired, {lines} outbox lines");
                }
                await Task.Delay(10);
            }
            var end = Math.Max(allRecorded!.Value, Math.Max(allLines.Value, allDelivered.Value));
            var wall = TimeSpan.FromSeconds(end + 0.5);
            Console.WriteLine(FormattableString.Invariant(
                $"  after the due instant: first fired {firstFired:0.000} s, all {total} fired (decided, committed) {allFired:0.000} s, all in the outbox file {allLines:0.000} s, all delivered (trig_deliveries_total) {allDelivered:0.000} s, all sent outcomes committed {allRecorded:0.000} s"));
            Console.WriteLine(FormattableString.Invariant(
                $"  due sends/s: {total / (end - firstFired!.Value):0} from the first fire to the last sent outcome committed; {total / end:0} from the due instant"));
            Cpu("due sends (from 0.5 s before the due instant)", trig, cpu0, own0, wall);
            // For attaching a profiler: keep the process alive a while (environment variable, seconds).
            if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_HOLD"), out var hold))
            {
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }
        }
    }

    /// <summary>(d) Restart with --pending pending sends: load them through the API, SIGKILL, start again, time to healthy and to a 202.</summary>
    public static async Task RestartAsync(Options options, string folder)
    {
        Console.WriteLine($"== restart: {options.Pending} pending sends");
        var (trig, client) = await StartAsync(options, folder, options.Connections);
        var total = 0;
        using (trig)
        using (client)
        {
            var start = Stopwatch.GetTimestamp();
            var cpu0 = trig.CpuSeconds();
            var own0 = Report.OwnCpu();
            for (var done = 0; done < options.Pending; done += 100_000)
            {
                var bodies = Enumerable.Range(0, Math.Min(100_000, options.Pending - done) / options.Batch)
                    .Select(_ => RulesProject.Batch("p", "later", options.Batch, 200_000, () => DateTimeOffset.UtcNow)).ToList();
                await PostAllAsync(client, bodies, options.Connections);
                total += bodies.Count * options.Batch;
            }
            var accepted = Stopwatch.GetElapsedTime(start);
            var loaded = await Metrics.WaitAsync(client, "trig_records_processed_total", total, start, Long, 500);
            Console.WriteLine(FormattableString.Invariant(
                $"  {total} events accepted in {accepted.TotalSeconds:0.0} s, processed into pending sends in {loaded.TotalSeconds:0.0} s = {total / loaded.TotalSeconds:0}/s"));
            Cpu("load", trig, cpu0, own0, loaded);
            trig.Kill();
        }
        Console.WriteLine(FormattableString.Invariant(
            $"  killed (SIGKILL); database {new FileInfo(Path.Combine(folder, "trig.db")).Length / (1 << 20)} MB + WAL {(File.Exists(Path.Combine(folder, "trig.db-wal")) ? new FileInfo(Path.Combine(folder, "trig.db-wal")).Length / (1 << 20) : 0)} MB; {Report.Load()}"));
        for (var run = 1; run <= 2; run++)
        {
            await RuntimeProcess.EnsurePortFreeAsync(options.Port);
            var started = Stopwatch.GetTimestamp();
            using var again = RuntimeProcess.Start(options.Trig, folder, options.Port, []);
            using var client2 = RuntimeProcess.Client(again.BaseUrl, 2);
            var healthy = await again.WaitHealthyAsync(client2, started, TimeSpan.FromMinutes(5));
            var body = Encoding.UTF8.GetBytes(RulesProject.Event("r", "noop", "u1", DateTimeOffset.UtcNow, 1));
            using var response = await client2.PostAsync("/v1/events", Json(body));
            var posted = Stopwatch.GetElapsedTime(started);
            // Serving comes first; the state loads in the background ("loading", then "ok": decisions resume).
            var loaded = await again.WaitLoadedAsync(client2, started, TimeSpan.FromMinutes(5));
            Console.WriteLine(FormattableString.Invariant(
                $"  restart {run}: /healthz 200 after {healthy.TotalSeconds:0.00} s, POST {(int)response.StatusCode} after {posted.TotalSeconds:0.00} s, state loaded (\"ok\") after {loaded.TotalSeconds:0.00} s; CPU trig {again.CpuSeconds():0.00} s; RSS {again.RssBytes() / (1 << 20)} MB; {Report.Load()}"));
            again.Kill();
        }
    }
}
