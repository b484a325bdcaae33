"""The messages of the file readers: what is wrong in workshop.yaml, an entries file, merges.yaml
or votes.yaml, and how to fix it, in Swedish and English (the texts: locale/files/messages.yaml).
"""

from __future__ import annotations

from swot.i18n import catalogue

FIELD_NAMES_SV = {
    "theme": "tema",
    "quadrant": "kvadrant",
    "text": "text",
    "importance": "vikt",
    "source": "källa",
    "respondent": "svarande",
    "note": "anteckning",
    "name": "namn",
    "language": "språk",
    "units": "enheter",
    "rounds": "omgångar",
    "themes": "teman",
    "municipality": "kommun",
    "date": "datum",
    "expected": "förväntade",
    "decision": "beslut",
    "texts": "texter",
    "wording": "formulering",
    "votes": "röster",
    "round": "omgång",
    "key": "id",
    "rater": "bedömare",
    "compare": "jämför",
    "a_id": "a-id",
    "b_id": "b-id",
    "value": "värde",
    # imports/<export>.map.yaml
    "rows": "rader",
    "sheet": "blad",
    "unit column": "enhetskolumn",
    "unit": "enhet",
    "columns": "kolumner",
    "skip": "hoppa över",
    "ignore": "läses inte",
    "heading": "rubrik",
    "column": "kolumn",
}

MESSAGES = catalogue("files/messages")


# PyYAML's wording of common mistakes, and what they mean to a person editing a form.
YAML_ERROR_WORDS: list[tuple[str, dict[str, str]]] = [
    (
        "mapping values are not allowed",
        {
            "en": "a ': ' where none may stand (a text containing ': ' must be in quotes)",
            "sv": "ett ': ' där det inte får stå (en text som innehåller ': ' måste stå inom citattecken)",
        },
    ),
    (
        "found unexpected end of stream",
        {
            "en": "the file ends inside a quoted text (a closing quote is missing)",
            "sv": "filen tar slut inuti en text med citattecken (ett avslutande citattecken saknas)",
        },
    ),
    (
        "could not find expected ':'",
        {
            "en": "a ':' is missing after a key",
            "sv": "ett ':' saknas efter en nyckel",
        },
    ),
    (
        "did not find expected key",
        {
            "en": "a key was expected here; the indentation does not match the lines above",
            "sv": "här väntades en nyckel; indraget stämmer inte med raderna ovanför",
        },
    ),
    (
        "did not find expected '-' indicator",
        {
            "en": "a '- ' was expected here; the indentation does not match the lines above",
            "sv": "här väntades ett '- '; indraget stämmer inte med raderna ovanför",
        },
    ),
    (
        "expected <block end>",
        {
            "en": "the indentation does not match the lines above",
            "sv": "indraget stämmer inte med raderna ovanför",
        },
    ),
    (
        "found undefined alias",
        {
            "en": "a '*' starts a YAML alias (put a text starting with '*' in quotes)",
            "sv": "ett '*' inleder ett YAML-alias (sätt en text som börjar med '*' inom citattecken)",
        },
    ),
    (
        "found character that cannot start any token",
        {
            "en": "a character that cannot start a value (put the text in quotes)",
            "sv": "ett tecken som inte kan inleda ett värde (sätt texten inom citattecken)",
        },
    ),
    (
        "special characters are not allowed",
        {
            "en": "the file contains a control character that is not text",
            "sv": "filen innehåller ett styrtecken som inte är text",
        },
    ),
]
