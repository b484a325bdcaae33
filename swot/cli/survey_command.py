"""``swot survey``: participants answer on their own phone or laptop; live figures here."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command
from swot.cli.help import h
from swot.cli.options import (
    FolderArgument,
    LangOption,
    LanOption,
    PortOption,
    PosterOption,
    SurveyRoundOption,
    SurveyUnitOption,
    WorkshopOption,
)


@command("survey", help=h("cmd.survey"))
def survey_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: SurveyRoundOption = None,
    unit: SurveyUnitOption = None,
    lan: LanOption = False,
    port: PortOption = None,
    poster: PosterOption = False,
    lang: LangOption = None,
) -> None:
    """``swot survey``; its help is cmd.survey in locale/cli/help.yaml."""
    from swot.cli.survey_output import show_survey
    from swot.jobs import survey

    request = survey.SurveyRequest(
        folder=folder or workshop,
        lang=lang,
        round_id=round_id,
        unit=unit,
        lan=lan,
        port=port,
        poster=poster,
    )
    show_survey(survey.run(request))
