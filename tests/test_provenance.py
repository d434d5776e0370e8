"""compare/provenance.py: who copied from whom, on small hand-written stories.

The stories (a burst water main, a ferry strike) are written for these tests; each sentence
has its own content words, so the fake embedder aligns exactly the sentences that were copied.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.errors import CompareError
from compare.facts import FactExtractor
from compare.ingest import Metadata, from_text
from compare.models import Article, Provenance
from compare.provenance import article_ids, trace
from compare.render.provenance import render_json
from compare.render.provenance_terminal import render_provenance
from compare.schema import PROVENANCE_SCHEMA_FILE, load_schema
from tests.conftest import FakeEmbedder
from tests.report_data import use_fake_model
from tests.test_schema import strict

# A local paper's original report.
GAZETTE = """A water main burst under Elm Street early on Tuesday, flooding basements in twelve homes.

City engineers shut the valve after three hours of work.

The mayor said repairs would cost about 400,000 dollars.

Residents were told to boil tap water until Friday.

Schools in the district stayed open."""

# Copies three of its sentences (one with a credit), drops two, adds its own.
POST = """A water main burst under Elm Street early on Tuesday, flooding basements in twelve homes.

City engineers shut the valve after three hours of work, the Harbor Gazette reported.

The mayor said repairs would cost about 400,000 dollars.

The utility blamed corroded iron pipes laid in 1958."""

# A third outlet's unrelated story, with one paragraph the last rewrite borrows.
BAKERS = """Flour prices rose for a third month in April, squeezing small shops.

A local bakery handed out free bottled water to neighbours on Tuesday.

Its owner said rye loaves now cost twice what they did last spring."""

# Copies the Post (including the Post's own addition) and the bakery paragraph.
TIMES = """A water main burst under Elm Street early on Tuesday, flooding basements in twelve homes.

The mayor said repairs would cost about 400,000 dollars.

The utility blamed corroded iron pipes laid in 1958.

A local bakery handed out free bottled water to neighbours on Tuesday."""

# A wire story, and two outlets that each take part of it (overlapping) and add their own line.
WIRE = """Ferry crews walked off the job at dawn over unpaid overtime.

Sailings between the two islands were cancelled until further notice.

The union demanded back pay covering eighteen months.

Harbour officials warned that fuel deliveries could run short.

Talks are scheduled for Thursday afternoon at the labour ministry."""

ISLAND = """Ferry crews walked off the job at dawn over unpaid overtime.

Sailings between the two islands were cancelled until further notice.

The union demanded back pay covering eighteen months.

Stranded tourists queued outside the terminal cafe."""

COAST = """Sailings between the two islands were cancelled until further notice.

The union demanded back pay covering eighteen months.

Harbour officials warned that fuel deliveries could run short.

Fishermen offered private boats to carry medicine across."""


def article(text: str, article_id: str, outlet: str, published: str | None = None) -> Article:
    day = date.fromisoformat(published) if published else None
    return from_text(text, article_id, Metadata(outlet=outlet, published=day), source=f"{outlet}.txt")


def edges(p: Provenance) -> set[tuple[str, str]]:
    return {(e.source, e.rewrite) for e in p.edges}


def origins(p: Provenance, article_id: str) -> dict[str, tuple[str | None, str | None]]:
    """Each sentence's (source, origin), keyed by the sentence's first four words."""
    art = p.article(article_id)
    text = {s.id: " ".join(s.text.split()[:4]) for s in art.result.news}
    return {text[o.sentence]: (o.source, o.origin) for o in art.origins}


@pytest.fixture
def chain() -> Provenance:
    """A (1 May) → B (2 May) → C (3 May), and D (2 May) lends C one paragraph."""
    return trace(
        [
            article(GAZETTE, "A", "Harbor Gazette", "2024-05-01"),
            article(POST, "B", "River Post", "2024-05-02"),
            article(TIMES, "C", "Valley Times", "2024-05-03"),
            article(BAKERS, "D", "Bakers Weekly", "2024-05-02"),
        ],
        FakeEmbedder(),
    )


def test_a_chain_and_a_third_outlet_paragraph(chain: Provenance) -> None:
    assert edges(chain) == {("A", "B"), ("B", "C"), ("D", "C")}
    assert chain.article("C").sources == ("B", "D")  # main source first
    assert chain.article("A").sources == () and chain.article("D").sources == ()
    # C's sentences: through B, traced back to A where A has them; B's own addition stays B's;
    # the bakery paragraph comes from D, not "added".
    assert origins(chain, "C") == {
        "A water main burst": ("B", "A"),
        "The mayor said repairs": ("B", "A"),
        "The utility blamed corroded": ("B", "B"),
        "A local bakery handed": ("D", "D"),
    }
    assert origins(chain, "B")["The utility blamed corroded"] == (None, None)
    assert chain.article("C").own == 0.0 and 0 < chain.article("B").own < 0.3
    assert all(not p.uncertain and p.basis == "date" for p in chain.pairs)
    # C shares content with A too, but that is credited to B, which carries C's addition from B.
    assert {(p.source, p.rewrite) for p in chain.pairs} == {("A", "B"), ("A", "C"), ("B", "C"), ("D", "C")}
    assert all(not p.common_sources for p in chain.pairs)


def test_shares_are_of_words_and_verbatim_counts_identical_stretches(chain: Provenance) -> None:
    ab = next(p for p in chain.pairs if (p.source, p.rewrite) == ("A", "B"))
    # B carries 3 of A's 5 sentences; one of them gained a credit, so verbatim < carried on B's side.
    assert ab.sentences == 3
    assert 0.6 < ab.source_carried == ab.source_verbatim < 0.8
    assert ab.rewrite_verbatim < ab.rewrite_carried
    dc = next(e for e in chain.edges if (e.source, e.rewrite) == ("D", "C"))
    assert dc.sentences == ("C4",) and dc.explains == dc.pair.rewrite_carried


def test_common_wire_story(tmp_path: Path) -> None:
    wire = article(WIRE, "A", "Wire", "2024-06-01")
    island = article(ISLAND, "B", "Island News", "2024-06-02")
    coast = article(COAST, "C", "Coast Daily", "2024-06-03")
    p = trace([wire, island, coast], FakeEmbedder())
    # Both rewrites are credited to the wire, not C to B, and the pair says why.
    assert edges(p) == {("A", "B"), ("A", "C")}
    bc = next(x for x in p.pairs if (x.source, x.rewrite) == ("B", "C"))
    assert bc.common_sources == ("A",) and bc.sentences == 2
    assert "common source possible: A" in render_provenance(p)
    # Without the wire story among the inputs, the two look as if one copied the other:
    # the documented limit. Nothing earlier can be named as a common source.
    alone = trace([island, coast], FakeEmbedder())
    assert edges(alone) == {("B", "C")} and alone.pairs[0].common_sources == ()


def test_undated_articles_are_ordered_by_evidence_and_marked_uncertain() -> None:
    gazette, post = article(GAZETTE, "A", "Harbor Gazette"), article(POST, "B", "River Post")
    # Given in either order, the Post names the Gazette, so the Post is the later.
    for given in ([gazette, post], [post, gazette]):
        p = trace(given, FakeEmbedder())
        (edge,) = p.edges
        assert (p.article(edge.source).result.article.outlet, p.article(edge.rewrite).result.article.outlet) == (
            "Harbor Gazette",
            "River Post",
        )
        assert edge.pair.uncertain and edge.pair.basis == "evidence"
        assert edge.pair.why.startswith("no date for ") and "B names A's outlet (“Harbor Gazette”)" in edge.pair.why
    report = render_provenance(trace([gazette, post], FakeEmbedder()))
    assert "? evidence" in report and "uncertain" in report


def test_same_day_articles_keep_the_order_given_and_say_what_containment_hints() -> None:
    day = "2024-05-02"
    # The Times carries all of this short piece and adds to it; a trimmed rewrite looks the
    # same, so with nothing stronger the order given stands and the hint is only reported.
    short = article(
        TIMES.split("\n\n")[0] + "\n\nThe mayor said repairs would cost about 400,000 dollars.", "A", "X", day
    )
    long = article(TIMES, "B", "Y", day)
    for given in ([short, long], [long, short]):
        p = trace([article(a.text, i, a.outlet, day) for a, i in zip(given, "AB", strict=True)], FakeEmbedder())
        (edge,) = p.edges
        assert (edge.source, edge.rewrite, edge.pair.basis) == ("A", "B", "order") and edge.pair.uncertain
        assert "both published 2024-05-02" in edge.pair.why
        if given[0] is long:  # containment points the other way: said, not followed
            assert "carries 100% of" in edge.pair.why and "not enough to reverse it" in edge.pair.why
        else:
            assert "no evidence either way" in edge.pair.why
    # Two copies of one text: nothing says which came first, and the report says so.
    twins = trace([article(ISLAND, "A", "P"), article(ISLAND, "B", "Q")], FakeEmbedder())
    (edge,) = twins.edges
    assert (edge.source, edge.rewrite, edge.pair.basis) == ("A", "B", "order")
    assert "no evidence either way" in edge.pair.why


def test_each_sentence_is_embedded_once_across_pairs() -> None:
    class Counting(FakeEmbedder):
        def __init__(self) -> None:
            super().__init__()
            self.texts: list[str] = []

        def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
            self.texts.extend(texts)
            return super().embed_batch(texts)

    embedder = Counting()
    trace(
        [article(GAZETTE, "A", "G"), article(POST, "B", "P"), article(TIMES, "C", "T"), article(BAKERS, "D", "B")],
        embedder,
    )
    assert len(embedder.texts) == len(set(embedder.texts))


def test_unrelated_articles_have_no_edges() -> None:
    p = trace([article(GAZETTE, "A", "G"), article(WIRE, "B", "W")], FakeEmbedder())
    assert p.edges == () and p.pairs == ()
    assert all(a.own == 1.0 for a in p.articles)
    assert "No article carries content from another." in render_provenance(p)


def test_fewer_than_two_articles_is_an_error() -> None:
    with pytest.raises(CompareError, match="at least two articles, got 1"):
        trace([article(GAZETTE, "A", "G")], FakeEmbedder())
    with pytest.raises(CompareError, match="ids must be unique"):
        trace([article(GAZETTE, "A", "G"), article(POST, "A", "P")], FakeEmbedder())


def test_article_ids_go_past_z() -> None:
    ids = article_ids(30)
    assert ids[:3] == ["A", "B", "C"] and ids[25:28] == ["Z", "AA", "AB"] and len(set(ids)) == 30


def test_json_document_meets_its_schema(chain: Provenance) -> None:
    schema = load_schema(PROVENANCE_SCHEMA_FILE)
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(render_json(chain))
    jsonschema.Draft202012Validator(strict(schema), format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["schema"] == "compare-provenance/1"
    assert doc["summary"]["edges"] == 3 and doc["summary"]["uncertain"] == 0
    texts = {a.result.article.id: a.result.article.text for a in chain.articles}
    for art in doc["articles"]:
        for s in art["sentences"]:
            assert texts[art["id"]][s["start"] : s["end"]] == s["text"]
    c = next(a for a in doc["articles"] if a["id"] == "C")
    assert [(s["source"], s["origin"]) for s in c["sentences"]] == [("B", "A"), ("B", "A"), ("B", "B"), ("D", "D")]


#: The chain's articles as files: name, outlet, date, text.
CHAIN_FILES = (
    ("gazette", "Harbor Gazette", "2024-05-01", GAZETTE),
    ("post", "River Post", "2024-05-02", POST),
    ("times", "Valley Times", "2024-05-03", TIMES),
)


def article_files(folder: Path, specs: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """Text files with front matter (outlet, date), as a user would pass them to compare many."""
    files = []
    for name, outlet, day, text in specs:
        path = folder / f"{name}.txt"
        path.write_text(f"---\noutlet: {outlet}\npublished: {day}\n---\n{text}\n", encoding="utf-8")
        files.append(str(path))
    return files


def test_cli_many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch)
    files = article_files(tmp_path, CHAIN_FILES)
    target = tmp_path / "provenance.json"
    result = CliRunner().invoke(main, ["many", *files, "--json", str(target), "--no-facts"])
    assert result.exit_code == 0, result.stderr
    assert "Who copied from whom" in result.stdout and "Harbor Gazette → River Post" in result.stdout
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["summary"]["text"].startswith("Of 3 articles, 2 draw on earlier ones: B takes 81% of its news from A;")
    assert [(e["source"], e["rewrite"]) for e in doc["edges"]] == [("A", "B"), ("B", "C")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazette.txt", "post.txt", "provenance.json", "times.txt"]
    # Errors: one line, an exit code, no traceback.
    result = CliRunner().invoke(main, ["many", files[0]])  # a usage error, as a missing argument is
    assert result.exit_code == 2 and "Error: compare many needs at least two articles, got 1" in result.stderr
    result = CliRunner().invoke(main, ["many", files[0], str(tmp_path / "gone.txt"), "-f", "json", "-o", str(target)])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_dated_and_undated_articles_make_one_order_without_cycles() -> None:
    # C is dated before A; B, undated, is given between them. Each pair decided on its own gave
    # A -> B (order), B -> C (order) and C -> A (dates): a cycle. One timeline places B after A.
    given = [
        article(WIRE, "A", "Wire", "2024-06-02"),
        article(WIRE + "\nThe union said talks would resume on Monday.", "B", "Island News"),
        article(WIRE.replace("dawn", "first light"), "C", "Coast Daily", "2024-06-01"),
    ]
    p = trace(given, FakeEmbedder())
    order = {("C", "A"), ("C", "B"), ("A", "B")}
    assert {(x.source, x.rewrite) for x in p.pairs} == order
    assert not [e for e in p.edges if e.rewrite == "C"]  # the earliest dated copies from nobody
    ab = next(x for x in p.pairs if (x.source, x.rewrite) == ("A", "B"))
    assert ab.basis == "order" and ab.uncertain


def test_a_lower_case_word_equal_to_a_file_name_outlet_is_no_citation() -> None:
    # Outlets default to the file name: "times" is not cited by "three times".
    wire = article(WIRE + "\nThe union has struck three times this year.", "A", "wire")
    times = article(WIRE + "\nThe union has struck three times this year, its leader said.", "B", "times")
    (edge,) = trace([wire, times], FakeEmbedder()).edges
    assert (edge.source, edge.rewrite, edge.pair.basis) == ("A", "B", "order")


def test_partial_rewrites_of_a_wire_story_keep_the_order_given() -> None:
    # B and C each take one half of A: "C carries content of a third article" must not make A
    # the later one (a merge and a split look the same).
    a = article(WIRE + "\n" + BAKERS, "A", "Wire")
    b, c = article(WIRE, "B", "Island News"), article(BAKERS, "C", "Bakers Weekly")
    p = trace([a, b, c], FakeEmbedder())
    assert edges(p) == {("A", "B"), ("A", "C")}


def test_sentences_copied_word_for_word_from_a_later_rewrite_are_credited_to_it() -> None:
    # A carries all of C, reworded; B carries two of C's sentences word for word (and dropped
    # A's third, which C took from A). Greedy cover alone credited all of C to A.
    a = GAZETTE.split("\n\n")
    reworded = [
        "Early on Tuesday a water main burst under Elm Street and flooded basements in twelve homes.",
        "After three hours of work, city engineers shut the valve.",
    ]
    p = trace(
        [
            article("\n\n".join(a[:2] + a[4:]), "A", "Harbor Gazette", "2024-05-01"),
            article("\n\n".join(reworded), "B", "River Post", "2024-05-02"),
            article("\n\n".join([*reworded, a[4]]), "C", "Valley Times", "2024-05-03"),
        ],
        FakeEmbedder(),
    )
    assert origins(p, "C") == {
        "Early on Tuesday a": ("B", "A"),
        "After three hours of": ("B", "A"),
        "Schools in the district": ("A", "A"),
    }
    assert p.article("C").sources == ("B", "A")


def test_a_sentence_copied_word_for_word_goes_to_the_article_it_copies() -> None:
    # A carries all of C, so the greedy cover takes A first. C's second sentence is B's
    # exactly; A's version says the same and more, with as many of C's words verbatim: the
    # copy is B's.
    a = [
        "A water main burst under Elm Street early on Tuesday.",
        "The mayor said repairs would cost about 400,000 dollars, and crews worked overnight.",
        "Schools in the district stayed open.",
    ]
    b = [
        "Early on Tuesday a water main burst under Elm Street.",
        "The mayor said repairs would cost about 400,000 dollars.",
    ]
    p = trace(
        [
            article("\n\n".join(a), "A", "Harbor Gazette", "2024-05-01"),
            article("\n\n".join(b), "B", "River Post", "2024-05-02"),
            article("\n\n".join([*b, a[2]]), "C", "Valley Times", "2024-05-03"),
        ],
        FakeEmbedder(),
    )
    assert {s: source for s, (source, _) in origins(p, "C").items()} == {
        "Early on Tuesday a": "B",
        "The mayor said repairs": "B",
        "Schools in the district": "A",
    }


def test_the_terminal_report_prints_article_text_verbatim_not_as_markup() -> None:
    bracketed = (
        "A water main burst under Elm Street, [the agency] said, flooding [bold] basements [/] in twelve homes.\n\n"
        "City engineers shut the valve after three hours of work [sic].\n\n"
        "The mayor said repairs would cost about 400,000 dollars."
    )
    rewrite = bracketed + "\n\nResidents were told to boil tap water until Friday."
    a = from_text(bracketed, "A", Metadata(outlet="Wire [main]"), source="story [draft].txt")
    b = from_text(rewrite, "B", Metadata(outlet="Daily [/]"), source="copy [/red].txt")
    text = render_provenance(trace([a, b], FakeEmbedder()), width=200)
    flat = " ".join(text.split())
    for piece in ("[the agency]", "[bold] basements [/]", "[sic]", "story [draft].txt", "copy [/red].txt"):
        assert piece in flat
    assert "Wire [main]" in flat and "Daily [/]" in flat


def test_with_facts_a_sentence_reversed_on_its_way_reads_as_changed(fact_extractor: FactExtractor) -> None:
    # The words are nearly all the same; the facts find the reversal, and the origin says so.
    a = article("Crews fought the fire overnight.\n\nInvestigators have not ruled out arson, officials said.", "A", "P")
    b = article("Crews fought the fire overnight.\n\nInvestigators have ruled out arson, officials said.", "B", "Q")
    how = {o.sentence: o.verdict for o in trace([a, b], FakeEmbedder(), facts=fact_extractor).article("B").origins}
    assert how == {"B1": "identical", "B2": "changed"}
    assert {o.sentence: o.verdict for o in trace([a, b], FakeEmbedder()).article("B").origins}["B2"] == "reworded"
    # Given newest first, the dates still make A the source, and the facts still settle it.
    older, newer = replace(a, published=date(2024, 5, 1)), replace(b, published=date(2024, 5, 2))
    how = {
        o.sentence: o.verdict for o in trace([newer, older], FakeEmbedder(), facts=fact_extractor).article("B").origins
    }
    assert how == {"B1": "identical", "B2": "changed"}
