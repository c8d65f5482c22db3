namespace TriggerLang.Bench.Generation;

/// <summary>Small helpers over a seeded <see cref="Random"/> (deterministic for a given seed).</summary>
internal static class RandomExtensions
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;
}
