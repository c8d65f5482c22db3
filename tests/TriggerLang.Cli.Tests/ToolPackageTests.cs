using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text;

namespace TriggerLang.Cli.Tests;

/// <summary>
/// The `trig` tool as the README installs it, packed from this checkout and installed into a folder of the test's own:
/// what users get, ReadyToRun-compiled with the package's crossgen2 options and laid out with its plugins, which no
/// other test runs: check, test, simulate, the language server and the live runtime. <c>dotnet pack</c> failed from a
/// clean checkout for two weeks (NETSDK1047) with every other test green.
/// </summary>
public sealed class ToolPackageTests(InstalledTrig tool) : IClassFixture<InstalledTrig>
{
    private const string ApiKey = "package-test-key";

    [Fact]
    public void Pack_writes_a_package_per_runtime_and_install_picks_this_machines_with_the_plugins_beside_trig()
    {
        tool.RequireInstalled();

        var packages = Directory.GetFiles(tool.Packages, "*.nupkg").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(3, packages.Length);
        Assert.Single(packages, p => p!.StartsWith("TriggerLang.Cli.linux-x64.", StringComparison.Ordinal));
        Assert.Single(packages, p => p!.StartsWith("TriggerLang.Cli.any.", StringComparison.Ordinal));

        // The fallback package for other platforms carries the plugins too.
        using (var any = ZipFile.OpenRead(Directory.GetFiles(tool.Packages, "TriggerLang.Cli.any.*.nupkg").Single()))
        {
            foreach (var plugin in BuiltInPlugins)
            {
                Assert.Contains(any.Entries, e => e.FullName == $"tools/net10.0/any/{plugin}/trig-plugin.json");
            }
        }

        foreach (var plugin in BuiltInPlugins)
        {
            Assert.True(File.Exists(Path.Combine(tool.AppFolder, plugin, "trig-plugin.json")), $"{plugin} is not in {tool.AppFolder}");
        }
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            Assert.Equal("linux-x64", Path.GetFileName(tool.AppFolder));
            foreach (var assembly in new[] { "trig.dll", "TriggerLang.Compiler.dll", "TriggerLang.Engine.dll", "Microsoft.CodeAnalysis.CSharp.dll" })
            {
                Assert.True(IsReadyToRun(Path.Combine(tool.AppFolder, assembly)), $"{assembly} in the linux-x64 package is not ReadyToRun");
            }
        }
    }

    [Fact]
    public async Task The_installed_tool_checks_tests_and_simulates_the_example_as_the_repository_build_does()
    {
        tool.RequireInstalled();
        var example = Examples.Path("cart-abandonment");

        var check = await tool.Run("check", example);
        Assert.True(check.ExitCode == 0, check.Out + check.Error);

        var test = await tool.Run("test", example);
        Assert.True(test.ExitCode == 0, test.Out + test.Error);
        Assert.Contains("4 passed, 0 failed", test.Out + test.Error);

        var simulate = await tool.Run("simulate", example, "--input", Path.Combine(example, "events.jsonl"));
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(example, "expected-outcomes.jsonl")), simulate.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_package_for_other_platforms_runs_with_dotnet()
    {
        tool.RequireInstalled();
        // What `dotnet tool install` unpacks on a machine without a package of its own (macOS, Windows, arm64): plain IL.
        using var unpacked = new TempProject();
        ZipFile.ExtractToDirectory(Directory.GetFiles(tool.Packages, "TriggerLang.Cli.any.*.nupkg").Single(), unpacked.FullPath);
        var trig = Path.Combine(unpacked.FullPath, "tools", "net10.0", "any", "trig.dll");
        Assert.False(IsReadyToRun(trig), "the any package is compiled for one platform");
        var example = Examples.Path("cart-abandonment");

        var simulate = await Processes.RunAsync("dotnet", [trig, "simulate", example, "--input", Path.Combine(example, "events.jsonl")],
            Examples.RepositoryRoot, TimeSpan.FromMinutes(2));

        Assert.True(simulate.ExitCode == 0, simulate.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(example, "expected-outcomes.jsonl")), simulate.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public Task The_installed_tool_serves_the_language_server_the_editor_extension_starts()
    {
        tool.RequireInstalled();
        return LspProcessTests.AnswersInitializeAndExits(new ProcessStartInfo(tool.Trig) { ArgumentList = { "lsp" } });
    }

    [Fact]
    public async Task The_installed_tool_runs_the_onboarding_example_and_its_outbox_plugin_writes_the_welcome_email()
    {
        tool.RequireInstalled();
        using var project = CopyOf(Examples.Path("onboarding"));
        var url = $"http://127.0.0.1:{TrigServer.FreePort()}";
        // No --plugins: the default folder is the package's own plugins/ beside trig.dll, with the outbox plugin.
        var start = new ProcessStartInfo(tool.Trig)
        {
            ArgumentList = { "run", project.FullPath, "--urls", url, "--Logging:LogLevel:Default=Warning" },
            WorkingDirectory = project.FullPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TRIG_API_KEY"] = ApiKey },
        };
        var log = new StringBuilder();
        using var trig = Process.Start(start)!;
        trig.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        trig.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        trig.BeginOutputReadLine();
        trig.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
            await TrigServer.WaitHealthyAsync(http, trig, TimeSpan.FromMinutes(1));

            await Post(http, "/v1/users", """{"id":"u1","attributes":{"email":"ada@example.com","first_name":"Ada"}}""");
            await Post(http, "/v1/events",
                $$$"""{"id":"e1","name":"signup","user":"u1","time":"{{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}}","properties":{"plan":"pro"}}""");

            var outbox = Path.Combine(project.FullPath, "outbox", "email.jsonl");
            var waited = Stopwatch.StartNew();
            while (!(File.Exists(outbox) && File.ReadAllText(outbox).Contains("Welcome to Cellar, Ada!", StringComparison.Ordinal)))
            {
                Assert.False(waited.Elapsed > TimeSpan.FromSeconds(30), $"no welcome email in {outbox} after 30 s; trig run said:\n{log}");
                Assert.False(trig.HasExited, $"trig run exited with {(trig.HasExited ? trig.ExitCode : 0)}:\n{log}");
                await Task.Delay(100);
            }
            Assert.Contains("ada@example.com", File.ReadAllText(outbox));
        }
        finally
        {
            trig.Kill(entireProcessTree: true);
            await trig.WaitForExitAsync();
        }
    }

    private static readonly string[] BuiltInPlugins = ["plugins/outbox", "plugins-available/webhook", "plugins-available/push", "plugins-available/smtp"];

    private static async Task Post(HttpClient http, string path, string json)
    {
        using var answer = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(answer.IsSuccessStatusCode, $"POST {path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static TempProject CopyOf(string folder)
    {
        var copy = new TempProject();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            copy.With(Path.GetRelativePath(folder, file), File.ReadAllBytes(file));
        }
        return copy;
    }
}

/// <summary>
/// The README's two install commands, <c>dotnet pack cli -o DIR</c> and <c>dotnet tool install --add-source DIR
/// TriggerLang.Cli</c>, run once for <see cref="ToolPackageTests"/>, installing into a folder of its own
/// (<c>--tool-path</c>) rather than globally. Packing builds the tool from scratch and compiles every assembly
/// ReadyToRun: a minute or two.
/// </summary>
public sealed class InstalledTrig : IAsyncLifetime
{
    private readonly TempProject _folder = new();
    private TrigResult? _pack;
    private TrigResult? _install;

    public string Packages => Path.Combine(_folder.FullPath, "packages");

    private string Tools => Path.Combine(_folder.FullPath, "tools");

    /// <summary>The command the install put on the tool path.</summary>
    public string Trig => Path.Combine(Tools, OperatingSystem.IsWindows() ? "trig.exe" : "trig");

    /// <summary>The installed package's folder: trig.dll, its dependencies and its plugins.</summary>
    public string AppFolder => Path.GetDirectoryName(Directory.GetFiles(Path.Combine(Tools, ".store"), "trig.dll", SearchOption.AllDirectories).Single())!;

    public async Task InitializeAsync()
    {
        var root = Examples.RepositoryRoot;
        // Built apart (--artifacts-path): restored and compiled afresh, as in a clean checkout, and without writing over
        // the build outputs that the other tests run from while this one packs.
        _pack = await Processes.RunAsync("dotnet",
            ["pack", Path.Combine(root, "cli"), "-o", Packages, "--artifacts-path", Path.Combine(_folder.FullPath, "build"), "-nologo"],
            root, TimeSpan.FromMinutes(15));
        if (_pack.ExitCode == 0)
        {
            _install = await Processes.RunAsync("dotnet", ["tool", "install", "--tool-path", Tools, "--add-source", Packages, "TriggerLang.Cli"],
                _folder.FullPath, TimeSpan.FromMinutes(5));
        }
    }

    /// <summary>Fails the test, with the command's output, unless both the pack and the install succeeded.</summary>
    public void RequireInstalled()
    {
        Assert.True(_pack!.ExitCode == 0, $"`dotnet pack cli` exited with {_pack.ExitCode}:\n{_pack.Out}{_pack.Error}");
        Assert.True(_install!.ExitCode == 0, $"`dotnet tool install` exited with {_install.ExitCode}:\n{_install.Out}{_install.Error}");
    }

    /// <summary>Runs the installed <c>trig ARGS…</c> in the repository's root folder.</summary>
    public Task<TrigResult> Run(params string[] arguments) => Processes.RunAsync(Trig, arguments, Examples.RepositoryRoot, TimeSpan.FromMinutes(2));

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
