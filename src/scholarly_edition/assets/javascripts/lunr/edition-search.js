/*
 * Search by stem, for a lunr language whose plugin has a stemmer (lunr.kk,
 * ours; lunr.ru, the Snowball stemmer Material ships). The plugin's
 * search.py appends this file, and a call naming the language, to that
 * language's lunr.<lang>.min.js in the built site, the file Material's search
 * worker imports for an index.
 *
 * - Index: each word is kept as written (and, for Kazakh, folded) and its key,
 *   its stem (of the folded word, for Kazakh), is added at the same position,
 *   so every inflected form shares the key's entry and highlighting keeps
 *   working. Material removes a language's `stemmer` from the pipeline (the
 *   index config lists only "trimmer"); this adds its own function instead.
 * - Query: Material makes every typed term a prefix query ("term*"). Each term
 *   becomes, where lunr.QueryParser ends it (nextClause): its key, exactly, so
 *   «ақпанда» no longer finds «ақпарат»; the text's own forms of that key,
 *   exactly, so a result's ?h= names words the opened page holds and Material
 *   highlights them there («жумсак» → «жұмсақ»); and, for the last term, the
 *   one being typed, the typed form as a prefix. Material reports a term it
 *   did not find (`lunr.stopWordFilter` decides which): only the key is.
 * - Highlighting: a word and its key (or folded copy) share a position, and
 *   both can match one query; each result keeps each position once
 *   (lunr.Index.prototype.query), or Material would mark the word twice.
 */
function editionSearch(lunr, lang) {
  var language = lunr[lang]
  if (!language || !language.stemmer || language.keyOf) return
  var MIN_KEY = 3
  var FUZZY_KEY = 7  // a key this long also finds the words one letter from it
  var stemWord = language.stemWord || function (word) {
    var token = language.stemmer(new lunr.Token(word, {}))
    return token ? token.toString() : word
  }

  function keyOf(word) {
    var key = stemWord(word.toLowerCase())
    return Array.from(key).length >= MIN_KEY ? key : word.toLowerCase()
  }

  function keys(token) {
    var word = token.toString(), key = keyOf(word)
    return key === word ? token : [token, token.clone(function () { return key })]
  }
  lunr.Pipeline.registerFunction(keys, "keys-" + lang)

  var plugin = function () {
    language.call(this)
    this.pipeline.add(keys)
  }
  Object.keys(language).forEach(function (name) { plugin[name] = language[name] })
  plugin.keyOf = keyOf
  lunr[lang] = plugin

  // The index's words by key, made once from the index the worker builds.
  var index = null, byKey = null
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    index = build.apply(this, arguments)
    byKey = null
    return index
  }
  function forms(key) {
    if (!index) return []
    if (!byKey) {
      byKey = {}
      Object.keys(index.invertedIndex).forEach(function (term) {
        var k = keyOf(term);
        (byKey[k] = byKey[k] || []).push(term)
      })
    }
    return byKey[key] || []
  }

  // Terms added only to find and to highlight: never reported as not found.
  var added = {}, reported = {}
  var stopWordFilter = lunr.stopWordFilter
  lunr.stopWordFilter = function (token) {
    var term = String(token)
    if (added[term] && !reported[term]) return undefined
    return stopWordFilter ? stopWordFilter.apply(this, arguments) : token
  }
  lunr.stopWordFilter.label = stopWordFilter && stopWordFilter.label  // as registered, for lunr's pipelines

  var parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {  // each query reports its own terms
    added = {}
    reported = {}
    return parse.apply(this, arguments)
  }

  var nextClause = lunr.QueryParser.prototype.nextClause
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause, term = clause.term || ""
    var typed = term.replace(/\*$/, "")
    if (!typed || typed.indexOf("*") >= 0) return nextClause.apply(this, arguments)
    var key = keyOf(typed), last = !this.peekLexeme()
    clause.term = key
    clause.wildcard = lunr.Query.wildcard.NONE
    clause.usePipeline = false
    reported[key] = true
    var result = nextClause.apply(this, arguments)
    var query = this.query, extra = forms(key).filter(function (form) { return form !== key })
    if (last) extra.push(typed + "*")
    if (Array.from(key).length >= FUZZY_KEY) extra.push(key + "~1")  // «журналистер» and «журналисттер»
    extra.forEach(function (form) {
      var prefix = form.slice(-1) === "*", fuzzy = form.slice(-2) === "~1"
      var word = prefix ? form.slice(0, -1) : fuzzy ? form.slice(0, -2) : form
      added[word] = true
      var added_ = {
        term: word, fields: clause.fields, boost: clause.boost, usePipeline: false,
        wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
      }
      if (fuzzy) added_.editDistance = 1  // lunr reads any editDistance, 0 too, as a fuzzy clause
      query.clause(added_)
    })
    return result
  }

  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function () {
    return query.apply(this, arguments).map(function (result) {
      var seen = {}, metadata = result.matchData.metadata
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field]
          if (!data.position) return
          data.position = data.position.filter(function (span) {
            var key = field + ":" + span
            return seen[key] ? false : (seen[key] = true)
          })
        })
      })
      return result
    })
  }
}
