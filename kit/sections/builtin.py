"""The built-in section kinds, registered like any plugin kind.

The seven original kinds point at the functions that already do the work
(kit.structure, kit.ledger, kit.checks, kit.widgets, kit.proof.importer);
``thresholds`` and ``scoring`` live in their own modules beside this one.
"""

from __future__ import annotations

from .. import model as m
from .. import structure as st
from ..checks.draft_checks import check_facts_section
from ..ledger import check_ledger
from . import SectionKind
from .scoring import SCORING
from .thresholds import THRESHOLDS

FORMS = "kit.widgets.forms"
IMPORT = "kit.proof.importer"

def _prose(s: m.ProseSection) -> list:
    return [st.Paragraph(p) for p in (*s.intro, *s.paragraphs)]


def _items(s: m.ItemsSection) -> list:
    return [st.Paragraph(p) for p in s.intro] + st._items(s.items, 2)


BUILTIN = (
    SectionKind("prose", "段落", m.ProseSection, _prose, form=f"{FORMS}:ProseForm", recognise=f"{IMPORT}:recognise_prose", priority=100),
    SectionKind("organisation", "组织领导", m.OrganisationSection, st._organisation, form=f"{FORMS}:OrganisationForm",
                recognise=f"{IMPORT}:recognise_organisation", priority=30, starting={"leader": {"name": "【待填】"}}),
    SectionKind("ledger", "经费预算", m.LedgerSection, st._ledger, checks=(check_ledger,),
                form="kit.widgets.ledger_form:LedgerForm", recognise=f"{IMPORT}:recognise_ledger", priority=20),
    SectionKind("activities", "活动", m.ActivitiesSection, st._activities, form=f"{FORMS}:ActivitiesForm"),
    SectionKind("items", "条目", m.ItemsSection, _items, form=f"{FORMS}:ItemsForm", recognise=f"{IMPORT}:recognise_items", priority=90),
    SectionKind("facts", "数据", m.FactsSection, st._facts, checks=(check_facts_section,), form=f"{FORMS}:FactsForm"),
    SectionKind("targets", "目标", m.TargetsSection, st._targets, form=f"{FORMS}:TargetsForm"),
    THRESHOLDS,
    SCORING,
)
