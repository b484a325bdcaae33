"""Words several layers print: column headings, field names, short states. One text each.

A catalogue that needs one of these refers to it (``"col.unit": WORDS["unit"]``) instead of
writing it again, so a terminal table, a handout and a report cannot call one thing two names.
"""

from __future__ import annotations

from swot.i18n import Catalogue

WORDS: Catalogue = {
    "unit": {"en": "Unit", "sv": "Enhet"},
    "units": {"en": "Units", "sv": "Enheter"},
    "round": {"en": "Round", "sv": "Omgång"},
    "theme": {"en": "Theme", "sv": "Tema"},
    "quadrant": {"en": "Quadrant", "sv": "Kvadrant"},
    "item": {"en": "Item", "sv": "Punkt"},
    "entries": {"en": "Entries", "sv": "Poster"},
    "respondents": {"en": "Respondents", "sv": "Svarande"},
    "total": {"en": "Total", "sv": "Summa"},
    "change": {"en": "Change", "sv": "Förändring"},
    "importance": {"en": "Importance", "sv": "Vikt"},
    "figures": {"en": "Figures", "sv": "Underlag"},
    "new": {"en": "New", "sv": "Nya"},
    "persisting": {"en": "Persisting", "sv": "Kvarstående"},
    "of_units": {"en": "{count} of {total} units", "sv": "{count} av {total} enheter"},
    "target": {"en": "Target {target}", "sv": "Mål {target}"},
    "target.met": {"en": "met", "sv": "uppnått"},
    "target.unknown": {"en": "no expected count", "sv": "förväntat antal saknas"},
    "rates_per_unit": {"en": "Response rates per unit", "sv": "Svarsfrekvens per enhet"},
    "written": {"en": "Written:", "sv": "Skrivet:"},
}
