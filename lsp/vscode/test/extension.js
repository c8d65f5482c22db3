// Loads the compiled extension (out/extension.js) against a stand-in for the
// `vscode` module, which exists only inside VS Code, and checks what can be
// checked without VS Code: activation starts `trig lsp` with the configured
// executable, a missing executable gets the install hint, and a change of
// `triggerlang.trigPath` restarts the server with the new one.
"use strict";
const Module = require("module");
const path = require("path");

// A deep no-op: every property is another stub and every call returns one, so
// that the language client's use of the API we do not model goes through.
function stub() {
  return new Proxy(function () { return stub(); }, {
    get(target, prop) {
      if (prop === "then") return undefined; // not a promise
      if (!(prop in target)) target[prop] = stub();
      return target[prop];
    },
  });
}

async function runExtensionTests(check) {
  const settings = { trigPath: "trig-missing-for-test" };
  const errors = [];
  const configListeners = [];
  const vscode = stub();
  vscode.version = "1.91.0";
  vscode.workspace.workspaceFolders = undefined;
  vscode.workspace.getConfiguration = () => ({ get: (key, fallback) => settings[key] ?? fallback });
  vscode.workspace.onDidChangeConfiguration = (listener) => {
    configListeners.push(listener);
    return { dispose() {} };
  };
  vscode.window.showErrorMessage = async (message) => {
    errors.push(message);
    return undefined;
  };

  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: vscode };
  try {
    const extension = require(path.join(__dirname, "..", "out", "extension.js"));
    await extension.activate({ subscriptions: [] });
    check("a missing trig gets the install hint", () =>
      errors.some((m) => m.includes("`trig-missing-for-test` was not found") && m.includes("dotnet tool install --global TriggerLang.Cli")));

    errors.length = 0;
    settings.trigPath = "trig-renamed-for-test";
    const change = { affectsConfiguration: (section) => section === "triggerlang.trigPath" };
    await Promise.all(configListeners.map((listener) => listener(change)));
    check("changing triggerlang.trigPath restarts with the new path", () =>
      errors.some((m) => m.includes("`trig-renamed-for-test` was not found")));

    errors.length = 0;
    await Promise.all(configListeners.map((listener) => listener({ affectsConfiguration: () => false })));
    check("other settings do not restart the server", () => errors.length === 0);
    await extension.deactivate();
  } finally {
    Module._resolveFilename = resolve;
    delete require.cache.vscode;
  }
}

module.exports = { runExtensionTests };
