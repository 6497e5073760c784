"""Words too common to be a glossary term or an organization's name: the auto-linker links the first
occurrence of every term on every page, so a term "the" or "de" would link a word on almost all of
them. Function words only (articles, pronouns, prepositions, conjunctions, common verbs), lower case."""

COMMON_WORDS = {
    "en": frozenset("""
        a an the this that these those it its they them their we our you your he she his her i me my
        of in on at to for from by with about into over under between among through after before
        and or but nor so yet if than then as not no yes
        is are was were be been being has have had do does did can could will would may might must
        shall should all any each every some more most other such only also very
    """.split()),
    "es": frozenset("""
        el la los las lo un una unos unas este esta estos estas ese esa esos esas aquel aquella
        él ella ellos ellas su sus mi mis tu tus nuestro nuestra nos les le se me te yo
        de del al a en con por para sin sobre entre hasta desde hacia según tras ante bajo contra
        y e o u ni pero sino que si como cuando donde porque pues
        es son fue fueron ser sido está están estar ha han haber hay hace puede pueden
        no sí muy más menos todo toda todos todas otro otra otros otras cada también ya
    """.split()),
}
