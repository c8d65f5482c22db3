using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TriggerLang.Engine.Records;
using TriggerLang.Runtime.Ingest;

namespace TriggerLang.Runtime.Api;

/// <summary>
/// A request body as input records of LANGUAGE.md §8: one JSON object or an array of them, each checked against the
/// compiled schema by the <see cref="RecordParser"/> the simulator uses. The first bad record refuses the whole
/// request (400, naming the record and the field): nothing of it is stored. <c>type</c> may be left out; the
/// endpoint says which type it takes.
/// </summary>
internal static class RequestRecords
{
    public static async Task<(IReadOnlyList<IncomingRecord>? Records, Problem? Problem)> ReadAsync(
        HttpRequest request, string type, RecordParser parser, int maxBatch)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, Problem.BadRequest($"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): send one {type} record or an array of them", null, null));
        }
        using (document)
        {
            var root = document.RootElement;
            var elements = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
            if (elements.Count == 0)
            {
                return (null, Problem.BadRequest($"the array is empty: send at least one {type} record", null, null));
            }
            if (elements.Count > maxBatch)
            {
                return (null, new Problem(StatusCodes.Status413PayloadTooLarge,
                    $"{elements.Count} records in one request; the limit is {maxBatch}: split the batch", null, null));
            }
            var records = new List<IncomingRecord>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var index = root.ValueKind == JsonValueKind.Array ? i : (int?)null;
                var (json, problem) = Typed(elements[i], type);
                if (problem is not null)
                {
                    return (null, Problem.BadRequest(problem, index, "type"));
                }
                try
                {
                    using var typed = json == null ? null : JsonDocument.Parse(json);
                    var record = parser.Parse(typed?.RootElement ?? elements[i], index is { } n ? $"record {n}" : "record");
                    records.Add(new IncomingRecord(json ?? elements[i].GetRawText(), record is EventInput e ? e.Event.Id : null, record, parser));
                }
                catch (InputException e)
                {
                    return (null, Problem.BadRequest(e.Describe(), index, e.Field));
                }
            }
            return (records, null);
        }
    }

    /// <summary>The record's text with <c>"type"</c> added when it was left out (null when it was there), or why it is refused.</summary>
    private static (string? Json, string? Problem) Typed(JsonElement element, string type)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }
        if (element.TryGetProperty("type", out var given))
        {
            return given.ValueKind == JsonValueKind.String && given.GetString() == type
                ? (null, null)
                : (null, $"`type`: this endpoint takes \"{type}\" records, not {given.GetRawText()}");
        }
        var raw = element.GetRawText();
        var rest = raw[1..].TrimStart();
        return ($"{{\"type\":\"{type}\"{(rest.StartsWith('}') ? "" : ",")}{rest}", null);
    }
}

/// <summary>A refused request: its status, the message, and the record (index in the array) and field at fault.</summary>
internal sealed record Problem(int Status, string Error, int? Index, string? Field)
{
    public static Problem BadRequest(string error, int? index, string? field) => new(StatusCodes.Status400BadRequest, error, index, field);

    public IResult ToResult() => Results.Json(new ProblemBody(Index is { } i ? $"record {i}: {Error}" : Error, Index, Field), statusCode: Status);

    private sealed record ProblemBody(string Error, int? Index, string? Field);
}
