// Search worker: Material's own worker, plus stemming of the terms readers type.
//
// Material appends "*" to every query term ("genocidio" -> "genocidio*"), and lunr skips the
// stemmer for wildcard terms, so a full word never meets the stemmed index ("genocidi"). Here
// each such term goes through the index's search pipeline first (Spanish: trimmer, stop words,
// Snowball stemmer, which also drops accents): "depuracion" and "depuración" both become
// "depur*". Prefix search while typing keeps working. The hook points __config.search here,
// with Material's worker file name in ?worker=.
importScripts(new URL(self.location.href).searchParams.get("worker"));

(function (lunr) {
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(q, q);
      q.clauses.forEach(function (clause) {
        if (clause.usePipeline || clause.editDistance || !/^[^*]+\*$/.test(clause.term)) return;
        var stems = pipeline.runString(clause.term.slice(0, -1));
        if (stems.length === 1 && stems[0]) clause.term = stems[0] + "*";
      });
    });
  };
})(self.lunr);
