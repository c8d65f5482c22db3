using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using TriggerLang.Runtime.Ingest;
using TriggerLang.Runtime.Processing;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Api;

/// <summary>The HTTP API (docs/runtime.md): input records in, outcomes and the "why" trace out, reload, health, metrics.</summary>
internal static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/events", (HttpRequest request, RuntimeServices runtime) => Ingest(request, runtime, "event"));
        app.MapPost("/v1/users", (HttpRequest request, RuntimeServices runtime) => Ingest(request, runtime, "user"));
        app.MapPost("/v1/follows", (HttpRequest request, RuntimeServices runtime) => Ingest(request, runtime, "follow"));
        app.MapPut("/v1/users/{id}/subscriptions", Subscriptions);
        app.MapGet("/v1/users/{id}/outcomes", Trace);
        app.MapGet("/v1/outcomes/export", Export);
        app.MapPost("/v1/admin/reload", Reload);
        // Serving from the start: while the state loads, input is accepted (into the durable inbox) and decided once it has loaded.
        app.MapGet("/healthz", (RuntimeServices runtime) => Results.Json(new { status = runtime.Loop.Loaded ? "ok" : "loading" }));
        app.MapGet("/metrics", async (HttpContext context, RuntimeMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
    }

    private static async Task<IResult> Ingest(HttpRequest request, RuntimeServices runtime, string type)
    {
        var started = Stopwatch.GetTimestamp();
        var (records, problem) = await RequestRecords.ReadAsync(request, type, runtime.Loop.Parser, runtime.Options.MaxBatch);
        if (problem is not null)
        {
            runtime.Metrics.Rejected(problem.Status);
            return problem.ToResult();
        }
        return await Accept(runtime, records!, started);
    }

    private static async Task<IResult> Accept(RuntimeServices runtime, IReadOnlyList<IncomingRecord> records, long started)
    {
        Accepted accepted;
        try
        {
            accepted = await runtime.Inbox.AcceptAsync(records);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or ObjectDisposedException)
        {
            runtime.Metrics.Rejected(StatusCodes.Status503ServiceUnavailable);
            return Results.Json(new { error = $"the records could not be stored ({e.Message}); nothing was accepted: retry later" },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        runtime.Metrics.Accepted(accepted.Stored, accepted.Duplicates, Stopwatch.GetElapsedTime(started));
        return Results.Json(new { accepted = accepted.Stored, duplicates = accepted.Duplicates }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>PUT /v1/users/{id}/subscriptions</c> with <c>{"subscriptions": {"email": false}, "categories": {"marketing": null}}</c>.</summary>
    private static async Task<IResult> Subscriptions(string id, HttpRequest request, RuntimeServices runtime)
    {
        var started = Stopwatch.GetTimestamp();
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return Problem.BadRequest($"the body is not valid JSON (line {e.LineNumber + 1}): send {{\"subscriptions\": {{\"email\": false}}}}", null, null).ToResult();
        }
        using (body)
        {
            // JsonProperty is a struct: FirstOrDefault would give a default one whose Name throws, so look with Any.
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || body.RootElement.EnumerateObject().Any(p => p.Name is not ("subscriptions" or "categories")))
            {
                return Problem.BadRequest("send an object with \"subscriptions\" and/or \"categories\", each mapping a name to true, false or null", null, null).ToResult();
            }
            var record = new Dictionary<string, object?> { ["type"] = "user", ["id"] = id };
            foreach (var part in body.RootElement.EnumerateObject())
            {
                record[part.Name] = part.Value;
            }
            var json = JsonSerializer.Serialize(record);
            using var typed = JsonDocument.Parse(json);
            var parser = runtime.Loop.Parser;
            TriggerLang.Engine.Records.InputRecord parsed;
            try
            {
                parsed = parser.Parse(typed.RootElement, "body");
            }
            catch (TriggerLang.Engine.Records.InputException e)
            {
                return Problem.BadRequest(e.Describe(), null, e.Field).ToResult();
            }
            return await Accept(runtime, [new IncomingRecord(json, null, parsed, parser)], started);
        }
    }

    private static async Task Trace(string id, HttpContext context, RuntimeServices runtime)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await UserTrace.WriteAsync(runtime.Store, id, context.Response.Body, context.RequestAborted);
    }

    private static async Task Export(HttpContext context, RuntimeServices runtime)
    {
        context.Response.ContentType = "application/x-ndjson; charset=utf-8";
        await OutcomeRows.ExportAsync(runtime.Store, context.Response.Body, context.RequestAborted);
    }

    private static async Task<IResult> Reload(RuntimeServices runtime)
    {
        var result = await runtime.Reloader.ReloadAsync(runtime.Loop);
        return result.Reloaded
            ? Results.Json(new { reloaded = true, warnings = result.Warnings.Select(d => d.ToString()) })
            : Results.Json(new
            {
                reloaded = false,
                error = "the rules have errors and were not loaded; the running rules are kept: fix them (`trig check`) and reload",
                diagnostics = result.Errors.Select(d => d.ToString()),
            }, statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
