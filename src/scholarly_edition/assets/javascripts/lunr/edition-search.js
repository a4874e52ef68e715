/*
 * Search by word forms, for a lunr language whose plugin has a stemmer (lunr.kk,
 * ours; lunr.ru, the Snowball stemmer Material ships). The plugin's search.py
 * appends this file, and a call naming the language, to that language's
 * lunr.<lang>.min.js in the built site, the file Material's search worker
 * imports for an index.
 *
 * - Index: words are kept as written (Kazakh ones also folded, by lunr.kk).
 *   The trimmer keeps letters of every script, so Latin names are found on
 *   Russian pages too; Latin letters inside a Cyrillic word are read as the
 *   Cyrillic letters they look like (LOOK_ALIKE).
 * - Query: Material makes every typed term a prefix query ("term*"). Each term
 *   becomes, where lunr.QueryParser ends it (nextClause), exact queries for the
 *   text's words that are forms of it: words with the same stem (the
 *   language's stemWord) whose stem is written as the term's (a Kazakh word
 *   typed on a Russian keyboard: whose endings agree with the stem's vowels),
 *   or that differ from it only by a doubled letter (the source's
 *   «журналисттер»), or whose stem is a long stem and one letter more. A
 *   name also finds its spelling in the other script
 *   (SOUNDS). The last term, the one being typed, also finds words it begins,
 *   if it has three letters or more and is not itself a word of the text. A
 *   one-letter term or a stop word finds only itself, and lists no page on
 *   its own where the query has other words.
 * - Results (the worker's RESULT message): each result's ?h= names the words
 *   it marks, longest first (Material's highlighter tries them in order);
 *   a page's own result names its sections' words too; a result lists as "not found" only
 *   typed terms it lacks; a page's best section is never folded under
 *   "N more on this page"; pages are ordered by their best result.
 */
function editionSearch(lunr, lang) {
  var language = lunr[lang]
  if (!language || !language.stemmer || language.keyOf) return
  var MIN_KEY = 3, MIN_PREFIX = 3, MIN_SOUNDS = 3
  var LONG_KEY = 7  // a stem this long also finds the stem one letter longer (Узбекистана: узбекиста, узбекистан)
  var LOOK_ALIKE = { i: "і", o: "о", a: "а", e: "е", c: "с", p: "р", x: "х", y: "у", k: "к", h: "һ" }
  var CYRILLIC = /[\u0400-\u04ff]/, KAZAKH = /[әғқңөұүһі]/, LATIN = /^[a-z]+$/
  var FRONT = "әөүіеиэ", BACK = "аоұыяё"  // a loanword's и takes front endings: журналистер
  var stemWord = language.stemWord || function (word) {
    var token = language.stemmer(new lunr.Token(word, {}))
    return token ? token.toString() : word
  }
  var fold = language.fold || function (word) { return word }

  function letters(word) { return Array.from(word).length }

  // A word as the index holds it: lower case, Latin look-alikes in a Cyrillic word made Cyrillic.
  function normal(word) {
    word = word.toLowerCase()
    return CYRILLIC.test(word) ? word.replace(/[ioaecpxykh]/g, function (c) { return LOOK_ALIKE[c] }) : word
  }

  function keyOf(word) {
    var key = stemWord(normal(word))
    return letters(key) >= MIN_KEY ? key : normal(word)
  }

  function isStop(word) {
    return letters(word) < 2 || !!(language.stopWordFilter && !language.stopWordFilter(new lunr.Token(word, {})))
  }

  // The sounds of a name, in one alphabet for both scripts: its consonants, doubled ones once.
  // Derived from the names the texts spell in both (Фейсбук/Facebook, Твиттер/Twitter,
  // Цукерберг/Zuckerberg): c is s before e, i, y and k elsewhere, w is v, ц is z.
  var SOUNDS = {
    "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "ж": "j", "з": "z", "к": "k", "қ": "k",
    "л": "l", "м": "m", "н": "n", "ң": "n", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f",
    "х": "h", "һ": "h", "ц": "z", "ч": "c", "ш": "w", "щ": "w"
  }
  var LATIN_SOUNDS = [[/sh/g, "w"], [/ch/g, "c"], [/ck/g, "k"], [/ph/g, "f"], [/th/g, "t"], [/kh/g, "h"],
    [/zh/g, "j"], [/t[sz]/g, "z"], [/c(?=[eiy])/g, "s"], [/[cq]/g, "k"], [/w/g, "v"], [/x/g, "ks"], [/[aeiouy]/g, ""]]
  function sounds(word) {
    if (LATIN.test(word)) {
      LATIN_SOUNDS.forEach(function (rule) { word = word.replace(rule[0], rule[1]) })
    } else {
      word = Array.from(word).map(function (c) { return SOUNDS[c] || "" }).join("")
    }
    return single(word)
  }

  function trimmer(token) {
    var word = token.toString().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    return word ? token.update(function () { return normal(word) }) : null
  }
  lunr.Pipeline.registerFunction(trimmer, "trimmer-any-script-" + lang)

  var plugin = function () {
    language.call(this)
    ;[this.pipeline, this.searchPipeline].forEach(function (pipeline) {
      if (pipeline._stack.indexOf(language.trimmer) < 0) return
      pipeline.before(language.trimmer, trimmer)
      pipeline.remove(language.trimmer)
    })
  }
  Object.keys(language).forEach(function (name) { plugin[name] = language[name] })
  plugin.keyOf = keyOf
  lunr[lang] = plugin

  // The index's words, read once from the index the worker builds: by stem, by
  // spelling without doubled letters, by sounds; a Kazakh word's folded copy is
  // not a word of its own.
  var index = null, words = null
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    index = build.apply(this, arguments)
    words = null
    vocabulary()  // as the index loads, not at the reader's first keystroke
    return index
  }
  function add(map, key, word) { (map[key] = map[key] || []).push(word) }
  function vocabulary() {
    if (words || !index) return words
    var terms = Object.keys(index.invertedIndex), written = {}
    terms.forEach(function (term) { if (fold(term) !== term) written[fold(term)] = true })
    words = { all: {}, byKey: {}, byShape: {}, bySounds: {}, byShorter: {} }
    terms.forEach(function (term) {
      words.all[term] = true
      if (written[term]) return
      var key = keyOf(term)
      add(words.byKey, key, term)
      add(words.byShape, keyOf(single(term)), key)
      if (letters(key) > LONG_KEY) add(words.byShorter, key.slice(0, -1), key)
      if (letters(sounds(term)) >= MIN_SOUNDS) add(words.bySounds, sounds(term), term)
    })
    return words
  }
  function single(word) { return word.replace(/(.)\1+/g, "$1") }  // doubled letters once

  function harmony(vowels) {
    for (var i = vowels.length - 1; i >= 0; i--) {
      if (FRONT.indexOf(vowels[i]) >= 0) return "front"
      if (BACK.indexOf(vowels[i]) >= 0) return "back"
    }
    return ""
  }

  // Whether `word`, a form of `typed` by stem, is written with typed's stem: letter for letter
  // where typed has Kazakh letters; else (a Russian keyboard), where the stem has Kazakh
  // letters typed's endings must agree with its vowels (бөлім is not a form of болды).
  function sameStem(word, typed, key) {
    var n = letters(key), stem = Array.from(word).slice(0, n), own = Array.from(typed).slice(0, n)
    if (!language.fold) return true  // vowel harmony, and typing on another keyboard, are Kazakh's
    if (KAZAKH.test(typed)) {
      return stem.slice(0, n - 1).join("") === own.slice(0, n - 1).join("")
    }
    if (fold(stem.join("")) === stem.join("")) return true  // typed as written
    var endings = harmony(Array.from(typed).slice(n).join("").replace(/[мбп]ен$/, ""))  // -мен does not harmonize
    var vowels = harmony(stem.join(""))
    return !endings || !vowels || endings === vowels
  }

  // The text's words that are forms of a typed word.
  function formsOf(typed) {
    var vocab = vocabulary(), key = keyOf(typed), found = {}
    if (!vocab) return []
    var keys = [key].concat(vocab.byShape[keyOf(single(typed))] || [], vocab.byShorter[key] || [])
    keys.forEach(function (k) {
      ;(vocab.byKey[k] || []).forEach(function (word) { if (sameStem(word, typed, k)) found[word] = true })
    })
    if (letters(sounds(typed)) >= MIN_SOUNDS) {
      ;[sounds(typed), sounds(key)].forEach(function (s) {
        ;(vocab.bySounds[s] || []).forEach(function (word) {
          if (LATIN.test(word) === LATIN.test(typed)) return
          found[word] = true
          ;(vocab.byKey[keyOf(word)] || []).forEach(function (form) { if (sameStem(form, word, keyOf(word))) found[form] = true })
        })
      })
    }
    return Object.keys(found)
  }

  // The typed terms of the query being parsed: what each is, and the index terms it searches.
  var typedTerms = []
  var parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    typedTerms = []
    return parse.apply(this, arguments)
  }

  var nextClause = lunr.QueryParser.prototype.nextClause
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause, raw = (clause.term || "").replace(/\*$/, "")
    if (!raw || raw.indexOf("*") >= 0) return nextClause.apply(this, arguments)
    var typed = normal(raw), last = !this.peekLexeme(), vocab = vocabulary()
    var term = { typed: typed, content: !isStop(typed), exact: [typed], prefix: "" }
    if (term.content) {
      term.exact = formsOf(typed)
      if (term.exact.indexOf(typed) < 0) term.exact.unshift(typed)
      if (last && letters(typed) >= MIN_PREFIX && !(vocab && vocab.all[typed])) term.prefix = typed
    }
    typedTerms.push(term)
    clause.term = term.exact[0]
    clause.wildcard = lunr.Query.wildcard.NONE
    clause.usePipeline = false
    var result = nextClause.apply(this, arguments), query = this.query
    var more = term.exact.slice(1).map(function (word) { return [word, lunr.Query.wildcard.NONE] })
    if (term.prefix) more.push([term.prefix, lunr.Query.wildcard.TRAILING])
    more.forEach(function (extra) {
      query.clause({ term: extra[0], fields: clause.fields, boost: clause.boost, usePipeline: false, wildcard: extra[1] })
    })
    return result
  }

  // Material reports a clause a result lacks as "not found", unless lunr.stopWordFilter drops it;
  // results() below names the typed terms a result lacks, so no clause is reported here.
  lunr.stopWordFilter = function () { return undefined }

  // A Kazakh word and its folded copy share a position, and both can match one query;
  // each result keeps each position once, or Material would mark the word twice.
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function () {
    return query.apply(this, arguments).map(function (result) {
      var seen = {}, metadata = result.matchData.metadata
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field]
          if (!data.position) return
          data.position = data.position.filter(function (span) {
            var at = field + ":" + span
            return seen[at] ? false : (seen[at] = true)
          })
        })
      })
      return result
    })
  }

  function marked(item) {
    var found = []
    ;[item.title, item.text].forEach(function (html) {
      String(html || "").replace(/<mark[^>]*>([\s\S]*?)<\/mark>/g, function (_, text) {
        text.replace(/<[^>]+>/g, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
          if (word) found.push(word)
        })
      })
    })
    return found
  }

  function finds(item, term) {
    var hit = function (word) { return item.terms[word] === true }
    return term.exact.some(hit) || (term.prefix && Object.keys(item.terms).some(function (word) {
      return item.terms[word] === true && word.indexOf(term.prefix) === 0
    }))
  }

  function results(groups) {
    var content = typedTerms.some(function (term) { return term.content })
    return groups.map(function (group) {
      var page = group.filter(function (item) { return item.location.indexOf("#") < 0 })[0]
      var kept = group.filter(function (item) {
        if (item === page && !item.score) return true  // the page Material adds to list its sections
        return !content || typedTerms.some(function (term) { return term.content && finds(item, term) })
      })
      var all = []
      kept.forEach(function (item) {
        var words = marked(item)
        all = all.concat(words)
        item.missing = typedTerms.filter(function (term) { return term.content && !finds(item, term) })
        item.words = words
      })
      kept.forEach(function (item) {
        // a page's own entry (its description, its text before the first section) names its
        // sections' words too: the page it opens shows them, where its own may not be shown
        var words = item === page ? all : item.words, terms = {}
        words = Object.keys(words.reduce(function (set, w) { set[w] = true; return set }, {}))
        words.sort(function (a, b) { return letters(b) - letters(a) || (a < b ? -1 : 1) })
        words.forEach(function (word) { terms[word] = true })
        if (item.score) item.missing.forEach(function (term) { terms[term.typed] = false })
        item.terms = terms
        delete item.missing
        delete item.words
      })
      // Material lists a page's items that score as its first one, folding the rest: the page
      // first where it scores best, and its best section beside it, never folded.
      kept.sort(function (a, b) { return b.score - a.score })
      if (kept[0] === page && kept[1]) kept[1].score = page.score
      return kept
    }).filter(function (group) {
      return group.some(function (item) { return item.score })
    }).sort(function (a, b) {
      return Math.max.apply(null, b.map(function (i) { return i.score })) -
        Math.max.apply(null, a.map(function (i) { return i.score }))
    })
  }

  var post = self.postMessage
  if (post && !post.editionSearch) {
    self.postMessage = function (message) {
      if (message && message.data && Array.isArray(message.data.items) && typedTerms.length) {
        message = { type: message.type, data: Object.assign({}, message.data, { items: results(message.data.items) }) }
      }
      return post.apply(this, arguments.length > 1 ? [message].concat([].slice.call(arguments, 1)) : [message])
    }
    self.postMessage.editionSearch = true
  }
}
