"""``python -m compare``: the same as the ``compare`` command."""

from compare.cli import main

main()
