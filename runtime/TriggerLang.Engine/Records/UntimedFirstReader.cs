namespace TriggerLang.Engine.Records;

/// <summary>
/// Reads JSON Lines input for a simulation that is fed as it is read (<c>Simulator.Start</c>): the results of
/// <see cref="JsonLinesReader"/>, in the same order, except that every untimed user and follow record comes before
/// every timed record, as §8 wants (they apply from the start wherever they stand). Only the timed records read
/// before the file's last untimed one are held back for that; in the usual file, users and follows first, none.
/// Refused lines come in file order.
/// </summary>
public static class UntimedFirstReader
{
    /// <summary>A seekable file is scanned first for its last untimed record (<see cref="UntimedScan"/>); other streams are held whole.</summary>
    public static IEnumerable<ReadResult> Read(Stream input, string fileName, RecordParser parser)
    {
        var lastUntimed = int.MaxValue;
        if (input.CanSeek)
        {
            var start = input.Position;
            lastUntimed = UntimedScan.LastUntimedLine(input);
            input.Position = start;
        }
        return HoldTimedThrough(JsonLinesReader.Read(input, fileName, parser), lastUntimed);
    }

    /// <summary>Text (stdin) cannot be read twice: every timed record is held until the end.</summary>
    public static IEnumerable<ReadResult> Read(TextReader input, string fileName, RecordParser parser) =>
        HoldTimedThrough(JsonLinesReader.Read(input, fileName, parser), int.MaxValue);

    private static IEnumerable<ReadResult> HoldTimedThrough(IEnumerable<ReadResult> results, int lastUntimedLine)
    {
        var held = new List<ReadResult>();
        foreach (var result in results)
        {
            if (result.Line <= lastUntimedLine && result.Record?.Time is not null)
            {
                held.Add(result);
                continue;
            }
            if (result.Line > lastUntimedLine && held.Count > 0)
            {
                foreach (var timed in held)
                {
                    yield return timed;
                }
                held.Clear();
            }
            yield return result;
        }
        foreach (var timed in held)
        {
            yield return timed;
        }
    }
}
