// The theme's search worker, started with the page, answering first from the index's titles.
//
// The theme's page script fetches the index itself and hands it to its worker only once the page
// has loaded and the main thread is free; the worker then needs a few hundred ms more to index
// it, and a search typed right after landing waited for both. So, except from file:// (where the
// theme runs its worker in an iframe and loads the index as a script), an inline script in the
// page's head (overrides/main.html) starts this worker at once and gives it to the theme when
// the theme asks for its worker; the theme's URL and the index's come as parameters. The same
// script points the page's own request at search/search_config.json, the index's config without
// its sections (overrides/search_index.py writes it): the main thread neither parses nor copies
// 400 kB it does not use.
//
// Once the page has painted (a first paint must not wait on it), this worker fetches the index
// and indexes it twice, by the theme's own code:
//   - here, only the fields boosted above the text (titles, tags, troubleshooting symptoms): a
//     third of the work, and the fields that decide which results come first. The page hears
//     "ready" then; a query that finds something here is answered at once;
//   - in the theme's worker, started from here once the page is idle or the reader searches
//     (on two cores, a third busy thread slows the page's own start), everything. From the
//     moment it is ready it answers every query, and it answers again the last one answered
//     here (the list is refined where a word of the text changes the order) or not answered
//     at all (nothing matched a title).
// A fetch that fails is tried once more; should that fail too, this worker sets up with what the
// page sent (the config alone: search then finds nothing, and says so). Where a worker cannot
// start a worker, the whole index is built here, after the titles. `self.indexed` says how far
// it has got ("titles", then "all"; the browser tests wait for "all"). This file lives beside
// the theme's worker so that the theme's relative paths ("../lunr") resolve as they do for it.
;(function () {
  var SETUP = 0, READY = 1 // the theme's worker protocol: message types (QUERY and RESULT pass)
  var params = new URL(location.href).searchParams
  var options = { suggest: params.get("suggest") === "1" }
  var theirs = [] // the message listeners of the theme's code loaded here
  var listen = self.addEventListener
  var send = self.postMessage
  var answered = null // resolves the pending ask() with what the theme's code here posts
  var asked = Promise.resolve() // one message at a time: its answers come in order

  self.addEventListener = function (type, listener) {
    if (type === "message") theirs.push(listener)
    else listen.apply(self, arguments)
  }
  importScripts(params.get("theme"))
  self.addEventListener = listen
  self.postMessage = function (message) { answered(message) }

  // A message for the theme's code here; resolves with its answer, or rejects with its error
  // (its listener is async: an error is a rejection, and no answer comes), and the next message
  // goes on either way.
  function ask(message) {
    var answer = asked.then(function () {
      return new Promise(function (resolve, reject) {
        answered = resolve
        Promise.all(theirs.map(function (listener) { return listener({ data: message }) })).catch(reject)
      })
    })
    asked = answer.catch(function () {})
    return answer
  }
  var here = { postMessage: function (message) {
    ask(message).then(function (reply) { send.call(self, reply) }, function () {})
  } }

  var whole = null // what answers every query once the whole index is in: a worker, or `here`
  var latest = null // the page's last query
  var waiting = null // the same, until `whole` has answered it
  function ready(engine) {
    whole = engine
    self.indexed = "all"
    if (waiting) engine.postMessage(waiting)
    waiting = null
  }

  function setup(config, docs) {
    return { type: SETUP, data: { config: config, docs: docs, options: options } }
  }
  function titlesOnly(config) {
    var fields = {}
    Object.keys(config.fields).forEach(function (name) {
      if (config.fields[name].boost > 1) fields[name] = config.fields[name]
    })
    return Object.assign({}, config, { fields: fields })
  }
  function indexEverything(index) {
    var message = setup(index.config, index.docs)
    var worker = null
    try { worker = new Worker(params.get("theme")) } catch (error) { /* no workers in a worker */ }
    var instead = function () { ask(message).then(function () { ready(here) }) }
    if (!worker) return instead()
    worker.onmessage = function (event) {
      if (!whole && event.data && event.data.type === READY) ready(worker)
      else send.call(self, event.data)
    }
    worker.onerror = function () { // it failed to start, or broke: this worker indexes everything
      worker.terminate()
      if (whole === worker) whole = null
      if (!whole) instead()
    }
    worker.postMessage(message)
  }

  function fetchIndex() {
    return fetch(params.get("index")).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText)
      return response.json()
    })
  }
  // The page says when it has painted (its set-up message says so too) and when it is idle (a
  // query says so too: the reader is searching).
  var painted, idle
  var quiet = new Promise(function (resolve) { idle = resolve })
  var titles = new Promise(function (resolve) { painted = resolve })
    .then(function () { return fetchIndex().catch(fetchIndex) })
    .then(function (index) {
      return ask(setup(titlesOnly(index.config), index.docs)).then(function () {
        self.indexed = "titles"
        quiet.then(function () { indexEverything(index) })
      })
    })
  titles.catch(function () {}) // a failed fetch is handled when the page's set-up comes

  function query(message) {
    if (whole) return whole.postMessage(message)
    var blank = !String(message.data).trim() // an empty box (the page sends one at "ready")
    if (!blank) idle()
    latest = message
    waiting = blank ? null : message
    titles.then(function () { return ask(message) }).then(function (reply) {
      if (whole || latest !== message || (!blank && !reply.data.items.length)) return
      send.call(self, reply) // an empty box is answered at once: it clears the list
    }, function () { /* set up from the page's message instead: see below */ })
  }

  listen.call(self, "message", function (event) {
    if (event.data === "painted") {
      painted()
    } else if (event.data === "idle") {
      idle()
    } else if (event.data && event.data.type === SETUP) {
      painted()
      titles.then(function () { send.call(self, { type: READY }) }, function () {
        ask(event.data).then(function (reply) { ready(here); send.call(self, reply) })
      })
    } else {
      query(event.data)
    }
  })
})()
