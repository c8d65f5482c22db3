// The extension's tests (npm test), as one count for the repository's test.sh:
// 1. vscode-tmgrammar-test over test/grammar/*.test.trig, one test per
//    asserted source line (read from its xUnit reports, not its console text);
// 2. every .trig file of the repository's examples/, one test each: it must
//    tokenize with no `invalid.*` scope and end outside any region (an
//    unclosed string, comment or block would leak into the next item).
// 3. the compiled extension, loaded without VS Code (test/extension.js).
// The last line is "vscode: N passed, N failed", which test.sh parses.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const vsctm = require("vscode-textmate");
const { runExtensionTests } = require("./extension");
const oniguruma = require("vscode-oniguruma");

const root = path.join(__dirname, "..");
const grammarPath = path.join(root, "syntaxes", "trig.tmLanguage.json");
const examplesDir = path.join(root, "..", "..", "examples");

let passed = 0;
let failed = 0;

function runAssertionTests() {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "trig-grammar-"));
  try {
    const cli = require.resolve("vscode-tmgrammar-test/dist/unit.js");
    const run = spawnSync(process.execPath, [cli, "--compact", "-g", grammarPath, "--xunit-report", reports, "test/grammar/*.test.trig"], {
      cwd: root,
      stdio: "inherit",
    });
    const files = fs.readdirSync(reports).filter((name) => name.endsWith(".xml"));
    if (files.length === 0) {
      console.error(`vscode-tmgrammar-test wrote no report (exit ${run.status})`);
      failed++;
      return;
    }
    for (const file of files) {
      const xml = fs.readFileSync(path.join(reports, file), "utf8");
      const suite = /<testsuite\b[^>]*>/.exec(xml)[0];
      const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)[1]);
      const bad = count("failures") + count("errors");
      passed += count("tests") - bad;
      failed += bad;
    }
  } finally {
    fs.rmSync(reports, { recursive: true, force: true });
  }
}

function trigFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return trigFiles(full);
    return entry.name.endsWith(".trig") ? [full] : [];
  });
}

async function runExampleTests() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.trig" ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar("source.trig");
  const files = trigFiles(examplesDir).sort();
  if (files.length === 0) {
    console.error(`no .trig file under ${examplesDir}`);
    failed++;
  }
  for (const file of files) {
    const name = path.relative(examplesDir, file);
    const problems = [];
    let stack = vsctm.INITIAL;
    fs.readFileSync(file, "utf8").split(/\r?\n/).forEach((line, index) => {
      const result = grammar.tokenizeLine(line, stack);
      for (const token of result.tokens) {
        const invalid = token.scopes.find((scope) => scope.startsWith("invalid."));
        if (invalid) problems.push(`${index + 1}:${token.startIndex + 1}: ${invalid}`);
      }
      stack = result.ruleStack;
    });
    // INITIAL is the state before any region opens; anything else is still open.
    if (stack.depth !== vsctm.INITIAL.depth) problems.push("a comment, string or block is still open at the end of the file");
    if (problems.length === 0) {
      passed++;
      console.log(`✓ examples/${name} tokenizes`);
    } else {
      failed++;
      console.log(`✖ examples/${name}\n  ${problems.join("\n  ")}`);
    }
  }
}

function check(name, test) {
  let ok = false;
  try {
    ok = test();
  } catch (error) {
    console.log(error);
  }
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "✓" : "✖"} extension: ${name}`);
}

runAssertionTests();
runExampleTests()
  .then(() => runExtensionTests(check))
  .catch((error) => {
    console.error(error);
    failed++;
  })
  .finally(() => {
    console.log(`vscode: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
