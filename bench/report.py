"""The quality results as Markdown tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_SWIPE_METRICS = ("dropped", "added", "one_to_many", "links")


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def markdown(result: Mapping[str, Any]) -> str:
    """All sections, in order; a skipped section says why."""
    meta = result["meta"]
    lines = [
        "# Quality benchmark",
        "",
        f"{meta['date']} · commit {meta['commit'] or '?'} · {meta['machine']} · Python {meta['python']} · "
        f"model `{meta['model']}`. Regenerate with `python -m bench quality`.",
        "",
    ]
    if meta.get("uncommitted"):
        lines += [f"Uncommitted package changes when measured: {', '.join(meta['uncommitted'])}.", ""]
    sections = (("msrp", _msrp), ("swipe", _swipe), ("details", _details), ("stitched", _stitched), ("seed", _seed))
    for name, render in sections:
        if name not in result:
            continue
        section = result[name]
        if "skipped" in section:
            lines += [f"## {name}", "", f"Skipped: {section['skipped']}", ""]
        else:
            lines += render(section)
        if "measured" in section:
            when = section["measured"]
            lines += [f"*(This section is from an earlier run: {when['date']}, commit {when['commit'] or '?'}.)*", ""]
    return "\n".join(lines) + "\n"


def _msrp(s: Mapping[str, Any]) -> list[str]:
    lines = [
        "## MSRP: reworded vs changed (sentence pairs)",
        "",
        f"{s['pairs']} pairs of the MSRP training split ({_pct(s['paraphrase_share'])}% paraphrases). "
        f"Fitted systems: {s['folds']}-fold stratified cross-validation (thresholds and coefficients "
        "fitted on four folds, scored on the fifth). F1 (changed) treats label 0, a different claim, "
        "as the positive class; F1 (paraphrase) label 1.",
        "",
        "| system | fitted | accuracy % | ± folds | F1 changed | F1 paraphrase | P changed | R changed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, v in s["systems"].items():
        lines.append(
            f"| {name} | {'CV' if v['cv'] else '—'} | {_pct(v['accuracy'])} | {_pct(v['accuracy_fold_sd'])} | "
            f"{v['f1_changed']:.3f} | {v['f1_paraphrase']:.3f} | "
            f"{v['precision_changed']:.3f} | {v['recall_changed']:.3f} |"
        )
    shipped = s["shipped_in_sample"]
    lines += [
        "",
        f"Shipped constants in `compare/config.py`, in-sample (fitted on all pairs; a consistency check, "
        f"not an estimate): accuracy {_pct(shipped['accuracy'])}%.",
        "",
        "Coefficients fitted on all pairs (copy into `compare/config.py` when they move): "
        + ", ".join(f"`{k} = {v}`" for k, v in s["fitted_constants"].items()),
        "",
    ]
    return lines


def _scores_row(name: str, scores: Mapping[str, Mapping[str, float]]) -> str:
    cells = [
        f"{_pct(scores[m]['precision'])} / {_pct(scores[m]['recall'])} / {_pct(scores[m]['f1'])}"
        for m in _SWIPE_METRICS
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def _swipe(s: Mapping[str, Any]) -> list[str]:
    gold = s["gold"]
    header = [
        "| system | dropped P / R / F1 | added P / R / F1 | one-to-many P / R / F1 | links P / R / F1 |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines = [
        "## SWiPE: document alignment (Wikipedia → Simple Wikipedia)",
        "",
        f"{s['documents']} document pairs ({s['left_out']} left out: spam, see `bench/swipe.py`), "
        f"{s['sentences']['a']} original and {s['sentences']['b']} rewritten "
        f"sentences (every line its own paragraph, `clean()` bypassed). Gold (see `bench/gold.py`): "
        f"{gold['dropped']} dropped, {gold['added']} added, {gold['one_to_many']} one-to-many items "
        f"(splits and fusions), {gold['links']} sentence links. Percentages, micro-averaged over documents. "
        "Baselines are shown at their best threshold on these same documents (optimistic for them); "
        "`compare.align` runs its default config, not tuned on SWiPE.",
        "",
        *header,
    ]
    lines += [_scores_row(name, scores) for name, scores in s["systems"].items()]
    if "sweep" in s:
        lines += ["", "Pipeline aligner, one threshold changed at a time:", "", *header]
        lines += [_scores_row(name, scores) for name, scores in s["sweep"].items()]
    c = s["clean"]
    roles = ", ".join(f"{role} {n}" for role, n in c["line_roles"].items())
    lines += [
        "",
        "### `clean()` on Wikipedia text",
        "",
        f"Line roles given by `clean()` over both sides: {roles}. "
        f"{_pct(c['set_aside_char_share'])}% of the characters are set aside; "
        f'{c["docs_with_second_story_set_aside"]} documents had a "second story" set aside; '
        f"{c['news_sentences_joined_across_lines']} news sentences span a line break (lines without a blank line "
        f"between them are one paragraph to the segmenter); {c['gold_dropped_or_added_sentences_in_set_aside_text']} "
        "gold dropped/added sentences lie in set-aside text. The whole pipeline (clean, story selection, "
        "segmentation, alignment) on its own sentences:",
        "",
        *header,
        _scores_row("compare_articles (whole pipeline)", c["scores"]),
        "",
    ]
    return lines


def _details(s: Mapping[str, Any]) -> list[str]:
    lines = [
        "## SWiPE: details dropped or added inside carried claims",
        "",
        f"{s['documents']} document pairs through the whole pipeline with facts. Gold: SWiPE's deletion and "
        f"elaboration groups inside sentences the pipeline carries over (and gold does not call mostly dropped "
        f"or added), at least {s['min_chars']} characters of one group in one sentence. A reported span is right "
        "when half its characters are gold; a gold unit is found when reported spans cover half of it. "
        "See `bench/details.py`.",
        "",
        "| system | dropped P / R / F1 | added P / R / F1 | reported (dropped / added) |",
        "| --- | --- | --- | --- |",
    ]
    for name, sides in s["systems"].items():
        d, a = sides["dropped"], sides["added"]
        lines.append(
            f"| {name} | {d['precision']} / {d['recall']} / {d['f1']} | {a['precision']} / {a['recall']} / {a['f1']} "
            f"| {d['predicted']} / {a['predicted']} |"
        )
    gold = next(iter(s["systems"].values()))
    lines += ["", f"Gold units: {gold['dropped']['gold']} dropped, {gold['added']['gold']} added.", ""]
    return lines


def _stitched(s: Mapping[str, Any]) -> list[str]:
    sizes = ", ".join(f"{name}: {n} pairs" for name, n in s["subsets"].items())
    lines = [
        "## News alignment: rewrites stitched from MSRP paraphrase pairs",
        "",
        f"Documents of {s['size']} MSRP paraphrase pairs, one side each ({sizes}); the rewrite keeps the "
        "order or shuffles it. Baselines at their best SWiPE thresholds. See `bench/stitched.py`.",
        "",
        "| documents | system | link recall % | false links per 100 | documents without links |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for variant, systems in s["results"].items():
        for name, r in systems.items():
            lines.append(
                f"| {variant} | {name} | {r['link_recall']} | {r['false_links_per_100']} "
                f"| {r['documents_without_links']} of {r['documents']} |"
            )
    return [*lines, ""]


def _seed(s: Mapping[str, Any]) -> list[str]:
    return [
        "## Seed pair: the EXPECTED.md alignment table",
        "",
        f"{len(s['found'])} of {s['rows']} rows found; missed: {', '.join(s['missed']) or 'none'}; "
        f"extra findings: {len(s['extra'])}{' (' + ', '.join(s['extra']) + ')' if s['extra'] else ''}.",
        "",
        "Verdicts: " + ", ".join(f"{k} {v}" for k, v in s["verdicts"].items()),
        "",
    ]
