"""The auto-linker: first occurrence only, longest match, never inside headings, links or code."""

from kb.autolink import Target, TermMatcher, link_first_occurrences, site_paths_linked


def linker(*forms):
    matcher = TermMatcher(forms)
    targets = {key: Target(key, f"glossary/#{key}", f"Definition of {key}.", "kb-term") for _, key in forms}
    return matcher, targets


def link(html, *forms, already=()):
    matcher, targets = linker(*forms)
    return link_first_occurrences(html, matcher, targets, set(already))


def test_links_only_the_first_occurrence():
    html, linked = link("<p>genocide, then genocide again.</p>", ("genocide", "g"))
    assert html.count("<a ") == 1 and html.startswith('<p><a href="glossary/#g" class="kb-term" title="Definition of g.">genocide</a>')
    assert linked == {"g"}


def test_longest_form_wins_and_nothing_is_linked_inside_it():
    html, linked = link("<p>mass atrocities are atrocities</p>", ("mass atrocities", "ma"), ("atrocities", "a"))
    assert '>mass atrocities</a>' in html and '>atrocities</a>' in html.split("are", 1)[1]
    assert linked == {"ma", "a"}


def test_never_inside_headings_links_code_or_admonition_titles():
    html = ('<h2 id="x">Genocide</h2><p><a href="/y">genocide</a> <code>genocide</code></p>'
            '<p class="admonition-title">Genocide</p><pre><code>genocide</code></pre><p>Genocide.</p>')
    out, _ = link(html, ("genocide", "g"))
    assert out.count('class="kb-term"') == 1 and out.endswith('<p><a href="glossary/#g" class="kb-term" title="Definition of g.">Genocide</a>.</p>')


def test_case_insensitive_for_words_but_exact_for_acronyms():
    out, linked = link("<p>r2p and Genocide and R2P</p>", ("R2P", "r"), ("genocide", "g"))
    assert ">Genocide</a>" in out and ">R2P</a>" in out and ">r2p</a>" not in out


def test_regular_plurals_and_multiword_gaps():
    out, linked = link("<p>Atrocity   crimes and women, peace and security</p>",
                       ("atrocity crime", "ac"), ("women, peace and security", "wps"))
    assert linked == {"ac", "wps"}


def test_accents_must_match_in_spanish():
    out, linked = link("<p>la limpieza etnica y la limpieza étnica</p>", ("limpieza étnica", "le"))
    assert out.count("<a ") == 1 and ">limpieza étnica</a>" in out


def test_names_with_symbols():
    out, linked = link("<p>Peace and +Peace and DM&amp;E for Peace and Impact:Peace</p>",
                       ("+Peace", "p"), ("DM&E for Peace", "d"), ("Impact:Peace", "i"))
    assert linked == {"p", "d", "i"} and out.startswith("<p>Peace and <a")


def test_terms_linked_by_hand_are_not_linked_again():
    out, linked = link("<p>genocide</p>", ("genocide", "g"), already={"g"})
    assert "<a " not in out and linked == set()


def test_tooltip_is_escaped():
    matcher = TermMatcher([("genocide", "g")])
    out, _ = link_first_occurrences("<p>genocide</p>", matcher, {"g": Target("g", "x", 'a "quoted" <b>', "kb-term")})
    assert 'title="a &quot;quoted&quot; &lt;b&gt;"' in out


def test_among_thousands_of_terms_each_text_finds_its_own():
    """Many forms, most sharing a first word with another: each match is the exact form, and a
    first word alone matches nothing (the speed itself is scripts/benchmark.py's figure)."""
    many = [(f"term{i} phrase", f"k{i}") for i in range(5000)]
    matcher = TermMatcher(many + [("genocide", "g"), ("term7 phrase longer", "long")])
    text = "genocide, term7 phrase, term7 phrase longer, term7 alone, term4999 phrase"
    assert [(text[a:b], key) for a, b, key in matcher.find(text)] == [
        ("genocide", "g"), ("term7 phrase", "k7"), ("term7 phrase longer", "long"), ("term4999 phrase", "k4999")]


def test_a_tooltip_shows_words_not_markdown_emphasis():
    """Titles of works are written in *emphasis*: in a title attribute the asterisks would show."""
    from kb.build import build_linker
    from kb.knowledge import load_knowledge
    from conftest import ROOT
    _, targets, _ = build_linker(load_knowledge(ROOT / "data"), "es", "en")
    world_bank = targets["org:world-bank"].title
    assert world_bank.startswith("Coautor, con las Naciones Unidas, del estudio de 2018 Pathways for Peace (Opciones de paz),")
    assert not [t.key for t in targets.values() if "*" in t.title]


def test_never_inside_titles_of_works():
    out, linked = link("<p><em>Strategy on Mass Violence</em> and mass violence</p>", ("mass violence", "mv"))
    assert out == '<p><em>Strategy on Mass Violence</em> and <a href="glossary/#mv" class="kb-term" title="Definition of mv.">mass violence</a></p>'


def test_possessives_are_linked():
    out, linked = link("<p>Interpeace’s research and the Pulitzer Center's conference</p>",
                       ("Interpeace", "i"), ("Pulitzer Center", "p"))
    assert linked == {"i", "p"} and ">Interpeace’s</a>" in out and ">Pulitzer Center's</a>" in out


def test_links_are_prefixed_to_lead_from_the_page_to_the_target():
    matcher, targets = linker(("genocide", "g"))
    out, _ = link_first_occurrences("<p>genocide</p>", matcher, targets, url_prefix="../../")
    assert 'href="../../glossary/#g"' in out


def test_links_written_by_hand_are_resolved_to_site_paths():
    html = '<a href="../../glossary/#genocide">x</a><a href="../">up</a><a href="https://x.org/#a">ext</a><a href="#local">l</a>'
    assert site_paths_linked(html, "es/assumptions/evidence/") == {"es/glossary/#genocide", "es/assumptions/", "es/assumptions/evidence/#local"}
    assert site_paths_linked('<a href="glossary/#x">x</a>', "") == {"glossary/#x"}


def test_a_trailing_plus_is_part_of_the_name():
    out, linked = link("<p>ODS 16+ and later ODS 16</p>", ("ODS 16", "sdg16"), ("ODS 16+", "plus"))
    assert linked == {"sdg16", "plus"} and ">ODS 16+</a>" in out and ">ODS 16</a>" in out


def test_a_web_address_written_out_is_never_split_by_a_link():
    from kb.autolink import Target, TermMatcher, link_first_occurrences
    matcher = TermMatcher([("zorblat", "k")])
    html, _ = link_first_occurrences("<p>See https://example.org/zorblat-report and zorblat.</p>", matcher,
                                     {"k": Target("k", "glossary/#z", "Z", "kb-term")})
    assert "https://example.org/zorblat-report" in html and html.count("<a ") == 1
