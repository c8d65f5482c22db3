namespace TriggerLang.Cli.Tests;

/// <summary>
/// `trig lsp` driven by the npm <c>vscode-languageserver-protocol</c> client
/// (LspClient/client.js): the same framing and JSON an editor sends. The
/// package is installed from the npm registry into the test output folder on
/// first run, never into the source tree.
/// </summary>
public class LspClientEndToEndTests
{
    [NpmFact]
    public async Task The_npm_lsp_client_gets_diagnostics_hover_completion_and_a_clean_exit()
    {
        var client = Path.Combine(AppContext.BaseDirectory, "LspClient");
        if (!Directory.Exists(Path.Combine(client, "node_modules", "vscode-languageserver-protocol")))
        {
            var install = await Run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], client);
            Assert.True(install.ExitCode == 0, $"npm install failed:\n{install.Output}");
        }
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = await Run("node", [Path.Combine(client, "client.js"), Path.Combine(AppContext.BaseDirectory, "trig.dll"), project.FullPath], client);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("e2e ok", result.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> Run(string tool, string[] arguments, string folder)
    {
        var result = await Processes.RunAsync(tool, arguments, folder, TimeSpan.FromMinutes(3));
        return (result.ExitCode, result.Out + result.Error);
    }
}
