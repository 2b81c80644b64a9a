// A pasted error message, searched for what it says rather than for its little words.
//
// The theme's search appends "*" to every word of a query, so each word also matches every
// longer word that starts with it, and a page's tags weigh 1,000,000 times its text. In a
// message such as "Could not locate a Flask application", the "a" then matches the tags
// "asgi", "abort", "async" ... and whichever of those pages ranks highest beats the entry
// written for the message. Its punctuation trips the query syntax as well: "msg":"Missing"
// reads as a field name, and a leading "-" in "--app" as "must not contain". So a query of
// three or more words reaches the search worker without English stop words and without that
// punctuation; the box keeps what the reader typed. A short query ("g", "url for") goes as it
// is. tests/browser/test_troubleshooting_search.py pastes whole messages to prove it.

;(function () {
  var QUERY = 2 // the theme's message type for "search for this" (its worker protocol)
  // The short words of English prose that begin a tag ("a" asgi, "is" isolation, "in"
  // init_app, "as" async, "be" before_first_request, "to" tokens, "for" forms), and their kin;
  // "not", "no" and the rest of a message stay: they are what it says.
  var STOP = "a an the is in as at be by to of on or it its for".split(" ")

  function meaningful(query) {
    var words = query.replace(/[:{}"“”^~]/g, " ").trim().split(/\s+/)
    if (query.trim().split(/\s+/).length < 3) return query
    var kept = words.map(function (word) {
      return word.replace(/^[-+]+/, "")
    }).filter(function (word) {
      return word && STOP.indexOf(word.toLowerCase()) < 0
    })
    return kept.length ? kept.join(" ") : query
  }

  var send = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, { data: meaningful(message.data) })
    }
    return send.apply(this, arguments)
  }
})()
