"""Compliance on clips: a clip lives on after the stream, so what it says (its subtitles) and what it is
called (title, description) are checked against the rule packs of ``copilot.plan.compliance`` (广告法,
医疗功效, 虚假价格, 平台导流). Each violation comes with the suggested rewrite of its line or title.

The one arrow from media into plan, named in pyproject.toml's independence contract.
"""

from __future__ import annotations

from copilot.plan.compliance import check, rewrite


def vet_text(text: str, where: str) -> list[dict]:
    """Violations in ``text`` (one subtitle line, the title, the description) with its rewrite."""
    found = check(text)
    if not found:
        return []
    fixed = rewrite(text)
    return [{"term": v.term, "category": v.category, "suggestion": v.suggestion, "advice": v.advice,
             "where": where, "text": text, "rewrite": fixed} for v in found]


def vet(clip) -> list[dict]:
    """Every violation in a clip's subtitles (per line of the SRT as burned in), title and description."""
    out: list[dict] = []
    for line in _srt_lines(clip.srt):
        out += vet_text(line, "字幕")
    out += vet_text(clip.title, "标题")
    out += vet_text(clip.description, "简介")
    return out


def _srt_lines(path: str) -> list[str]:
    """The text of an SRT's cues, one string per cue (its lines joined)."""
    from pathlib import Path

    if not path or not Path(path).exists():
        return []
    blocks = Path(path).read_text(encoding="utf-8").strip().split("\n\n")
    return ["，".join(b.splitlines()[2:]) for b in blocks if len(b.splitlines()) >= 3]
