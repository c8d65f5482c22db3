// Starts the TriggerLang language server (`trig lsp`, lsp/README.md) for .trig
// files. Everything else (highlighting, snippets, comments, brackets) is
// declarative in package.json.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

const INSTALL_HINT =
  "Install it with `dotnet tool install --global TriggerLang.Cli`, or set `triggerlang.trigPath` to its path.";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (change) => {
      // trace.server is read by the client itself; only the command needs a new server.
      if (change.affectsConfiguration("triggerlang.trigPath") || change.affectsConfiguration("triggerlang.trigArgs")) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

export function deactivate(): Thenable<void> | undefined {
  return stop();
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration("triggerlang");
  const command = config.get<string>("trigPath") || "trig";
  const args = [...config.get<string[]>("trigArgs", []), "lsp"];
  // The server takes its project from the workspace folder; running it there
  // too lets a relative trigPath or `dotnet run --project cli` work in a clone.
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const serverOptions: ServerOptions = { command, args, options: { cwd } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "trig" }],
    // The server registers its own watchers for *.trig and *.liquid.
  };
  // The id makes the client read `triggerlang.trace.server`.
  const next = new LanguageClient("triggerlang", "TriggerLang", serverOptions, clientOptions);
  try {
    await next.start();
    client = next;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // A missing executable fails the spawn with ENOENT: say what to install.
    const message = /ENOENT/.test(detail)
      ? `TriggerLang: the language server did not start because \`${command}\` was not found. ${INSTALL_HINT}`
      : `TriggerLang: the language server (\`${command} ${args.join(" ")}\`) did not start: ${detail}`;
    // Not awaited: the notification stays until dismissed, and activation
    // (or a restart) must not wait for that.
    void vscode.window.showErrorMessage(message, "Open Settings").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "triggerlang.trigPath");
      }
    });
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) {
    await running.stop();
  }
}
