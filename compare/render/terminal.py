"""The terminal report, drawn with rich.

Colour marks deletions (red, struck through) and insertions (green). Without colour (piped
output, ``NO_COLOR``) the same changes read as ``[-deleted-]`` and ``{+inserted+}``, as in
``wdiff``, so the report stays readable as plain text.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from compare.diff import token_text
from compare.models import CHANGE_KINDS, Alignment, Comparison, Token
from compare.render import findings_line, summary_line

_KIND_STYLE = {
    "fact_dropped": "bold red",
    "fact_added": "bold green",
    "quote_intact": "bold green",
    "date_conflict": "bold red",
    "negation_changed": "bold red",
    "entity_changed": "bold red",
    "new_source": "bold magenta",
}
_VERDICT_STYLE = {
    "identical": "green",
    "reworded": "cyan",
    "changed": "yellow",
    "dropped": "red",
    "added": "magenta",
}


def render_terminal(comparison: Comparison, width: int = 100, color: bool = False) -> str:
    """The report as text; ANSI colour codes only when ``color`` is true."""
    console = text_console(width, color)
    print_report(console, comparison, markers=not color)
    return console_text(console)


def text_console(width: int, color: bool) -> Console:
    """A rich console that prints into a string, for a report of ``width`` columns.

    Article text is printed as given: no emoji codes, no automatic highlighting.
    """
    return Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )


def console_text(console: Console) -> str:
    """What a :func:`text_console` printed, without trailing spaces on its lines."""
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def print_report(console: Console, comparison: Comparison, markers: bool) -> None:
    """Print the whole report on ``console``."""
    console.print(_header(comparison))
    aligned = [x for x in comparison.alignments if x.a and x.b]
    if aligned:
        console.print(Text("Claims in A's order", style="bold"))
        console.print(_claims(comparison, aligned, markers))
    _print_dropped_added(console, comparison)
    if comparison.changes:
        _print_findings(console, comparison)


def _print_dropped_added(console: Console, comparison: Comparison) -> None:
    for verdict, title, side in (("dropped", "Dropped: only in A", "a"), ("added", "Added: only in B", "b")):
        rows = [x for x in comparison.alignments if x.verdict == verdict]
        if rows:
            console.print(Text(f"{title} ({len(rows)})", style="bold"))
            grid = Table.grid(padding=(0, 2), pad_edge=True)
            grid.add_column(no_wrap=True, style=_VERDICT_STYLE[verdict])
            grid.add_column(ratio=1)
            for x in rows:
                ids = x.a if side == "a" else x.b
                text = " ".join(comparison.sentence(i).text for i in ids)
                grid.add_row(", ".join(ids), Text(" ".join(text.split())))  # Text: article text is no markup
            console.print(grid)
            console.print()


def _print_findings(console: Console, comparison: Comparison) -> None:
    """Fact findings grouped by kind, each with its sentence ids and the spans before → after."""
    console.print(Text(f"Findings ({len(comparison.changes)})", style="bold"))
    for kind in CHANGE_KINDS:
        rows = [c for c in comparison.changes if c.kind == kind]
        if not rows:
            continue
        console.print(Text(f"  {kind} ({len(rows)})", style=_KIND_STYLE.get(kind, "bold")))
        grid = Table.grid(padding=(0, 2), pad_edge=True)
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        for c in rows:
            ids = f"{c.a_sentence or '—'} → {c.b_sentence or '—'}"
            body = Text()
            body.append(f"“{_flat(c.before.text)}”" if c.before else "—", style="red" if c.before else "dim")
            body.append(" → ")
            body.append(f"“{_flat(c.after.text)}”" if c.after else "—", style="green" if c.after else "dim")
            if c.detail:
                body.append(f"\n{c.detail}", style="dim")
            grid.add_row(f"   {ids}", body)
        console.print(grid)
    console.print()


def _flat(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters.

    >>> _flat("the Syrian regime forces", 18)
    'the Syrian …'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return (text[: cut + 1] if cut > 0 else text[: limit - 1]) + "…"


def _header(comparison: Comparison) -> Panel:
    grid = Table.grid(padding=(0, 2))
    for result in comparison.articles:
        art = result.article
        published = art.published.isoformat() if art.published else "date unknown"
        grid.add_row(Text(art.id, style="bold"), Text(art.outlet, style="bold"), published, Text(art.url or art.source))
    parts: list[Text | Table] = [grid, Text(""), Text(summary_line(comparison))]
    if comparison.changes:
        parts.append(Text(findings_line(comparison)))
    for result in comparison.articles:
        for note in result.notes:
            parts.append(Text(f"{result.article.id}: {note}", style="dim"))
    for warning in comparison.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    return Panel(Group(*parts), title="compare", title_align="left", box=box.ROUNDED)


def _claims(comparison: Comparison, rows: list[Alignment], markers: bool) -> Table:
    a, b = (r.article for r in comparison.articles)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True, pad_edge=False)
    table.add_column("A → B", no_wrap=True, style="bold")
    table.add_column("verdict", no_wrap=True)
    table.add_column(Text(f"{a.outlet} (A)"), ratio=1)
    table.add_column(Text(f"{b.outlet} (B)"), ratio=1)
    for x in rows:
        verdict = Text(x.verdict, style=_VERDICT_STYLE[x.verdict])
        verdict.append(f"\n{x.score:.2f}", style="dim")
        if x.reasons:
            verdict.append("\n" + "\n".join(x.reasons), style="dim")
        ids = Text(f"{'+'.join(x.a)}\n→ {'+'.join(x.b)}")
        table.add_row(ids, verdict, _side(x, "a", markers), _side(x, "b", markers))
    return table


def _side(x: Alignment, side: str, markers: bool) -> Text:
    """One side's text with its changed tokens marked."""
    tokens = x.a_tokens if side == "a" else x.b_tokens
    changed: set[int] = set()
    for op in x.opcodes:
        if op.tag != "equal":
            changed.update(range(op.i1, op.i2) if side == "a" else range(op.j1, op.j2))
    style = "red strike" if side == "a" else "green"
    opener, closer = ("[-", "-]") if side == "a" else ("{+", "+}")
    text = Text()
    run: list[Token] = []
    prev: Token | None = None

    def flush() -> None:
        if run:
            words = token_text(run)
            text.append(f"{opener}{words}{closer}" if markers else words, style=style)
            run.clear()

    for k, tok in enumerate(tokens):
        space = "" if prev is None or tok.start == prev.end else " "
        if k in changed:
            if not run:
                text.append(space)
            run.append(tok)
        else:
            flush()
            text.append(space + tok.text)
        prev = tok
    flush()
    return text
