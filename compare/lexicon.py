"""Words the fact readers share: numbers written as words and the scales after a figure.

One list, so that "seventy" is a number to the fact reader, the verdict's figures and the
negation rules alike.
"""

from __future__ import annotations

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
#: Tens, written as words.
TENS = {w: 10 * k for k, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
#: Numbers written as words, with their values ("dozens" counts as two dozen).
NUMBER_WORDS = (
    {w: k for k, w in enumerate(_UNITS)} | TENS | {"hundred": 100, "thousand": 1000, "dozen": 12, "dozens": 24}
)
#: Scale words after a figure ("3.2 million").
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Ordinal numbers written as words ("fifth consecutive quarter"), with their values.
ORDINALS = {
    w: k
    for k, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100}
