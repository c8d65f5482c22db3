namespace TriggerLang.Evaluation;

/// <summary>Input data that does not fit the schema: names the field and the problem, for a 400 or a <c>FILE:LINE</c> message.</summary>
public sealed class TrigDataException(string field, string problem) : Exception($"`{field}`: {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
