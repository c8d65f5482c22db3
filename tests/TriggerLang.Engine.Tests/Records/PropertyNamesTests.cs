using System.Text;
using System.Text.Json;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>The fast path's field lookup: by bytes, unknown properties skipped, anything it cannot tell declined.</summary>
public class PropertyNamesTests
{
    private static readonly PropertyNames Names = new(["total", "café"]);

    [Fact]
    public void Fields_are_found_by_their_utf8_names_and_unknown_properties_with_their_values_are_skipped() =>
        Assert.Equal([1, 0, PropertyNames.End], Indexes("""{"x":{"total":[1]},"café":"c","Total":2,"total":3}"""));

    [Fact]
    public void An_escaped_name_or_a_repeated_field_is_declined()
    {
        Assert.Equal([PropertyNames.Decline], Indexes("""{"tot\u0061l":1}"""));
        Assert.Equal([0, PropertyNames.Decline], Indexes("""{"total":1,"total":2}"""));
    }

    [Fact]
    public void An_event_with_more_fields_than_the_seen_set_holds_is_declined()
    {
        var many = new PropertyNames([.. Enumerable.Range(0, 65).Select(i => $"f{i}")]);
        var reader = Reader("""{"f0":1}""");
        long seen = 0;
        Assert.Equal(PropertyNames.Decline, many.Next(ref reader, ref seen));
    }

    /// <summary>What <see cref="PropertyNames.Next"/> gives until the end or a decline (the values are not read, only stepped onto).</summary>
    private static List<int> Indexes(string json)
    {
        var reader = Reader(json);
        long seen = 0;
        var indexes = new List<int>();
        int index;
        do
        {
            index = Names.Next(ref reader, ref seen);
            indexes.Add(index);
            if (index >= 0)
            {
                reader.Skip();
            }
        }
        while (index >= 0);
        return indexes;
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
