"""Widgets for drafting in a notebook or a Voilà app; the logic stays in plain functions.

Open a draft with :meth:`DraftApp.open` (it works on a copy in ``drafts/``),
display the app, and every accepted change is saved at once.
"""

from .app import DraftApp, download_href, render_module
from .controls import Field, FormContext, ListEditor
from .forms import ActivitiesForm, FactsForm, HeaderForm, ItemsForm, OrganisationForm, ProseForm, SectionForm, TargetsForm
from .figures import FigureInsert
from .jobs import JobApp, SummaryJob
from .ledger_form import LedgerForm
from .picker import DraftPicker, SpendingComparison, blank, from_file, import_to_draft, summary_data_from_plan, summary_of
from .report import ledger_report, spending_report
from .session import DraftSession, drafts_dir, output_dir, sample_path, working_copy

__all__ = [
    "ActivitiesForm",
    "DraftApp",
    "DraftPicker",
    "DraftSession",
    "FactsForm",
    "FigureInsert",
    "Field",
    "FormContext",
    "HeaderForm",
    "ItemsForm",
    "JobApp",
    "SummaryJob",
    "LedgerForm",
    "ListEditor",
    "OrganisationForm",
    "ProseForm",
    "SectionForm",
    "SpendingComparison",
    "TargetsForm",
    "blank",
    "download_href",
    "from_file",
    "import_to_draft",
    "drafts_dir",
    "ledger_report",
    "output_dir",
    "render_module",
    "sample_path",
    "spending_report",
    "summary_data_from_plan",
    "summary_of",
    "working_copy",
]
