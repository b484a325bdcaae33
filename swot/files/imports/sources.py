"""What each survey tool writes besides the answers: the columns it adds to every export, in
the languages its users have, and what they hold. An import never reads these columns.

The layouts, as the tools write them (and as ``tests/data/imports/`` reproduces them):

- **Microsoft Forms** (Responses → Open in Excel): an .xlsx, sheet "Form1"; columns ID,
  Start time, Completion time, Email, Name (Swedish: ID, Starttid, Slutförandetid, E-post,
  Namn), newer exports also Last modified time; then one column per question, headed by the
  question. Times are date cells; a choice question holds the chosen text.
- **Google Forms** (Responses → Download responses (.csv)): a zip holding one UTF-8 CSV,
  comma-separated; first Timestamp (Swedish: Tidstämpel) as "2026/03/02 9:14:05 fm CET" or
  "3/2/2026 9:14:05", then Email Address (E-postadress) when addresses are collected, then one
  column per question.
- **LimeSurvey** (Responses → Export → CSV): comma-separated, every value quoted; headings
  either the *question code* (id, submitdate, lastpage, startlanguage, seed, startdate,
  datestamp, then codes such as ``enhet``, ``jamS``) or the *full question text* (Response ID,
  Date submitted, Last page, Start language, Seed, Date started, Date last action, then the
  questions); surveys with tokens add token, firstname, lastname, email.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from swot.vocabulary import fold

EMAIL, NAME, TIME, ID = "email", "name", "time", "id"


@dataclass(frozen=True)
class Tool:
    """A survey tool, recognised by the columns it adds."""

    name: str
    columns: dict[str, str]  # heading as the tool writes it → what it holds

    def matches(self, header: Sequence[str]) -> int:
        """How many of this tool's own columns the header has."""
        folded = {fold(h) for h in header}
        return sum(1 for heading in self.columns if fold(heading) in folded)


MICROSOFT_FORMS = Tool(
    "Microsoft Forms",
    {
        "ID": ID,
        "Start time": TIME,
        "Completion time": TIME,
        "Email": EMAIL,
        "Name": NAME,
        "Last modified time": TIME,
        "Starttid": TIME,
        "Slutförandetid": TIME,
        "E-post": EMAIL,
        "Namn": NAME,
        "Senaste ändringstid": TIME,
        "Tid för senaste ändring": TIME,
    },
)
GOOGLE_FORMS = Tool(
    "Google Forms",
    {
        "Timestamp": TIME,
        "Email Address": EMAIL,
        "Score": ID,
        "Tidstämpel": TIME,
        "E-postadress": EMAIL,
        "Poäng": ID,
    },
)
LIMESURVEY = Tool(
    "LimeSurvey",
    {
        "id": ID,
        "submitdate": TIME,
        "lastpage": ID,
        "startlanguage": ID,
        "seed": ID,
        "startdate": TIME,
        "datestamp": TIME,
        "ipaddr": ID,
        "refurl": ID,
        "token": ID,
        "firstname": NAME,
        "lastname": NAME,
        "email": EMAIL,
        "Response ID": ID,
        "Date submitted": TIME,
        "Last page": ID,
        "Start language": ID,
        "Seed": ID,
        "Date started": TIME,
        "Date last action": TIME,
        "IP address": ID,
        "Referrer URL": ID,
        "Token": ID,
        "First name": NAME,
        "Last name": NAME,
        "Email address": EMAIL,
    },
)
TOOLS = (MICROSOFT_FORMS, GOOGLE_FORMS, LIMESURVEY)

# Folded heading → what it holds, for every tool (a heading two tools share means the same).
KNOWN_COLUMNS: dict[str, str] = {
    fold(heading): kind for tool in TOOLS for heading, kind in tool.columns.items()
}


def recognise_tool(header: Sequence[str]) -> Tool | None:
    """The tool whose own columns the header has most of (at least two), or None."""
    best = max(TOOLS, key=lambda tool: tool.matches(header))
    return best if best.matches(header) >= 2 else None
