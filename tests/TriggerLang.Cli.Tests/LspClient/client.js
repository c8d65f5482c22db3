// Drives `trig lsp` as an editor would, with vscode-languageserver-protocol
// (the library under VS Code's language client). Usage: node client.js TRIG_DLL FOLDER.
// Exits 0 and prints "e2e ok" when every step answered as expected.
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-languageserver-protocol/node');

const [trigDll, folder] = process.argv.slice(2);
const server = spawn('dotnet', [trigDll, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

const diagnostics = new Map();
const listeners = new Set();
connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
  diagnostics.set(params.uri, params.diagnostics);
  listeners.forEach((listener) => listener());
});
connection.listen();

function diagnosticsOf(uri, accept) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}`)), 20000);
    const check = () => {
      const list = diagnostics.get(uri);
      if (list && accept(list)) {
        clearTimeout(timer);
        listeners.delete(check);
        resolve(list);
      }
    };
    listeners.add(check);
    check();
  });
}

async function main() {
  const rootUri = pathToFileURL(folder).href;
  const init = await connection.sendRequest(rpc.InitializeRequest.type,
    { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{ uri: rootUri, name: 'e2e' }] });
  assert.equal(init.capabilities.textDocumentSync, rpc.TextDocumentSyncKind.Full);
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  const uri = pathToFileURL(path.join(folder, 'rules.trig')).href;
  const textDocument = { uri, languageId: 'trig', version: 1, text: 'rule r on cart_abandonned send email "hi"\n' };
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument });
  const broken = await diagnosticsOf(uri, (list) => list.length > 0);
  assert.equal(broken[0].code, 'TRG0301');
  assert.deepEqual(broken[0].range, { start: { line: 0, character: 10 }, end: { line: 0, character: 25 } });

  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
    { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'rule r on cart_abandoned send email "hi"\n' }] });
  await diagnosticsOf(uri, (list) => list.length === 0);

  const hover = await connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } });
  assert.match(hover.contents.value, /event cart_abandoned \{/);
  const completion = await connection.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } });
  assert.deepEqual(completion.items.map((item) => item.label), ['email', 'in_app', 'push', 'sms', 'webhook']);

  await connection.sendRequest(rpc.ShutdownRequest.type);
  const exited = new Promise((resolve) => server.on('exit', resolve));
  await connection.sendNotification(rpc.ExitNotification.type);
  assert.equal(await exited, 0);
  console.log('e2e ok');
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  server.kill();
  process.exit(1);
});
