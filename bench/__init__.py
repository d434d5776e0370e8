"""Benchmarks of ``compare``: quality against public labelled data, and speed.

``python -m bench quality`` measures the verdict on MSRP, document alignment on SWiPE and the
seed pair's expected alignment table; ``python -m bench speed`` measures run time. Both write
a Markdown table and a JSON file under ``bench/results/``. The labelled data is never part of
the project: it is read from ``../shared/data`` relative to the project root.
"""
