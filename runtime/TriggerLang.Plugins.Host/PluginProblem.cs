namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// A plugin that could not be loaded, and why: <see cref="Message"/> names the
/// plugin, says what went wrong and what to do. Its channels are unavailable;
/// the other plugins work.
/// </summary>
public sealed record PluginProblem(string Plugin, string Message)
{
    public override string ToString() => Message;
}
