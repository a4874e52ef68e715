/*
 * Search's files load when a reader asks for search, not with the page.
 * Material starts its search worker and requests the search index as the
 * page loads (its bundle: `new Worker(config.search)`, and the index over
 * XMLHttpRequest); the worker then imports lunr and the language's files.
 * Loaded just before the bundle, this script holds both until search
 * is opened or its field focused, or at once when the page opens with ?h=
 * (a search result, whose words Material marks). Material shows its
 * "search is loading" message meanwhile. Not in the offline copy, whose
 * search runs in the iframe-worker shim.
 */
(function () {
  var Worker = window.Worker, send = XMLHttpRequest.prototype.send, open = XMLHttpRequest.prototype.open
  var started = false, waiting = []

  function start() {
    if (started) return
    started = true
    waiting.splice(0).forEach(function (run) { run() })
  }
  function later(run) { if (started) run(); else waiting.push(run) }

  // The index request, sent once search starts.
  XMLHttpRequest.prototype.open = function (method, url) {
    this.editionSearchIndex = /\/search\/search_index\.json$/.test(String(url).split("?")[0])
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments
    if (!request.editionSearchIndex) return send.apply(request, args)
    later(function () { send.apply(request, args) })
  }

  // The worker, made once search starts; until then, messages and listeners wait.
  if (Worker) window.Worker = function (url, options) {
    var real = null, queued = [], self = this
    this.postMessage = function () { var args = arguments; later(function () { real.postMessage.apply(real, args) }) }
    this.terminate = function () { later(function () { real.terminate() }) }
    ;["addEventListener", "removeEventListener"].forEach(function (name) {
      self[name] = function () { var args = arguments; if (real) real[name].apply(real, args); else queued.push([name, args]) }
    })
    later(function () {
      real = new Worker(url, options)
      queued.forEach(function (call) { real[call[0]].apply(real, call[1]) })
      ;["onmessage", "onerror"].forEach(function (name) { if (self[name]) real[name] = self[name] })
    })
  }

  if (new URLSearchParams(location.search).has("h")) return start()
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) start()
  })
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search]")) start()
  })
})()
