"""The messages of the file readers: what is wrong in workshop.yaml, an entries file, merges.yaml
or votes.yaml, and how to fix it, in Swedish and English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swot.i18n import Catalogue

if TYPE_CHECKING:
    pass

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

MESSAGES: Catalogue = {
    "nothing_to_check": {
        "en": "no swot file to check here (no entries file, workshop.yaml, merges.yaml or "
        "votes.yaml)",
        "sv": "ingen swot-fil att kontrollera här (ingen postfil, workshop.yaml, merges.yaml "
        "eller votes.yaml)",
    },
    "nothing_to_check.hint": {
        "en": "name a workshop folder or the files to check, e.g. swot validate entries/",
        "sv": "ange en workshopmapp eller filerna som ska kontrolleras, t.ex. swot validate "
        "entries/",
    },
    "missing": {"en": "the file does not exist", "sv": "filen finns inte"},
    "missing.hint": {
        "en": "check the path, or create the workshop with `swot init DIR`",
        "sv": "kontrollera sökvägen, eller skapa workshoppen med `swot init MAPP`",
    },
    "unreadable": {
        "en": "the file cannot be read: {detail}",
        "sv": "filen går inte att läsa: {detail}",
    },
    "unreadable.hint": {
        "en": "check that it is a file and that you may read it",
        "sv": "kontrollera att det är en fil och att du har läsrätt",
    },
    "too_big": {
        "en": "the file is {size} MB; swot reads files of at most {limit} MB",
        "sv": "filen är {size} MB; swot läser filer på högst {limit} MB",
    },
    "too_big.hint": {
        "en": "split the entries over several files, or check that this is the right file",
        "sv": "dela upp posterna på flera filer, eller kontrollera att det är rätt fil",
    },
    "not_utf8": {
        "en": "the file is not UTF-8: byte 0x{byte} cannot be read{guess}",
        "sv": "filen är inte sparad som UTF-8: byte 0x{byte} går inte att läsa{guess}",
    },
    "not_utf8.guess": {
        "en": " (in Windows \"ANSI\"/cp1252 it would be '{char}')",
        "sv": " (i Windows \"ANSI\"/cp1252 skulle det vara '{char}')",
    },
    "not_utf8.hint": {
        "en": "re-save the file as UTF-8: in Notepad choose File → Save as → Encoding: UTF-8; "
        "in VS Code click the encoding in the status bar → Reopen with Encoding → "
        "Windows 1252, then Save with Encoding → UTF-8",
        "sv": "spara om filen som UTF-8: i Anteckningar Arkiv → Spara som → Kodning: UTF-8; "
        "i VS Code klicka på kodningen i statusfältet → Reopen with Encoding → "
        "Windows 1252, sedan Save with Encoding → UTF-8",
    },
    "utf16_no_bom": {
        "en": "the file looks like UTF-16 without a byte-order mark",
        "sv": "filen ser ut att vara UTF-16 utan byte-order-mark",
    },
    "tabs": {
        "en": "a tab is used for indentation; YAML indents with spaces only",
        "sv": "tabb används som indrag; YAML tillåter bara mellanslag som indrag",
    },
    "tabs.hint": {
        "en": "replace the tab with spaces (2 per level); in VS Code: "
        "Convert Indentation to Spaces",
        "sv": "ersätt tabben med mellanslag (2 per nivå); i VS Code: Convert Indentation to Spaces",
    },
    "empty": {"en": "the file is empty", "sv": "filen är tom"},
    "comments_only": {
        "en": "the file has only comments and no data",
        "sv": "filen innehåller bara kommentarer och inga data",
    },
    "empty_entries.hint": {
        "en": "that is fine until the unit has answered; add entries with `swot collect`",
        "sv": "det går bra tills enheten har svarat; lägg till poster med `swot collect`",
    },
    "empty_workshop.hint": {
        "en": "write name, language, units and rounds, or create a new one with `swot init DIR`",
        "sv": "skriv namn, språk, enheter och omgångar, eller skapa en ny med `swot init MAPP`",
    },
    "not_yaml": {
        "en": "this is not valid YAML: {detail}",
        "sv": "detta är inte giltig YAML: {detail}",
    },
    "not_yaml.hint": {
        "en": "check indentation and quotes on this line and the one above; a text that "
        "contains ': ' or ' #', or starts with a quote, must be written in quotes",
        "sv": "kontrollera indrag och citattecken på den här raden och raden ovanför; en text "
        "som innehåller ': ' eller ' #', eller börjar med citattecken, måste stå inom "
        "citattecken",
    },
    "several_documents": {
        "en": "the file holds more than one YAML document ('---')",
        "sv": "filen innehåller mer än ett YAML-dokument ('---')",
    },
    "several_documents.hint": {
        "en": "remove the '---' line, or split the file",
        "sv": "ta bort raden '---', eller dela upp filen",
    },
    "alias": {
        "en": "YAML aliases (*{detail}) are not accepted in swot files",
        "sv": "YAML-alias (*{detail}) accepteras inte i swot-filer",
    },
    "alias.hint": {
        "en": "write the value out in full instead of '&name' and '*name'",
        "sv": "skriv ut värdet i sin helhet i stället för '&namn' och '*namn'",
    },
    "tag": {
        "en": "the tag '{detail}' is not accepted: swot files hold plain text and numbers",
        "sv": "taggen '{detail}' accepteras inte: swot-filer innehåller bara text och tal",
    },
    "tag.hint": {
        "en": "remove the tag (the word starting with '!')",
        "sv": "ta bort taggen (ordet som börjar med '!')",
    },
    "too_deep": {
        "en": "the data is nested more than {detail} levels deep",
        "sv": "datat är nästlat i mer än {detail} nivåer",
    },
    "too_deep.hint": {
        "en": "swot files are at most a few levels deep; check the indentation",
        "sv": "swot-filer har bara några få nivåer; kontrollera indraget",
    },
    "duplicate_key": {
        "en": "the key '{key}' appears twice in the same place (first on line {first})",
        "sv": "nyckeln '{key}' förekommer två gånger på samma ställe (första gången på rad {first})",
    },
    "duplicate_key.hint": {
        "en": "keep one of them; if this is a new entry, start it with '- '",
        "sv": "behåll en av dem; om det är en ny post ska den börja med '- '",
    },
    "complex_key": {"en": "a key must be a single word", "sv": "en nyckel måste vara ett enda ord"},
    "entries_not_list": {
        "en": "an entries file must be a list of entries, each starting with '- '",
        "sv": "en fil med poster måste vara en lista där varje post börjar med '- '",
    },
    "entries_not_list.hint": {
        "en": "write each entry as '- theme: …' with its keys indented below it",
        "sv": "skriv varje post som '- tema: …' med nycklarna indragna under",
    },
    "entry_not_mapping": {
        "en": "an entry must have keys such as theme, quadrant and text",
        "sv": "en post måste ha nycklar som tema, kvadrant och text",
    },
    "entry_not_mapping.hint": {
        "en": "write 'theme:', 'quadrant:' and 'text:' on their own lines under the '- '",
        "sv": "skriv 'tema:', 'kvadrant:' och 'text:' på egna rader under '- '",
    },
    "workshop_not_mapping": {
        "en": "workshop.yaml must be a mapping with name, language, units and rounds",
        "sv": "workshop.yaml måste ha nycklarna name, language, units och rounds",
    },
    "unknown_key": {
        "en": "unknown key '{key}'{suggestion}",
        "sv": "okänd nyckel '{key}'{suggestion}",
    },
    "unknown_key.hint": {
        "en": "allowed keys here: {choices}",
        "sv": "tillåtna nycklar här: {choices}",
    },
    "did_you_mean": {"en": "; did you mean '{word}'?", "sv": "; menade du '{word}'?"},
    "key_twice": {
        "en": "'{key}' and '{other}' mean the same key (first on line {first})",
        "sv": "'{key}' och '{other}' är samma nyckel (första gången på rad {first})",
    },
    "key_twice.hint": {"en": "keep only one of them", "sv": "behåll bara en av dem"},
    "missing_field": {"en": "'{key}' is missing", "sv": "'{key}' saknas"},
    "missing_field.hint": {
        "en": "add a line '{key}: …' to this item",
        "sv": "lägg till en rad '{key}: …' i den här posten",
    },
    "unknown_quadrant": {
        "en": "'{value}' is not a quadrant{suggestion}",
        "sv": "'{value}' är ingen kvadrant{suggestion}",
    },
    "unknown_quadrant.hint": {
        "en": "use strengths, weaknesses, opportunities or threats "
        "(or styrkor, svagheter, möjligheter, hot; S/W/O/T)",
        "sv": "använd styrkor, svagheter, möjligheter eller hot "
        "(eller strengths, weaknesses, opportunities, threats; S/W/O/T)",
    },
    "unknown_theme": {
        "en": "'{value}' is not a theme of this workshop{suggestion}",
        "sv": "'{value}' är inget tema i den här workshoppen{suggestion}",
    },
    "unknown_source": {
        "en": "'{value}' is not a source{suggestion}",
        "sv": "'{value}' är ingen källa{suggestion}",
    },
    "unknown_source.hint": {
        "en": "use survey or workshop (enkät or workshop)",
        "sv": "använd enkät eller workshop (survey eller workshop)",
    },
    "unknown_language": {
        "en": "'{value}' is not a language swot speaks",
        "sv": "'{value}' är inget språk som swot kan",
    },
    "unknown_language.hint": {"en": "use sv or en", "sv": "använd sv eller en"},
    "blank_text": {"en": "the text is empty", "sv": "texten är tom"},
    "blank_text.hint": {
        "en": "write the entry's text after 'text:', or remove the entry",
        "sv": "skriv postens text efter 'text:', eller ta bort posten",
    },
    "unsafe_id": {
        "en": "'{value}' cannot be used as an id (it becomes a file name)",
        "sv": "'{value}' kan inte användas som id (det blir ett filnamn)",
    },
    "unsafe_id.hint": {
        "en": "use lower-case a–z, digits, '-' and '_' only, e.g. '{suggestion}'",
        "sv": "använd bara små bokstäver a–z, siffror, '-' och '_', t.ex. '{suggestion}'",
    },
    "duplicate_id": {
        "en": "{kind} id '{value}' is used twice",
        "sv": "id '{value}' används två gånger ({kind})",
    },
    "duplicate_id.hint": {
        "en": "give every {kind} its own id",
        "sv": "ge varje {kind} ett eget id",
    },
    "unknown_unit_in_expected": {
        "en": "round '{round}' expects respondents from '{value}', which is not a unit{suggestion}",
        "sv": "omgången '{round}' väntar svar från '{value}', som inte är en enhet{suggestion}",
    },
    "unknown_unit_in_expected.hint": {
        "en": "use the id of a unit listed under units:",
        "sv": "använd id för en enhet under units:",
    },
    "int": {"en": "'{value}' is not a whole number", "sv": "'{value}' är inget heltal"},
    "int.hint": {"en": "write a whole number, e.g. 4", "sv": "skriv ett heltal, t.ex. 4"},
    "range": {"en": "{value} is outside {low}–{high}", "sv": "{value} ligger utanför {low}–{high}"},
    "range.hint": {
        "en": "use a number from {low} to {high}",
        "sv": "använd ett tal från {low} till {high}",
    },
    "too_long": {
        "en": "the text is {length} characters; at most {limit} are allowed",
        "sv": "texten är {length} tecken; högst {limit} tillåts",
    },
    "too_long.hint": {
        "en": "shorten it, or split it into several entries",
        "sv": "korta den, eller dela upp den i flera poster",
    },
    "too_short": {"en": "this may not be empty", "sv": "detta får inte vara tomt"},
    "too_short.hint": {"en": "fill it in", "sv": "fyll i det"},
    "not_text": {
        "en": "expected a text here, found a {found}",
        "sv": "här ska det stå en text, men det står en {found}",
    },
    "not_text.hint": {
        "en": "write the value on the same line, after the key",
        "sv": "skriv värdet på samma rad, efter nyckeln",
    },
    "not_list": {
        "en": "expected a list here (lines starting with '- ')",
        "sv": "här ska det stå en lista (rader som börjar med '- ')",
    },
    "not_list.hint": {
        "en": "write one item per line, each starting with '- '",
        "sv": "skriv en sak per rad, varje rad börjar med '- '",
    },
    "not_mapping": {
        "en": "expected keys with values here ('key: value')",
        "sv": "här ska det stå nycklar med värden ('nyckel: värde')",
    },
    "not_mapping.hint": {
        "en": "write 'key: value' lines, indented below",
        "sv": "skriv rader med 'nyckel: värde', indragna under",
    },
    "date": {"en": "'{value}' is not a date", "sv": "'{value}' är inget datum"},
    "date.hint": {
        "en": "write the date as YYYY-MM-DD, e.g. 2025-03-20",
        "sv": "skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-20",
    },
    "choice": {"en": "'{value}' is not allowed here", "sv": "'{value}' är inte tillåtet här"},
    "choice.hint": {"en": "use one of: {choices}", "sv": "använd något av: {choices}"},
    "other": {"en": "{detail}", "sv": "{detail}"},
    "other.hint": {"en": "see the example in the README", "sv": "se exemplet i README"},
    "too_many": {
        "en": "… and {count} more problems in this file",
        "sv": "… och {count} problem till i den här filen",
    },
    "unit_not_in_workshop": {
        "en": "'{value}' is not a unit of this workshop{suggestion}",
        "sv": "'{value}' är ingen enhet i den här workshoppen{suggestion}",
    },
    "unit_not_in_workshop.hint": {
        "en": "name the file after a unit id in workshop.yaml ({choices}), or add the unit there",
        "sv": "döp filen efter ett enhets-id i workshop.yaml ({choices}), eller lägg till enheten där",
    },
    "round_not_in_workshop": {
        "en": "'{value}' is not a round of this workshop{suggestion}",
        "sv": "'{value}' är ingen omgång i den här workshoppen{suggestion}",
    },
    "round_not_in_workshop.hint": {
        "en": "name the folder after a round id in workshop.yaml ({choices}), or add the round there",
        "sv": "döp mappen efter ett omgångs-id i workshop.yaml ({choices}), eller lägg till omgången där",
    },
    "no_workshop": {
        "en": "no workshop.yaml found in {folder} or its parent folders",
        "sv": "ingen workshop.yaml i {folder} eller mappar ovanför",
    },
    "no_workshop.hint": {
        "en": "run the command inside a workshop folder, pass its path, or create one with "
        "`swot init DIR`",
        "sv": "kör kommandot i en workshopmapp, ange sökvägen, eller skapa en med `swot init MAPP`",
    },
    "entry": {"en": "entry {number}", "sv": "post {number}"},
}


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

# A theme is one choice among the workshop's: the same hint as any other choice.
MESSAGES["unknown_theme.hint"] = MESSAGES["choice.hint"]
