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
