using System.Reflection;
using System.Security.Cryptography;
using McMaster.NETCore.Plugins;
using TriggerLang.Compiler.Plugins;

namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// Loads one plugin whose manifest is valid: its assembly from its own folder
/// into its own unloadable load context (sharing only the SDK with the host),
/// its <see cref="IChannelPlugin"/>, and its channels, which must match the
/// manifest. Every failure becomes a <see cref="PluginProblem"/>; nothing throws.
/// </summary>
internal static class PluginLoading
{
    public static (LoadedPlugin? Plugin, PluginProblem? Problem) Load(PluginManifest manifest, PluginHostOptions options)
    {
        var assemblyPath = manifest.AssemblyPath;
        if (!File.Exists(assemblyPath))
        {
            return Fail(manifest, $"its assembly `{manifest.Assembly}` is not in `{manifest.Directory}`; "
                + $"publish the plugin into that folder (`dotnet publish -o {manifest.Directory}`) or fix `assembly` in {manifest.ManifestPath}");
        }
        if (Directory.EnumerateFiles(manifest.Directory, "*.runtimeconfig.dev.json").Any())
        {
            // Such a file adds probing paths (the NuGet cache): the host loads a plugin from its own folder only.
            return Fail(manifest, $"its folder `{manifest.Directory}` has a *.runtimeconfig.dev.json, which would load assemblies from outside it; "
                + "remove it and publish the plugin with its dependencies into the folder");
        }
        var sha256 = Sha256(assemblyPath);
        options.Log($"plugin {manifest.Name} {manifest.Version}: loading {manifest.Assembly} (sha256 {sha256}) from {manifest.Directory}");
        PluginLoader? loader = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, sharedTypes: [typeof(IChannelPlugin)]);
            var assembly = loader.LoadDefaultAssembly();
            var entryPoints = assembly.GetExportedTypes().Where(t => typeof(IChannelPlugin).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
            if (entryPoints.Count != 1)
            {
                loader.Dispose();
                return Fail(manifest, entryPoints.Count == 0
                    ? $"`{manifest.Assembly}` has no public class implementing IChannelPlugin (from TriggerLang.Plugins.Sdk); add one"
                    : $"`{manifest.Assembly}` has {entryPoints.Count} classes implementing IChannelPlugin ({string.Join(", ", entryPoints.Select(t => t.FullName))}); keep one");
            }
            var plugin = (IChannelPlugin)Activator.CreateInstance(entryPoints[0])!;
            var context = new PluginContext(manifest.Name, manifest.Directory, options.Settings(manifest.Name), options.Environment, options.Log);
            var channels = plugin.CreateChannels(context) ?? [];
            if (Mismatch(manifest, channels) is { } mismatch)
            {
                loader.Dispose();
                return Fail(manifest, mismatch);
            }
            return (new LoadedPlugin(manifest, sha256, loader, channels), null);
        }
        catch (Exception e)
        {
            loader?.Dispose();
            return Fail(manifest, Explain(manifest, e is TargetInvocationException { InnerException: { } inner } ? inner : e));
        }
    }

    private static string Explain(PluginManifest manifest, Exception e) => e switch
    {
        PluginConfigurationException => $"it is not configured: {e.Message}",
        FileNotFoundException { FileName: { } missing } => $"it needs `{missing}`, which is not in `{manifest.Directory}`; "
            + "publish the plugin with its dependencies into its folder (`dotnet publish`), not just its own assembly",
        FileLoadException or BadImageFormatException => $"`{manifest.Assembly}` or one of its dependencies cannot be loaded ({e.Message}); "
            + "rebuild the plugin for .NET 10 against TriggerLang.Plugins.Sdk",
        ReflectionTypeLoadException or TypeLoadException or MissingMethodException => $"its code does not fit this host ({e.GetType().Name}: {e.Message}); "
            + $"rebuild it against TriggerLang.Plugins.Sdk version {PluginSdk.Version}",
        _ => $"it threw {e.GetType().Name} while starting: {e.Message}; fix the plugin or its settings (`Plugins:{manifest.Name}`)",
    };

    /// <summary>The channels must be exactly those of the manifest: the compiler type-checked the rules against the manifest.</summary>
    private static string? Mismatch(PluginManifest manifest, IReadOnlyList<IChannel> channels)
    {
        var declared = manifest.Channels.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var created = channels.Select(c => c?.Name ?? "(null)").Order(StringComparer.Ordinal).ToList();
        return declared.SequenceEqual(created)
            ? null
            : $"CreateChannels returned [{string.Join(", ", created)}] but its manifest declares [{string.Join(", ", declared)}]; "
              + "return one channel per manifest channel, with the same names, or fix the manifest";
    }

    private static (LoadedPlugin?, PluginProblem?) Fail(PluginManifest manifest, string why) =>
        (null, new PluginProblem(manifest.Name, $"plugin `{manifest.Name}` ({manifest.Directory}) was not loaded: {why}. Its channels "
            + $"({string.Join(", ", manifest.Channels.Select(c => c.Name))}) are unavailable until it is fixed and the plugins are reloaded"));

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
