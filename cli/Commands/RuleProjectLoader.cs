using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Packs;
using TriggerLang.Engine;
using TriggerLang.Engine.Rendering;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// Compiles a project and loads its rule pack (from the pack cache when the
/// sources are unchanged), for the commands that run rules: <c>simulate</c>
/// and <c>test</c>. Diagnostics are written to <paramref name="diagnostics"/>;
/// on failure the exit code says why (1 errors in the rules, 2 unreadable input).
/// </summary>
internal static class RuleProjectLoader
{
    public static (RuleProject? Project, int ExitCode) Load(string directory, ChannelCatalog channels, TextWriter diagnostics, TextWriter errors)
    {
        var (sources, compilation) = ProjectCompiler.Compile(directory, channels);
        if (sources.Fatal is { } fatal || compilation is null)
        {
            errors.WriteLine(sources.Fatal?.ToString());
            return (null, ExitCodes.BadInput);
        }
        foreach (var diagnostic in compilation.Diagnostics)
        {
            diagnostics.WriteLine(diagnostic.ToString());
        }
        if (compilation.HasErrors)
        {
            errors.WriteLine($"trig: the rules in {directory} have errors; fix them first (`trig check {directory}`)");
            return (null, ExitCodes.Errors);
        }
        var cached = new RulePackCache().LoadOrCompile(compilation);
        if (cached.Pack is not { } pack)
        {
            foreach (var diagnostic in cached.Diagnostics)
            {
                diagnostics.WriteLine(diagnostic.ToString());
            }
            return (null, ExitCodes.Errors);
        }
        return (new RuleProject(compilation, pack, RenderLimits.Default), ExitCodes.Success);
    }
}
