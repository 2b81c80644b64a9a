// "Edit and run": the last tab, after "Code" and "Try it", of every example that runs in the
// browser. The build writes the tab, empty, and a hidden marker after each "Try it" call it runs
// (overrides/runner_tabs.py, overrides/macros/outputs.py); this script fills the tab when it is
// first opened. Nothing else loads until the reader clicks Run: then runner-worker.js starts
// Pyodide and the pinned wheels, all from this site. A run that takes over LIMIT_MS is stopped.
(() => {
  // A page with runnable examples loads this script from its content (overrides/main.html), so
  // instant navigation runs it on every visit; the first run's worker, and its Python, stay.
  if (window.ffgRunnerScan) return window.ffgRunnerScan();
  const script = document.currentScript;
  const assets = new URL("./", script ? script.src : location.href);
  const LIMIT_MS = 5000;
  const KEYWORDS = new Set(("False None True and as assert async await break class continue def del elif else " +
    "except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield").split(" "));
  const TOKEN = /(#[^\n]*)|([rRbBfFuU]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))|(@[\w.]+)|\b(\d[\d_.]*)\b|\b([A-Za-z_]\w*)\b/g;
  let worker = null;
  let runs = 0;
  const pending = new Map();
  const wired = new WeakSet();

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const escape = (s) => s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" }[c]));

  function highlight(source) { // Python, in the classes Material colours (as Pygments names them)
    return source.replace(TOKEN, (m, comment, string, decorator, number, word) => {
        const kind = comment ? "c" : string ? "s" : decorator ? "nd" : number ? "mi" : KEYWORDS.has(word) ? "k" : "";
        return kind ? `\u0000${kind}\u0001${m}\u0002` : m;
      }).split(/(\u0000\w+\u0001[\s\S]*?\u0002)/).map((part) => {
        const token = /^\u0000(\w+)\u0001([\s\S]*)\u0002$/.exec(part);
        return token ? `<span class="${token[1]}">${escape(token[2])}</span>` : escape(part);
      }).join("") + "\n";
  }

  function block(title, text, kind = "http") {
    return el("div", { className: `language-${kind} highlight ffg-runner__block` },
      el("span", { className: "filename", textContent: title }),
      el("pre", {}, el("code", { textContent: text })));
  }

  function editor(id, label, value) {
    const view = el("code");
    const input = el("textarea", { id, className: "ffg-runner__input", spellcheck: false, value });
    input.setAttribute("wrap", "off");
    input.setAttribute("autocapitalize", "off");
    const paint = () => {
      view.innerHTML = highlight(input.value);
      input.rows = Math.max(2, input.value.split("\n").length);
    };
    input.addEventListener("input", paint);
    input.addEventListener("scroll", () => { view.parentNode.scrollLeft = input.scrollLeft; });
    paint();
    const wrap = el("div", { className: "ffg-runner__editor highlight" },
      el("pre", { className: "ffg-runner__view", ariaHidden: "true" }, view), input);
    return { node: el("div", {}, el("label", { htmlFor: id, textContent: label }), wrap), input, paint };
  }

  function worker$() {
    if (worker) return worker;
    worker = new Worker(new URL("runner-worker.js", assets), { type: "module" });
    worker.onmessage = ({ data }) => pending.get(data.id)?.(data);
    worker.onerror = (event) => {
      for (const done of pending.values()) done({ type: "failed", message: event.message || "the worker failed" });
    };
    return worker;
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
  }

  // The theme links tabs by their labels' text: choosing "Edit and run" in one set would open it
  // in every set on the page and remember it for later pages. It leaves alone a label marked
  // "switching", one it is itself switching to; this listener, capturing, runs before the
  // theme's on the radio, whenever the theme mounted the tabs, and marks the label.
  document.addEventListener("change", ({ target }) => {
    if (!target.matches(".tabbed-set > input[id$='_run']")) return;
    target.parentNode.querySelector(`:scope > .tabbed-labels > label[for="${target.id}"]`)
      .setAttribute("data-md-switching", "");
  }, true);

  function tab(block, number) { // a tab of its own in a set of tabs whose calls share one example
    const set = block.closest(".tabbed-set");
    const markers = [...set.querySelectorAll(".ffg-call")].filter((m) => m.closest(".tabbed-set") === set);
    const fill = runner(block, markers, number, "choose another tab, then this one again, to retry");
    const radio = set.querySelector(":scope > input[id$='_run']");
    radio.addEventListener("change", fill);
    if (radio.checked) fill(); // a reload or Back puts a chosen tab back, and says nothing
  }

  function fold(block, number) { // a call outside content tabs: the same, in a fold below it
    const details = block.parentNode;
    const fill = runner(block, [details.previousElementSibling], number, "close this fold and open it again to retry");
    details.addEventListener("toggle", () => details.open && fill());
  }

  function runner(tab, markers, number, retry) { // the tab's content, made when it is first opened
    const example = markers[0].dataset.example;
    let filled = false;
    let original = null;
    const fill = async () => {
      if (filled) return;
      filled = true;
      if (location.protocol === "file:") { // fetch() and Worker both refuse a file:// page
        tab.replaceChildren(el("p", { className: "ffg-runner__status" }, offline()));
        return;
      }
      tab.replaceChildren(el("p", { textContent: "Loading the example…" }));
      try {
        const response = await fetch(new URL(`runnable/${example}.json`, assets));
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
        original = await response.json();
        render();
      } catch (error) {
        tab.replaceChildren(el("p", { className: "ffg-runner__status", role: "status",
          textContent: `The example could not be loaded (${error.message}); ${retry}.` }));
        filled = false;
      }
    };
    const render = () => {
      const prefix = `ffg-run-${number}`;
      const source = editor(`${prefix}-source`, `snippets/${example} (editable)`, original.files[`snippets/${example}`]);
      const calls = markers.map((marker, n) => {
        const call = JSON.parse(marker.dataset.call);
        const line = el("input", { id: `${prefix}-req-${n}`, className: "ffg-runner__request", value: call.request,
          spellcheck: false });
        const options = editor(`${prefix}-opt-${n}`, "Its options (JSON: json, data, headers, query_string, …)",
          JSON.stringify(call.options, null, 1).replace(/\n\s*/g, " "));
        const out = el("div", { className: "ffg-runner__output" });
        out.dataset.record = marker.dataset.record;
        const node = el("fieldset", { className: "ffg-runner__call" },
          el("legend", { textContent: `Request ${markers.length > 1 ? n + 1 : ""}`.trim() }),
          el("label", { htmlFor: line.id, textContent: "Method and path" }), line, options.node, out);
        return { call, line, options, out, node };
      });
      const run = el("button", { type: "button", className: "md-button md-button--primary", textContent: "Run" });
      const reset = el("button", { type: "button", className: "md-button", textContent: "Reset" });
      const status = el("p", { className: "ffg-runner__status", role: "status" });
      const versions = el("span", { textContent: "Python (Pyodide) loads on the first Run" });
      const note = el("p", { className: "ffg-runner__note" },
        "Runs in your browser: ", versions, `; this page's outputs were recorded with Python ${
          tab.dataset.buildPython || "(the build's)"}. The clock is frozen as when they were recorded. ` +
        "Sockets, threads, subprocesses and real servers do not run here: for those, run the guide on your " +
        "machine (", el("code", { textContent: "python3 scripts/dev.py serve" }), ") and the example's tests.");
      tab.replaceChildren(note, source.node, ...calls.map((c) => c.node),
        el("p", { className: "ffg-runner__actions" }, run, " ", reset), status);
      reset.addEventListener("click", () => {
        source.input.value = original.files[`snippets/${example}`];
        source.paint();
        for (const c of calls) {
          c.line.value = c.call.request;
          c.options.input.value = JSON.stringify(c.call.options, null, 1).replace(/\n\s*/g, " ");
          c.options.paint();
          c.out.replaceChildren();
        }
        status.textContent = "Reset to the example as the page shows it.";
      });
      run.addEventListener("click", () => {
        let sent;
        try {
          sent = calls.map((c) => ({ ...c.call, request: c.line.value.trim(),
            options: JSON.parse(c.options.input.value || "{}"), shown: true }));
        } catch (error) {
          status.textContent = `The options are not JSON: ${error.message}`;
          return;
        }
        const before = [...document.querySelectorAll(`.ffg-call[data-example="${CSS.escape(example)}"]`)]
          .filter((m) => m.compareDocumentPosition(markers[0]) & Node.DOCUMENT_POSITION_FOLLOWING)
          .map((m) => ({ ...JSON.parse(m.dataset.call), shown: false }));
        const files = { ...original.files, [`snippets/${example}`]: source.input.value };
        run.disabled = true;
        const started = performance.now();
        status.textContent = worker ? "Running…" : "Loading Python (Pyodide) and Flask, once per page…";
        const id = ++runs;
        let timer = null;
        const done = (data) => {
          if (data.type === "started") {
            versions.textContent = `Python ${data.python} (Pyodide ${data.pyodide})`;
            if (data.boot) tab.dataset.boot = JSON.stringify(data.boot); // ms: Pyodide, wheels, import flask
            status.textContent = "Running…";
            timer = setTimeout(() => {
              pending.delete(id);
              stop();
              run.disabled = false;
              status.textContent = `Stopped after ${LIMIT_MS / 1000} s: the code was still running ` +
                "(an endless loop, or a wait for something that never comes). The next Run starts a fresh Python.";
              tab.dataset.state = "stopped";
            }, LIMIT_MS);
            return;
          }
          clearTimeout(timer);
          pending.delete(id);
          run.disabled = false;
          const ms = Math.round(performance.now() - started);
          tab.dataset.ms = ms;
          if (data.type === "failed") {
            status.textContent = `Python could not run it: ${data.message}`;
            tab.dataset.state = "failed";
            return;
          }
          show(data.result, calls, before.length);
          status.textContent = `Ran in ${ms} ms.`;
          tab.dataset.state = "done";
        };
        pending.set(id, done);
        tab.dataset.state = "running";
        worker$().postMessage({ id, bundle: JSON.stringify({ ...original, files }), calls: [...before, ...sent] });
      });
    };
    tab.dataset.buildPython = markers[0].dataset.python;
    return fill;
  }

  function show(result, calls, skip) {
    if (result.error) {
      calls[0].out.replaceChildren(block("Traceback", result.error, "pytb"));
      for (const c of calls.slice(1)) c.out.replaceChildren();
      return;
    }
    const failed = result.results.slice(0, skip).find((r) => r.error);
    calls.forEach((c, n) => {
      const r = result.results[skip + n];
      const parts = failed ? [block("Traceback (an earlier request on this page)", failed.error, "pytb")] : [];
      if (r.error) parts.push(block("Traceback", r.error, "pytb"));
      else {
        for (const [title, text] of r.blocks) parts.push(block(title, text));
        if (r.logged.trim()) parts.push(block("Logged", r.logged.trimEnd(), "pytb"));
      }
      c.out.replaceChildren(...parts);
    });
  }

  function offline() {
    return el("span", {}, "Opened from a file (a file:// address), this page cannot run Python: " +
      "browsers start no Web Worker and fetch no file for such a page. Serve the unzipped folder instead " +
      "(", el("code", { textContent: "python3 -m http.server" }), " in it, then open http://127.0.0.1:8000/), " +
      "or run the guide with ", el("code", { textContent: "python3 scripts/dev.py serve" }), ".");
  }

  function scan() { // the tabs and folds the build wrote (overrides/runner_tabs.py), on this page
    let number = 0;
    for (const block of document.querySelectorAll(".ffg-runner[data-runnable]")) {
      if (wired.has(block)) continue;
      wired.add(block);
      (block.classList.contains("tabbed-block") ? tab : fold)(block, ++number);
    }
  }

  window.ffgRunnerScan = scan;
  scan();
})();
