// The theme's search worker, started with the page: by the time a reader types a query, the
// index is fetched and indexed.
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
// This worker loads the theme's, fetches the index once the page has painted (it must not slow
// what a first paint waits for), hands it to the theme's code, and answers the page's "set up"
// message with "ready" once that is done; queries and results pass through unchanged. A fetch
// that fails is tried once more; should that fail too, it sets up with what the page sent (the
// config alone: search then finds nothing, and says so). It lives beside the theme's worker so
// that the theme's relative paths (its language files, "../lunr") resolve as they do for it.
;(function () {
  var SETUP = 0, READY = 1 // the theme's worker protocol: message types
  var params = new URL(location.href).searchParams
  var theirs = [] // the theme worker's message listeners
  var listen = self.addEventListener
  var send = self.postMessage
  var early = null // resolves once the early set-up is done

  self.addEventListener = function (type, listener) {
    if (type === "message") theirs.push(listener)
    else listen.apply(self, arguments)
  }
  importScripts(params.get("theme"))
  self.addEventListener = listen

  function dispatch(message) {
    theirs.forEach(function (listener) { listener({ data: message }) })
  }

  // The index is fetched once the page has painted, not before: it must not slow the styles and
  // scripts a first paint waits for. The page says so, or its own set-up message does.
  var painted
  function index() {
    return fetch(params.get("index")).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText)
      return response.json()
    })
  }
  early = new Promise(function (resolve) { painted = resolve })
    .then(function () { return index().catch(index) })
    .then(function (index) {
      return new Promise(function (resolve) {
        self.postMessage = function (message) { // the theme's "ready" for our set-up: ours
          if (message && message.type === READY) {
            self.postMessage = send
            resolve()
          } else {
            send.apply(self, arguments)
          }
        }
        dispatch({ type: SETUP, data: {
          config: index.config, docs: index.docs,
          options: { suggest: params.get("suggest") === "1" }
        } })
      })
    })

  listen.call(self, "message", function (event) {
    if (event.data === "painted") {
      painted()
    } else if (event.data && event.data.type === SETUP) {
      painted()
      early.then(function () { send.call(self, { type: READY }) },
                 function () { dispatch(event.data) })
    } else {
      dispatch(event.data)
    }
  })
})()
