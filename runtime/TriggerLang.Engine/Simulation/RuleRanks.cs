namespace TriggerLang.Engine.Simulation;

/// <summary>
/// Each rule name's place in the ordinal order of all the project's rule names, so that outcomes can be sorted by rule
/// (§8) by comparing two numbers instead of two names. The names an outcome carries are the rules' own strings, so the
/// last one asked is remembered by reference: the outcomes of one step mostly share their rule.
/// </summary>
internal sealed class RuleRanks
{
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
    private string? _last;
    private int _lastRank;

    /// <param name="bits">The ranks must fit in this many bits (the caller packs them); a project has far fewer rules.</param>
    public RuleRanks(IEnumerable<string> names, int bits)
    {
        var sorted = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length >= 1 << bits)
        {
            throw new ArgumentException($"{sorted.Length} rules: outcomes are sorted by a rule's rank in {bits} bits", nameof(names));
        }
        for (var i = 0; i < sorted.Length; i++)
        {
            _ranks.Add(sorted[i], i);
        }
    }

    /// <summary>The rank of a project's rule name.</summary>
    /// <exception cref="KeyNotFoundException">A name that is no rule of the project.</exception>
    public int Of(string rule)
    {
        if (!ReferenceEquals(rule, _last))
        {
            _lastRank = _ranks[rule];
            _last = rule;
        }
        return _lastRank;
    }
}
