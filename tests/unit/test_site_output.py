from kb.site_output import (add_x_default, configure_search, drop_from_sitemap, mark_english_titles,
                            split_search_index, strip_alternate_links)


def test_search_index_is_split_per_language_with_locations_relative_to_each_root():
    index = {"config": {"lang": ["en", "es"], "pipeline": ["stemmer"]},
             "docs": [{"location": "about/", "title": "About"}, {"location": "es/about/", "title": "Sobre"},
                      {"location": "", "title": "Home"}, {"location": "es/", "title": "Inicio"}]}
    parts = split_search_index(index, {"es": "es/"})
    assert [d["title"] for d in parts["default"]["docs"]] == ["About", "Home"]
    assert [d["location"] for d in parts["es"]["docs"]] == ["about/", ""]
    assert parts["es"]["config"] == {"lang": ["es"], "pipeline": ["stemmer"]}
    assert parts["default"]["config"]["lang"] == ["en"]


def test_spanish_pages_search_their_own_index_through_our_worker():
    html = ('<script id="__config" type="application/json">{"annotate": null, "base": "../..", "features": [], '
            '"search": "../../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    out = configure_search(html, "es/")
    assert '"base": "../../es/"' in out and out.startswith('<script id="__config"') and out.endswith("</script>")
    assert '"search": "../../assets/javascripts/workers/kb-search.js?worker=search.a7633da7.min.js"' in out
    assert '"base": "../.."' in configure_search(html)


def test_alternate_links_leave_the_head_and_the_sitemap_gets_x_default():
    head = '<head>\n<link rel="canonical" href="x">\n  <link rel="alternate" href="../" hreflang="en">\n  <link rel="alternate" href="../es/" hreflang="es">\n<title>t</title></head>'
    assert strip_alternate_links(head) == '<head>\n<link rel="canonical" href="x">\n<title>t</title></head>'
    sitemap = ('<url>\n  <loc>https://s.org/es/a/</loc>\n  <xhtml:link rel="alternate" hreflang="en" href="https://s.org/a/"/>\n'
               '  <xhtml:link rel="alternate" hreflang="es" href="https://s.org/es/a/"/>\n</url>')
    out = add_x_default(sitemap, "en")
    assert out.endswith('hreflang="es" href="https://s.org/es/a/"/>\n  <xhtml:link rel="alternate" hreflang="x-default" href="https://s.org/a/"/>\n</url>')
    assert add_x_default(out, "en") == out


def test_untranslated_pages_leave_the_sitemap():
    sitemap = ('<urlset><url><loc>https://s.org/a/</loc><xhtml:link rel="alternate" hreflang="es" href="https://s.org/es/a/"/></url>'
               '<url><loc>https://s.org/es/a/</loc></url></urlset>')
    out = drop_from_sitemap(sitemap, {"https://s.org/es/a/"})
    assert "es/a/" not in out and "<loc>https://s.org/a/</loc>" in out


def test_italic_titles_of_english_works_are_marked_english():
    titles = frozenset({"Pathways for Peace: Inclusive Approaches to Preventing Violent Conflict", "Over Zero"})
    html = "<p><em>Pathways for Peace</em>, <em>Over  Zero</em> y <em>Opciones de paz</em></p>"
    assert mark_english_titles(html, titles) == (
        '<p><em lang="en">Pathways for Peace</em>, <em lang="en">Over  Zero</em> y <em>Opciones de paz</em></p>')


# --- "Report a problem" and edit links (kb/page_links.py) ---------------------------------------
from kb.page_links import ReportWords, at_line, report_problem_html  # noqa: E402

EN = ReportWords("Report a problem", "Problem on the page", "Page", "What is wrong?", "or write to")
ES = ReportWords("Reportar un error", "Error en la página", "Página", "¿Qué está mal?", "o escriba a")


def test_report_line_is_absent_when_neither_repository_nor_address_is_configured():
    assert report_problem_html("", "", "About", "https://kb.example.org/about/", EN, ES) == ""


def test_report_line_shows_no_address_when_none_is_configured():
    html = report_problem_html("https://github.com/o/r", "", "About", "https://kb.example.org/about/", EN, ES)
    assert "mailto:" not in html and "or write to" not in html and "/issues/new?" in html


def test_report_line_with_an_address_only_offers_the_address():
    html = report_problem_html("", "kb@example.org", "About", "https://kb.example.org/about/", EN, ES)
    assert "/issues/new" not in html and "Report a problem: <a href=\"mailto:kb@example.org?subject=" in html


def test_report_link_escapes_a_title_with_markup_characters():
    html = report_problem_html("https://github.com/o/r/", "", 'A "quoted" <title> & more', "https://x/", EN, ES)
    assert "<title>" not in html and '"quoted"' not in html
    assert "https://github.com/o/r/issues/new?title=Problem%20on%20the%20page%3A%20A%20%22quoted%22" in html


def test_edit_link_at_a_line_only_when_there_is_a_link_and_a_line():
    assert at_line("https://github.com/o/r/edit/main/data/d.yml", 12) == "https://github.com/o/r/edit/main/data/d.yml#L12"
    assert at_line("https://github.com/o/r/edit/main/data/d.yml", 0) == "https://github.com/o/r/edit/main/data/d.yml"
    assert at_line("", 12) == ""


def test_entry_edit_links_follow_headings_and_open_entry_boxes():
    from kb.page_links import add_entry_edit_links
    html = ('<h2 id="letter-a">A</h2><h3 id="atrocities">Atrocities<a class="headerlink" href="#atrocities">¶</a></h3>'
            '<p>…</p><div class="kb-source" id="hippo-report"><em>HIPPO</em></div><h3 id="not-an-entry">X</h3>')
    lines = {("data/glossary.yml", "atrocities"): 30, ("data/glossary.yml", "hippo-report"): 7}
    out = add_entry_edit_links(html, "data/glossary.yml", lines, "https://g/o/r/edit/main/data/glossary.yml", "Edit <this>")
    link = '<a class="kb-entry-edit" href="https://g/o/r/edit/main/data/glossary.yml#L{}">Edit &lt;this&gt;</a>'
    assert out == ('<h2 id="letter-a">A</h2><h3 id="atrocities">Atrocities<a class="headerlink" href="#atrocities">¶</a></h3>'
                   + link.format(30) + '<p>…</p><div class="kb-source" id="hippo-report">' + link.format(7)
                   + '<em>HIPPO</em></div><h3 id="not-an-entry">X</h3>')
    assert add_entry_edit_links(html, "data/glossary.yml", lines, "", "Edit") == html   # no edit URL, no links



def test_fix_theme_html_removes_what_the_nu_checker_rejects_in_materials_markup():
    from kb.site_output import fix_theme_html
    page = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocomplete="off">'
            '<label class="md-nav__title" for="__toc">Contents</label>')
    fixed = fix_theme_html(page)
    assert 'type="checkbox" id="__drawer">' in fixed
    assert 'class="md-search__input" autocomplete="off"' in fixed      # allowed on text fields
    assert '<label class="md-nav__title">Contents</label>' in fixed     # no __toc control here
    with_toc = page + '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert 'for="__toc"' in fix_theme_html(with_toc)


def test_edition_texts_are_json_data_in_the_head_for_every_language():
    import json
    from types import SimpleNamespace
    from kb.site_output import add_edition_texts
    knowledge = SimpleNamespace(ui=lambda key, lang: f"{key}-{lang}</script>")
    html = add_edition_texts("<html><head></head><body><script src=x></script></body></html>", knowledge, ["en", "es"])
    head = html[: html.index("</head>")]
    data = head[head.index(">", head.index('id="kb-editions"')) + 1: head.rindex("</script>")]
    assert "</script>-" not in data                                    # cannot close the element early
    assert json.loads(data)["es"]["edition_hint"] == "edition_hint-es</script>"
