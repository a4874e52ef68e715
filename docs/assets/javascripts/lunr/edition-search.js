/*
 * Search by stem, in both directions, for a lunr language whose plugin has a
 * `stemmer` (lunr.kk, ours; lunr.ru, the Snowball stemmer Material ships).
 * hooks/search.py appends this file, and a call naming the language, to
 * that language's assets/javascripts/lunr/min/lunr.<lang>.min.js in the
 * built site, the file Material's search worker imports for an index.
 *
 * - Index: each word is kept as written (and, for Kazakh, folded) and its
 *   stem is added at the same position, so prefix search, highlighting and
 *   folding keep working and every inflected form shares the stem's entry.
 *   Material removes a language's `stemmer` from the pipeline (the index
 *   config lists only "trimmer"); this adds its own function instead.
 * - Query: Material turns every typed term into a prefix query ("term*"),
 *   which lunr runs without the pipeline. Each such term is replaced by its
 *   stem as a prefix ("саясатқа*" -> "саясат*") where parsing ends the term,
 *   in lunr.QueryParser.prototype.nextClause, which both Material's ranking
 *   of found terms and the index search go through. A stem is never shorter
 *   than three letters.
 * - Highlighting: a word and its stem (or folded copy) share a position, and
 *   both can match one query; each result keeps each position once
 *   (lunr.Index.prototype.query), or Material would mark the word twice.
 */
function editionSearch(lunr, lang) {
  var language = lunr[lang]
  if (!language || !language.stemmer || language.stems) return
  var MIN_STEM = 3

  function stemWord(word) {
    var token = language.stemmer(new lunr.Token(word, {}))
    var stem = token ? token.toString() : word
    return Array.from(stem).length >= MIN_STEM ? stem : word
  }

  function stems(token) {
    var word = token.toString(), stem = stemWord(word)
    return stem === word ? token : [token, token.clone(function () { return stem })]
  }
  lunr.Pipeline.registerFunction(stems, "stems-" + lang)

  var plugin = function () {
    language.call(this)
    this.pipeline.add(stems)
  }
  Object.keys(language).forEach(function (key) { plugin[key] = language[key] })
  plugin.stems = stems
  plugin.stemWord = stemWord
  lunr[lang] = plugin

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

  var nextClause = lunr.QueryParser.prototype.nextClause
  lunr.QueryParser.prototype.nextClause = function () {
    var term = this.currentClause.term || ""
    if (term.indexOf("*") === term.length - 1 && term.length > 1) {
      var word = term.slice(0, -1), stem = stemWord(word)
      if (stem !== word) this.currentClause.term = stem + "*"
    }
    return nextClause.apply(this, arguments)
  }
}
