// Search worker: Material's own worker, plus two things Spanish readers need.
//
// 1. Accents do not matter. Snowball's Spanish stemmer recognises "-ación" only with its accent
//    ("depuración" -> "depur", but "depuracion" stays as typed), so language stemmers here
//    receive words with their accents removed, in the index and in queries alike.
// 2. Typed words are stemmed. Material appends "*" to every query term ("genocidio*"), and
//    lunr skips the stemmer for wildcard terms, so a full word never met the stemmed index.
//    Each such term now goes through the index's own search pipeline first. Prefix search
//    while typing keeps working.
// 5. Language scripts load while the index downloads. When the reader reaches for search,
//    assets/search-defer.js sends {kbPrepare: page language}; the scripts Material would load
//    for it once the index is there are loaded now, and not loaded again then.
// The hook points __config.search here, with Material's worker file name in ?worker=.
// Listen before Material's worker does: it answers a query within its own listener, and it
// would reject the kbPrepare message as an unknown type.
self.addEventListener("message", function (event) {
  if (event.data && event.data.kbPrepare !== undefined) {
    event.stopImmediatePropagation();
    self.kbPrepare(String(event.data.kbPrepare).split("-")[0]);
    return;
  }
  if (self.kbOnMessage && event.data) self.kbOnMessage(event.data.data);
});
importScripts(new URL(self.location.href).searchParams.get("worker"));

// The next two are defined before 1 and 2 below, so that they run inside them: they see the
// results after missing words are corrected.
//
// 3. The entry named by the query comes first. Material ranks by lunr's score, in which a long
//    section that mentions a word often beats the short glossary entry, dimension or
//    organization whose name is the query. Scores are raised here by how well the result's title
//    matches the typed words: the whole title, then every word at the start of a title word.
// 4. Every result link carries the query. Material builds each link's ?h= from the words that
//    matched in that very section, so a page's group heading, which matched nothing itself, got
//    an empty ?h=; it now gets the words its sections matched.
(function (lunr) {
  function fold(text) {
    return String(text).replace(/<[^>]*>/g, " ").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // Words too common to tell titles apart (English and Spanish); lunr drops them from queries.
  var common = ("a an and as at by for in of on or the to with al con de del el en la las lo los " +
                "o para por que se su sus un una y e u").split(" ");
  function words(text) {
    return fold(text).split(/[^a-z0-9ñ+]+/).filter(function (word) {
      return word && common.indexOf(word) === -1;
    });
  }

  var titles = {};   // location -> the title's words: whole, without "(…)", and each "(…)" alone
  var typed = [];    // the words of the query as the reader typed it (lunr drops some, "estado")
  self.kbOnMessage = function (data) {
    if (typeof data === "string") typed = words(data);
    if (!data || !data.docs) return;
    titles = {};
    data.docs.forEach(function (doc) {
      var title = String(doc.title).replace(/<[^>]*>/g, "");
      var inBrackets = title.match(/\(([^)]*)\)/g) || [];
      titles[doc.location] = [words(title), words(title.replace(/\([^)]*\)/g, " "))]
        .concat(inBrackets.map(words));
    });
  };

  // How much a title matches the typed words: 0 (not at all) up to 1 (the title is the query).
  function titleMatch(title, typed) {
    if (!title || !title.length || !typed.length) return 0;
    var found = typed.filter(function (word) {
      var stem = word.length > 4 ? word.slice(0, Math.max(4, word.length - 2)) : word;
      return title.some(function (part) { return part === word || (stem.length > 3 && part.indexOf(stem) === 0); });
    });
    if (found.length < typed.length) return 0;
    if (title.length === typed.length) return 1;   // nothing in the title but the query
    return 0.3 * typed.length / title.length;      // fewer other words in the title: a closer match
  }

  function boost(forms) {
    var best = Math.max.apply(null, (forms || []).map(function (form) { return titleMatch(form, typed); }).concat(0));
    return best === 1 ? 100 : 1 + 20 * best;
  }

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function () {
    var results = query.apply(this, arguments);
    results.forEach(function (result) { result.score *= boost(titles[result.ref]); });
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  var post = self.postMessage;
  self.postMessage = function (message) {
    var items = message && message.data && message.data.items;
    (items || []).forEach(function (group) {
      var found = {};
      group.forEach(function (doc) {
        Object.keys(doc.terms || {}).forEach(function (word) { if (doc.terms[word]) found[word] = true; });
      });
      group.forEach(function (doc) {
        if (String(doc.location).indexOf("#") !== -1 || !doc.terms) return;
        Object.keys(found).forEach(function (word) { doc.terms[word] = true; });
      });
    });
    return post.apply(self, arguments);
  };
})(self.lunr);


(function (lunr) {
  function withoutAccents(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Material's worker loads lunr.<lang>.min.js with importScripts when the index arrives; wrap
  // each language's stemmer as soon as it is loaded, before the index is built with it. A script
  // already loaded by kbPrepare (5) is not loaded twice.
  var load = self.importScripts;
  var loaded = {};
  self.importScripts = function () {
    Array.prototype.forEach.call(arguments, function (url) {
      var absolute = new URL(url, self.location.href).href;
      if (loaded[absolute]) return;
      load.call(self, url);
      loaded[absolute] = true;
    });
    Object.keys(lunr).forEach(function (name) {
      var language = lunr[name];
      if (!language || typeof language.stemmer !== "function" || language.stemmer.kbFolded) return;
      var stemmer = language.stemmer;
      var folded = function (token) { return stemmer(token.update(withoutAccents)); };
      folded.kbFolded = true;
      folded.kbStopWords = language.stopWordFilter;   // the search pipeline has the stemmer only
      lunr.Pipeline.registerFunction(folded, "stemmer-" + name + "-without-accents");
      language.stemmer = folded;
    });
  };

  // The scripts Material's worker loads for a language (its own rule, from lunr's folder); none
  // for English, lunr's own. A failure is left for Material's load to report.
  self.kbPrepare = function (lang) {
    if (!/^[a-z]{2,3}$/.test(lang) || lang === "en") return;
    try {
      self.importScripts("../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr." + lang + ".min.js");
    } catch (error) { /* Material loads them again when the index arrives, and reports */ }
  };

  var stemOf = {};       // typed word -> its stem, for the last query
  var stopWords = {};    // typed words the pipeline drops ("la", "para"), for the last query
  var matchedBy = {};    // result location -> index tokens it matched, for the last query

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    var stemmer = pipeline._stack.filter(function (fn) { return fn.kbStopWords; })[0];
    var isStopWord = stemmer ? stemmer.kbStopWords : lunr.stopWordFilter;
    stemOf = {};
    stopWords = {};
    var results = query.call(this, function (q) {
      build.call(q, q);
      var typed = q.clauses.slice();
      q.clauses = q.clauses.filter(function (clause) {
        if (clause.usePipeline || clause.editDistance || !/^[^*]+\*$/.test(clause.term)) return true;
        var word = clause.term.slice(0, -1);
        if (!isStopWord(new lunr.Token(word, {}))) {  // "la*" would match "labor": leave it out
          stopWords[word] = true;
          return false;
        }
        var stems = pipeline.runString(word);
        if (stems.length === 1 && stems[0]) {
          stemOf[word] = stems[0];
          clause.term = stems[0] + "*";
        }
        return true;
      });
      if (!q.clauses.length) {   // only stop words were typed: search them as Material would
        q.clauses = typed;
        stopWords = {};
      }
    });
    matchedBy = {};
    results.forEach(function (result) { matchedBy[result.ref] = Object.keys(result.matchData.metadata); });
    return results;
  };

  // Material lists a typed word as missing from a result when no matched token starts with the
  // word itself ("etnica" vs the stem "etnic"): count a word as found when its stem matched, and
  // leave out stop words, which are never indexed and so would always look missing.
  var post = self.postMessage;
  self.postMessage = function (message) {
    var items = message && message.data && message.data.items;
    (items || []).forEach(function (group) {
      group.forEach(function (doc) {
        var tokens = matchedBy[doc.location] || [];
        Object.keys(doc.terms || {}).forEach(function (word) {
          if (stopWords[word]) { delete doc.terms[word]; return; }
          var stem = stemOf[word];
          if (!doc.terms[word] && stem && tokens.some(function (t) { return t.indexOf(stem) === 0; })) {
            doc.terms[word] = true;
          }
        });
      });
    });
    return post.apply(self, arguments);
  };
})(self.lunr);
