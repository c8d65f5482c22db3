using TriggerLang.Engine.Records;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>A record's source prints as the <c>FILE:LINE</c> string it replaced, and is equal to what prints the same.</summary>
public class RecordSourceTests
{
    [Fact]
    public void A_file_and_line_print_as_file_colon_line_and_a_name_alone_as_itself()
    {
        Assert.Equal("in.jsonl:3", new RecordSource("in.jsonl", 3).ToString());
        Assert.Equal("body", ((RecordSource)"body").ToString());
        Assert.Equal("", default(RecordSource).ToString());
    }

    [Fact]
    public void Sources_that_print_the_same_are_equal()
    {
        RecordSource converted = "in.jsonl:3";

        Assert.Equal(converted, new RecordSource("in.jsonl", 3));
        Assert.Equal(converted.GetHashCode(), new RecordSource("in.jsonl", 3).GetHashCode());
        Assert.NotEqual(new RecordSource("in.jsonl", 4), new RecordSource("in.jsonl", 3));
        Assert.NotEqual(new RecordSource("a.jsonl", 3), new RecordSource("in.jsonl", 3));
    }
}
