// The theme's search worker, started early: it fetches and indexes the search index as soon as
// it starts, while the page is still loading.
//
// The theme's page script fetches search/search_index.json too, but it can hand the index to the
// worker only once the page has loaded and its main thread is free (a few hundred ms later), and
// the worker then needs as long again to index it: a search typed right after landing waited for
// both. overrides/main.html starts this script instead of the theme's worker (the theme's URL
// and the index's come as parameters) except from file://, where the theme runs its worker in an
// iframe and loads the index as a script. This script loads the theme's worker, hands it the
// index it fetched, and answers the page's own "set up" message with "ready" once that is done.
// Queries and results pass through unchanged. Should the fetch fail, the page's copy is used.
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

  early = fetch(params.get("index"))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText)
      return response.json()
    })
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
    if (event.data && event.data.type === SETUP) {
      early.then(function () { send.call(self, { type: READY }) },
                 function () { dispatch(event.data) })
    } else {
      dispatch(event.data)
    }
  })
})()
