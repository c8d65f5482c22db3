namespace TriggerLang.Plugins.Channels.Tests;

/// <summary>A fresh folder for one test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("trig-channels-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
