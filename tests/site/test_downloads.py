"""The open-data downloads, read as their users read them, against what the pages show."""

from __future__ import annotations

import csv
import io
import json
import re

import frictionless
import jsonschema
import openpyxl
import pytest
import rdflib
from rdflib.namespace import DCTERMS, SKOS

from conftest import SITE_URL

COLLECTIONS = ("glossary", "factors", "dimensions", "organizations", "sources", "editorial-notes")
# The page that lists each collection, and the heading level of one entry there.
LIST_PAGES = {"glossary": ("glossary/", "h3"), "factors": ("factors/", "h3"), "organizations": ("organizations/", "h3"),
              "sources": ("sources/", ".kb-source"), "editorial-notes": ("editorial-notes/", "h2")}
TABLES = ("glossary", "factors", "organizations")


def load(built, name):
    return json.loads((built / "downloads" / name).read_text(encoding="utf-8"))


def entries_shown(site, collection: str, prefix: str = "") -> list[str]:
    """Slugs of the entries a reader sees, in page order."""
    if collection == "dimensions":
        soup = site.soup(prefix + "dimensions/")
        return sorted({a["href"].split("/")[-2] for a in soup.select("article a[href]")
                       if re.fullmatch(r"(\.\./)*[a-z-]+/", a["href"]) and (site.root / prefix / "dimensions" / a["href"].split("/")[-2]).is_dir()})
    url, level = LIST_PAGES[collection]
    soup = site.soup(prefix + url)
    ids = [h.get("id") for h in soup.select(f"article {level}[id]")]
    data_slugs = {e["slug"] for e in json.loads((site.root / "downloads" / f"{collection}.json").read_text("utf-8"))["entries"]}
    return [i for i in ids if i in data_slugs or not i.startswith(("type-", "kind-", "letter-", "risk-factors", "resilience-factors", "kb-"))]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_each_json_download_is_valid_against_its_published_schema(built, collection):
    document = load(built, f"{collection}.json")
    schema = load(built, f"{collection}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["count"] == len(document["entries"])
    assert re.match(r"\d{4}-\d\d-\d\dT", document["version"])
    for entry in document["entries"]:
        assert entry["translation_status"] in ("current", "stale", "missing")
        assert "provenance" in entry and "licence" in entry
        assert entry["urls"]["en"].startswith(SITE_URL) and entry["urls"]["es"].startswith(SITE_URL + "es/")


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_each_json_download_holds_every_entry_both_editions_show(site, built, collection):
    slugs = [e["slug"] for e in load(built, f"{collection}.json")["entries"]]
    for prefix in ("", "es/"):
        assert sorted(entries_shown(site, collection, prefix)) == sorted(slugs), (collection, prefix)


def test_factor_texts_are_marked_as_the_papers_words(built):
    entry = load(built, "factors.json")["entries"][0]
    assert entry["licence"]["en.label"] == "paper"
    assert entry["provenance"]["kind"] == "paper"
    assert entry["dimensions"], "each factor names its dimensions"
    glossary = {e["slug"]: e for e in load(built, "glossary.json")["entries"]}
    # The working definition: the paper's words quoted (the paper's), the site's gloss (CC BY).
    assert glossary["mass-violence"]["quotation_from"]["kind"] == "paper"
    assert glossary["mass-violence"]["licence"]["en.quotation"] == "paper"
    assert glossary["mass-violence"]["licence"]["en.definition"] == "CC-BY-4.0"


def test_dimensions_list_their_factors_in_the_annex_order(built, site):
    dimensions = load(built, "dimensions.json")["entries"]
    factors = {e["slug"] for e in load(built, "factors.json")["entries"]}
    for dimension in dimensions:
        assert set(dimension["risks"]) | set(dimension["resiliencies"]) <= factors
        page = site.soup(f"dimensions/{dimension['slug']}/")
        linked = [a["href"].rsplit("#", 1)[-1] for a in page.select("article a[href*='factors/#']")]
        assert [s for s in linked if s in dimension["risks"]] == dimension["risks"], dimension["slug"]


@pytest.mark.parametrize("lang", ("en", "es"))
@pytest.mark.parametrize("collection", TABLES)
def test_csv_tables_are_rfc4180_with_a_bom_and_every_entry(built, site, collection, lang):
    path = built / "downloads" / f"{collection}-{lang}.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark"
    # As a data portal or `frictionless validate` reads it: no blank or ragged rows, no duplicate
    # or missing headers, every cell of its inferred type.
    report = frictionless.Resource(path=path.name, basepath=str(path.parent)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert sorted(r["slug"] for r in rows) == sorted(entries_shown(site, collection, "" if lang == "en" else "es/"))
    for column in ("translation_status", "provenance", "licence", "url"):
        assert column in rows[0], column
    assert all(r["url"].startswith(SITE_URL + ("es/" if lang == "es" else "")) for r in rows)


def test_spanish_tables_carry_the_spanish_texts(built):
    factors = load(built, "factors.json")["entries"]
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO((built / "downloads" / "factors-es.csv").read_text("utf-8-sig"), newline=""))}
    dimensions = {d["slug"]: (d["es"] or d["en"])["title"] for d in load(built, "dimensions.json")["entries"]}
    for entry in factors:
        expected = (entry["es"] or entry["en"])["label"]
        assert rows[entry["slug"]]["label"] == expected
        assert rows[entry["slug"]]["dimension_titles"] == "; ".join(dimensions[d] for d in entry["dimensions"])


@pytest.mark.parametrize("lang", ("en", "es"))
def test_the_workbook_opens_with_every_table(built, lang):
    workbook = openpyxl.load_workbook(built / "downloads" / f"knowledge-base-{lang}.xlsx", read_only=True)
    assert workbook.sheetnames == ["about", *TABLES]
    for name in TABLES:
        rows = list(workbook[name].iter_rows(values_only=True))
        header, body = rows[0], rows[1:]
        assert "slug" in header and "provenance" in header
        slugs = [r[header.index("slug")] for r in body]
        assert sorted(slugs) == sorted(e["slug"] for e in load(built, f"{name}.json")["entries"])


def test_the_glossary_is_a_valid_skos_concept_scheme(built):
    graph = rdflib.Graph().parse(built / "downloads" / "glossary.skos.jsonld", format="json-ld")
    glossary = load(built, "glossary.json")["entries"]
    concepts = set(graph.subjects(rdflib.RDF.type, SKOS.Concept))
    assert len(concepts) == len(glossary)
    schemes = set(graph.subjects(rdflib.RDF.type, SKOS.ConceptScheme))
    assert schemes == {rdflib.URIRef(SITE_URL + "glossary/")}
    def definitions(concept):
        """Each definition as (text, language, source): a literal, or a resource naming its source."""
        for d in graph.objects(concept, SKOS.definition):
            if isinstance(d, rdflib.Literal):
                yield str(d), d.language, None
            else:
                value = graph.value(d, rdflib.RDF.value)
                yield str(value), value.language, graph.value(d, DCTERMS.source)

    for entry in glossary:
        concept = rdflib.URIRef(f"{SITE_URL}glossary/#{entry['slug']}")
        labels = {(str(l), l.language) for l in graph.objects(concept, SKOS.prefLabel)}
        assert (entry["en"]["term"], "en") in labels
        if entry["es"]:
            assert (entry["es"]["term"], "es") in labels
            assert any(lang == "es" for _, lang, _ in definitions(concept))
        # A quoted definition (the paper's working definitions among them) is the definition, with
        # its source; the site's gloss is a note.
        if entry["en"].get("quotation"):
            (quoted,) = [d for d in definitions(concept) if d[1] == "en"]
            assert quoted[0] == entry["en"]["quotation"] and quoted[2] is not None, entry["slug"]
            assert entry["en"]["definition"] in {str(n) for n in graph.objects(concept, SKOS.scopeNote)}
        if entry["source"] != "site":
            assert graph.value(concept, DCTERMS.source) == rdflib.URIRef(f"{SITE_URL}sources/#{entry['source']}")
    # skos:related is symmetric: every link is written on both concepts.
    pairs = set(graph.subject_objects(SKOS.related))
    assert pairs and all((b, a) in pairs for a, b in pairs)
    for entry in glossary:
        related = {str(r) for r in graph.objects(rdflib.URIRef(f"{SITE_URL}glossary/#{entry['slug']}"), SKOS.related)}
        assert {f"{SITE_URL}glossary/#{s}" for s in entry["related"]} <= related


@pytest.mark.parametrize("prefix", ("", "es/"))
def test_the_data_page_lists_every_download_with_its_size(site, built, prefix):
    soup = site.soup(prefix + "data/")
    rows = soup.select(".kb-downloads tbody tr")
    listed = {row["data-kb-file"] for row in rows}
    published = {p.relative_to(built).as_posix() for p in (built / "downloads").iterdir()}
    assert listed == published
    for row in rows:
        link = row.select_one("a[href]")
        target = (site.path(prefix + "data/").parent / link["href"]).resolve()
        assert target.exists(), link["href"]
        size = row.select_one(".kb-size").get_text()
        assert re.fullmatch(r"\d+(?:[.,]\d)? (?:B|KB|MB)", size), size


@pytest.mark.release
def test_two_builds_give_byte_identical_downloads_and_json_ld(built, built_again):
    again = built_again
    first = {p.relative_to(built): p.read_bytes() for p in (built / "downloads").iterdir()}
    second = {p.relative_to(again): p.read_bytes() for p in (again / "downloads").iterdir()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    for page in ("glossary/index.html", "es/glossary/index.html", "about/index.html", "es/index.html"):
        ld = lambda root: re.findall(r'<script type="application/ld\+json">.*?</script>', (root / page).read_text("utf-8"))  # noqa: E731
        assert ld(built) == ld(again), page


@pytest.mark.parametrize("prefix", ("", "es/"))
def test_the_data_page_describes_every_download_as_a_dataset(site, prefix):
    """Dataset search engines read schema.org Dataset: one DataDownload per file the page lists,
    each with a media type and the licence its table row gives."""
    soup = site.soup(prefix + "data/")
    (dataset,) = [d for d in (json.loads(s.string) for s in soup.select('script[type="application/ld+json"]'))
                  if d["@type"] == "Dataset"]
    rows = {row["data-kb-file"]: row.select("td")[-1].get_text() for row in soup.select(".kb-downloads tbody tr")}
    files = {d["contentUrl"].removeprefix(SITE_URL): d for d in dataset["distribution"]}
    assert files.keys() == rows.keys()
    assert dataset["creator"]["@type"] == "Organization" and dataset["description"]
    for path, download in files.items():
        assert download["@type"] == "DataDownload" and "/" in download["encodingFormat"], path
        licence = download["license"]
        shown = rows[path]
        if isinstance(licence, str):
            assert licence == "https://creativecommons.org/licenses/by/4.0/" and shown == "CC BY 4.0", path
        else:
            assert licence["name"] == shown and shown != "CC BY 4.0", path
    # The annex's wording and the quoted definitions are the paper's: not CC BY alone.
    assert files["downloads/dimensions.json"]["license"] != "https://creativecommons.org/licenses/by/4.0/"
    assert files["downloads/glossary.skos.jsonld"]["license"] != "https://creativecommons.org/licenses/by/4.0/"
