// "Edit and run", the Web Worker: Python (Pyodide) off the page's thread, so a slow or endless
// example never freezes the page; runner.js ends this worker when a run takes too long.
// Everything comes from the site's own origin: assets/vendor/ (scripts/vendor.py, fetched at
// setup) and assets/runnable/ (written by the build: overrides/macros/outputs.py).
import { loadPyodide } from "./vendor/pyodide/pyodide.mjs";

const assets = new URL("./", import.meta.url);
let ready = null;

async function text(path) {
  const response = await fetch(new URL(path, assets));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

async function boot() {
  const times = { start: performance.now() };
  const manifest = await (await text("runnable/manifest.json")).json();
  const py = await loadPyodide({
    indexURL: new URL("vendor/pyodide/", assets).href,
    env: { HOME: "/home/pyodide", PYTHONHASHSEED: "0" }, // the recorder's seed: set order alike
  });
  times.pyodide = performance.now();
  for (const wheel of manifest.wheels) {
    py.unpackArchive(await (await text(`vendor/${wheel}`)).arrayBuffer(), "wheel");
  }
  const site = py.runPython("import site; site.getsitepackages()[0]");
  for (const file of manifest.files) { // MarkupSafe's pure modules: wheels/markupsafe/x.py
    const target = `${site}/${file.slice("wheels/".length)}`;
    py.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    py.FS.writeFile(target, await (await text(`vendor/${file}`)).text());
  }
  py.FS.mkdirTree("/guide_lib");
  py.FS.writeFile("/guide_lib/exchange.py", await (await text("runnable/exchange.py")).text());
  py.FS.writeFile("/guide_lib/runner_driver.py", await (await text("runner_driver.py")).text());
  times.wheels = performance.now();
  py.runPython(`
import sys
sys.path[:0] = ["/guide", "/guide_lib"]
sys.dont_write_bytecode = True  # an edit within the same second must not meet a stale .pyc
import runner_driver
runner_driver.freeze(${JSON.stringify(manifest.frozen)})
import flask, exchange
`);
  times.flask = performance.now();
  const python = py.runPython("import platform; platform.python_version()");
  const boot = { pyodide: times.pyodide - times.start, wheels: times.wheels - times.pyodide,
    flask: times.flask - times.wheels };
  return { run: py.globals.get("runner_driver").run, python, pyodide: py.version, boot };
}

self.onmessage = async ({ data }) => {
  const { id } = data;
  try {
    const booting = !ready;
    ready ??= boot();
    const { run, python, pyodide, boot: times } = await ready;
    self.postMessage({ type: "started", id, python, pyodide, boot: booting ? times : null });
    const result = JSON.parse(run(data.bundle, JSON.stringify(data.calls)));
    self.postMessage({ type: "result", id, result });
  } catch (error) {
    self.postMessage({ type: "failed", id, message: String(error && error.message || error) });
  }
};
