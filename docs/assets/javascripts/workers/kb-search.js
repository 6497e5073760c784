// Search worker: Material's own worker, plus two things Spanish readers need.
//
// 1. Accents do not matter. Snowball's Spanish stemmer recognises "-ación" only with its accent
//    ("depuración" -> "depur", but "depuracion" stays as typed), so language stemmers here
//    receive words with their accents removed, in the index and in queries alike.
// 2. Typed words are stemmed. Material appends "*" to every query term ("genocidio*"), and
//    lunr skips the stemmer for wildcard terms, so a full word never met the stemmed index.
//    Each such term now goes through the index's own search pipeline first. Prefix search
//    while typing keeps working.
// The hook points __config.search here, with Material's worker file name in ?worker=.
importScripts(new URL(self.location.href).searchParams.get("worker"));

(function (lunr) {
  function withoutAccents(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Material's worker loads lunr.<lang>.min.js with importScripts when the index arrives; wrap
  // each language's stemmer as soon as it is loaded, before the index is built with it.
  var load = self.importScripts;
  self.importScripts = function () {
    load.apply(self, arguments);
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
