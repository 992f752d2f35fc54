"""The checks every document type runs on its drafts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator

from ..findings import Finding
from ..ledger import check_ledger
from ..model import Draft
from ..money import share_percent
from .placeholders import find_placeholders


def walk_text(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in plain draft data with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk_text(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk_text(value, f"{path}[{i}]")


def check_ledgers(draft: Draft) -> list[Finding]:
    """Arithmetic, 大写 and policy minimums of every ledger section."""
    findings: list[Finding] = []
    for key, section in draft.sections_of("ledger"):
        findings.extend(check_ledger(section, f"sections.{key}"))
    return findings


def check_placeholders(draft: Draft) -> list[Finding]:
    """Placeholders left in any text of the draft."""
    findings = []
    for path, text in walk_text(draft.model_dump(mode="python")):
        for hit in find_placeholders(text):
            context = text[max(0, hit.start - 10) : hit.end + 10]
            findings.append(
                Finding(
                    kind="placeholder",
                    severity="error",
                    rule="PLACEHOLDER",
                    where=path,
                    message=f"还有未填写的占位符「{hit.text}」：…{context}…",
                    quote=hit.text,
                    suggestion="填写实际内容后删除占位符",
                )
            )
    return findings


def check_facts(draft: Draft) -> list[Finding]:
    """Stated shares and sums of parts against the figures they derive from."""
    return [f for key, section in draft.sections_of("facts") for f in check_facts_section(section, f"sections.{key}")]


def check_facts_section(section, where: str) -> list[Finding]:
    """Stated shares and sums of parts of one facts section (the facts kind's check)."""
    findings: list[Finding] = []
    for i, share in enumerate(section.shares):
        whole = section.value(share.whole)
        if whole == 0:
            findings.append(Finding("arithmetic", "error", f"{where}.shares[{i}]", f"「{share.whole}」为 0，无法计算占比", rule="SHARE"))
            continue
        computed = share_percent(section.value(share.part), whole, share.decimals)
        if share.stated_percent is not None and share.stated_percent != computed:
            findings.append(
                Finding(
                    kind="arithmetic",
                    severity="error",
                    where=f"{where}.shares[{i}].stated_percent",
                    rule="SHARE",
                    message=f"占比写作 {share.stated_percent}%，按 {section.value(share.part)}÷{whole} 计算应为 {computed}%",
                    stated=share.stated_percent,
                    computed=computed,
                    difference=share.stated_percent - computed,
                    suggestion=f"改为 {computed}%（或清空“所写百分比”，由程序计算）",
                )
            )
    for i, rule in enumerate(section.sums):
        whole = section.value(rule.whole)
        parts = sum((section.value(p) for p in rule.parts), Decimal(0))
        if parts != whole:
            labels = {f.key: f.label for f in section.facts}
            findings.append(
                Finding(
                    kind="arithmetic",
                    severity="error",
                    where=f"{where}.sums[{i}]",
                    rule="PARTS",
                    message=(
                        f"「{labels[rule.whole]}」写作 {whole}，但 "
                        + "、".join(labels[p] for p in rule.parts)
                        + f" 相加为 {parts}"
                    ),
                    stated=whole,
                    computed=parts,
                    difference=whole - parts,
                )
            )
    return findings


def check_header(draft: Draft) -> list[Finding]:
    """Header consistency: the document number's year against the date."""
    findings = []
    number = draft.header.doc_number
    if number:
        year = int(number.split("〔")[1][:4])
        if year != draft.header.date.year:
            findings.append(
                Finding(
                    "header",
                    "warning",
                    "header.doc_number",
                    f"发文字号年份 {year} 与成文日期 {draft.header.date.year} 年不一致",
                    quote=number,
                    rule="HEADER-YEAR",
                )
            )
    if draft.header.print_date and draft.header.print_date < draft.header.date:
        findings.append(Finding("header", "warning", "header.print_date", "印发日期早于成文日期", rule="HEADER-PRINT"))
    return findings


def required_sections(*keys_kinds: tuple[str, str]):
    """A check that the draft has a section of each required kind."""

    def check_required_sections(draft: Draft) -> list[Finding]:
        kinds = {s.kind for s in draft.sections.values()}
        return [
            Finding("structure", "warning", "sections", f"缺少「{title}」一节（{kind}）", rule="STRUCTURE")
            for kind, title in keys_kinds
            if kind not in kinds
        ]

    return check_required_sections


def check_figures_in_text(draft: Draft) -> list[Finding]:
    """References that name nothing, and typed figures that contradict the budget (kit.refs)."""
    from ..refs import REFERENCE_CHECKS

    return [f for check in REFERENCE_CHECKS for f in check(draft)]


def check_sections(draft: Draft) -> list[Finding]:
    """The checks each section's kind declares (kit.sections): ledgers, facts, thresholds, scoring …"""
    from ..sections import check_sections as run

    return run(draft)


DRAFT_CHECKS = (check_sections, check_placeholders, check_header, check_figures_in_text)
