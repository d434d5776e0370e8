"""The ``compare many`` terminal report, drawn with rich.

A header (the articles and a quotable summary), the table of source links, one line per
article, each later article's sentences with where they came from, the pairs that share
content without being a link, and how to read the rest. Directions not settled by dates carry
a ``?`` and their reason.

Every piece of text that comes from an article (sentences, outlets, file names, URLs, and the
notes that quote them) goes in as :class:`~rich.text.Text`: a plain ``str`` would be read as
rich markup, so "[the agency]" would vanish from a quote and "[/]" would stop the report.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from compare.models import ArticleProvenance, Provenance
from compare.render.provenance import article_line, edge_notes, pair_note, summary_line
from compare.render.terminal import console_text, text_console


def render_provenance(provenance: Provenance, width: int = 100, color: bool = False) -> str:
    """The report as text; ANSI colour codes only when ``color`` is true."""
    console = text_console(width, color)
    console.print(_header(provenance))
    if provenance.edges:
        console.print(Text("Who copied from whom", style="bold"))
        console.print(_edges(provenance))
    console.print(Text("Per article", style="bold"))
    grid = Table.grid(padding=(0, 2), pad_edge=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for art in provenance.articles:
        grid.add_row(Text(art.result.article.id), Text(article_line(provenance, art)))
    console.print(grid)
    console.print()
    for art in provenance.articles:
        if any(o.carriers for o in art.origins):
            console.print(_sentences(art))
    _print_other_pairs(console, provenance)
    console.print(
        Text(
            "carried: share of the later article's news words in claims aligned with the source; verbatim: "
            "in word-for-word stretches; credited: the share put down to this source (each sentence to one). "
            "? marks a direction not settled by publication dates. Details of one link: compare SOURCE REWRITE.",
            style="dim",
        )
    )
    return console_text(console)


def _header(provenance: Provenance) -> Panel:
    grid = Table.grid(padding=(0, 2))
    for art in provenance.articles:
        a = art.result.article
        published = a.published.isoformat() if a.published else "date unknown"
        grid.add_row(Text(a.id, style="bold"), Text(a.outlet, style="bold"), published, Text(a.url or a.source))
    parts: list[Text | Table] = [grid, Text(""), Text(summary_line(provenance))]
    for art in provenance.articles:
        for note in art.result.notes:
            parts.append(Text(f"{art.result.article.id}: {note}", style="dim"))
    for warning in provenance.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    return Panel(Group(*parts), title="compare many", title_align="left", box=box.ROUNDED)


def _edges(provenance: Provenance) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("source → rewrite", no_wrap=True, style="bold")
    for name in ("credited", "carried", "verbatim"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("direction", no_wrap=True)
    table.add_column("notes", ratio=1)
    for e in provenance.edges:
        outlets = f"\n{_outlet(provenance, e.source)} → {_outlet(provenance, e.rewrite)}"
        direction = Text("? " + e.pair.basis, style="yellow") if e.pair.uncertain else Text(e.pair.basis)
        notes = edge_notes(e)
        table.add_row(
            Text(f"{e.source} → {e.rewrite}") + Text(outlets, style="dim"),
            f"{e.explains:.0%}",
            f"{e.pair.rewrite_carried:.0%}",
            f"{e.pair.rewrite_verbatim:.0%}",
            direction,
            Text("\n".join(notes)),
        )
    return table


def _sentences(art: ArticleProvenance) -> Table:
    a = art.result.article
    text = {s.id: " ".join(s.text.split()) for s in art.result.news}
    table = Table(
        title=Text(f"{a.id} ({a.outlet}): where its sentences come from", style="bold"),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column("sentence", no_wrap=True, style="bold")
    table.add_column("from", no_wrap=True)
    table.add_column("origin", no_wrap=True)
    table.add_column("how", no_wrap=True)
    table.add_column("text", ratio=1)
    for o in art.origins:
        if o.source is None:
            table.add_row(o.sentence, Text("its own", style="magenta"), "", "", Text(text[o.sentence]))
            continue
        how = f"{o.verdict}, {o.verbatim:.0%} verbatim"
        table.add_row(o.sentence, f"{o.source} {'+'.join(o.matches)}", o.origin or "", how, Text(text[o.sentence]))
    return table


def _print_other_pairs(console: Console, provenance: Provenance) -> None:
    rows = [(p, pair_note(provenance, p)) for p in provenance.pairs]
    rows = [(p, note) for p, note in rows if note]
    if not rows:
        return
    console.print(Text("Shared content that is not a source link", style="bold"))
    grid = Table.grid(padding=(0, 2), pad_edge=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for p, note in rows:
        mark = "?" if p.uncertain else ""
        shares = f"{p.rewrite} shares {p.rewrite_carried:.0%} with {p.source} ({p.rewrite_verbatim:.0%} verbatim)"
        grid.add_row(f"{p.source} →{mark} {p.rewrite}", Text(f"{shares}: {note}"))
    console.print(grid)
    console.print()


def _outlet(provenance: Provenance, article_id: str) -> str:
    return provenance.article(article_id).result.article.outlet
