"""Words several layers print: column headings, field names, short states. One text each.

The texts are ``locale/words.yaml``. A catalogue that needs one of these uses it
(``col.unit: {same as: "words:unit"}``) instead of writing it again, so a terminal table, a
handout and a report cannot call one thing two names.
"""

from __future__ import annotations

from swot.i18n import catalogue

WORDS = catalogue("words")
