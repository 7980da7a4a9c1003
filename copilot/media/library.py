"""The transcripts of recordings, kept for 切片审核: where each one is, the owner's corrections, and the live
transcripts written during a stream (the fast path: clips cut from them without transcribing again).

Corrections are made in the transcript JSON itself (atomically), so they survive a reload and every later
cut, subtitle and title uses them; a corrected line keeps what recognition heard in ``asr``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, Text, insert, select, update

from copilot.base.catalog import Catalog
from copilot.base.db import reading, utcnow, writing
from copilot.base.errors import InputError
from copilot.media.transcript import Transcript, save

log = logging.getLogger(__name__)
MAX_LINE = 200
meta = MetaData()
transcripts_table = Table(
    "transcripts", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recording", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("kind", String(8), nullable=False, default="file"),  # file | live
    Column("duration", Float, nullable=False, default=0.0),
    Column("segments", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


@dataclass
class Entry:
    id: int
    recording: str
    path: str
    kind: str
    duration: float
    segments: int

    @property
    def label(self) -> str:
        from copilot.media.transcript import fmt_ts

        what = "直播实时转写" if self.kind == "live" else "转写"
        return f"{Path(self.recording).name}（{what}，{self.segments} 句，{fmt_ts(self.duration)}）"


def recording_key(media: str | Path) -> str:
    """How a recording is remembered: its resolved path, or the stream address as given."""
    text = str(media)
    return text if "://" in text else str(Path(text).expanduser().resolve())


class TranscriptLibrary:
    def __init__(self, engine) -> None:
        self.engine = engine

    def register(self, recording: str | Path, path: str | Path, transcript: Transcript,
                 kind: str | None = None) -> Entry:
        """Remember (or update) the transcript at ``path`` of ``recording`` (``kind`` None keeps the known one)."""
        now, key, where = utcnow(), recording_key(recording), str(path)
        values = dict(recording=key, duration=float(transcript.duration), segments=len(transcript.segments),
                      updated_at=now)
        if kind:
            values["kind"] = kind
        with writing(self.engine) as conn:
            row = conn.execute(select(transcripts_table.c.id).where(transcripts_table.c.path == where)).first()
            if row is None:
                conn.execute(insert(transcripts_table).values(path=where, created_at=now,
                                                              **{"kind": "file", **values}))
            else:
                conn.execute(update(transcripts_table).where(transcripts_table.c.id == row[0]).values(**values))
        return self.entry(where)

    def entry(self, path: str | Path) -> Entry | None:
        with reading(self.engine) as conn:
            r = conn.execute(select(transcripts_table).where(transcripts_table.c.path == str(path))).mappings().first()
        return _entry(r) if r else None

    def recent(self, kind: str | None = None, limit: int = 20) -> list[Entry]:
        q = select(transcripts_table).order_by(transcripts_table.c.updated_at.desc(), transcripts_table.c.id.desc())
        if kind:
            q = q.where(transcripts_table.c.kind == kind)
        with reading(self.engine) as conn:
            rows = conn.execute(q.limit(limit)).mappings().all()
        return [_entry(r) for r in rows if Path(r["path"]).exists()]

    def live_for(self, media: str | Path, duration: float) -> Entry | None:
        """The live transcript written while ``media`` was recorded, when it covers the recording."""
        key = recording_key(media)
        for e in self.recent(kind="live", limit=50):
            if e.recording == key and e.duration >= 0.9 * duration - 5.0:
                return e
        return None


def _entry(r) -> Entry:
    return Entry(r["id"], r["recording"], r["path"], r["kind"], float(r["duration"]), int(r["segments"]))


def load(path: str | Path) -> Transcript:
    t = Transcript.load(path)
    t.files = [str(path)]
    return t


def edit_line(path: str | Path, index: int, text: str) -> Transcript:
    """Line ``index`` of the transcript at ``path`` becomes ``text`` (saved at once)."""
    t = load(path)
    if not 0 <= index < len(t.segments):
        raise InputError(f"没有第 {index + 1} 句", hint=f"这份转写共 {len(t.segments)} 句")
    text = " ".join((text or "").split())
    if not text:
        raise InputError("这一句不能改成空的", hint="不需要的句子可以只留一个字，或在切片时修剪掉")
    if len(text) > MAX_LINE:
        raise InputError(f"这一句太长（{len(text)} 字，最多 {MAX_LINE} 字）", hint="把它拆成几句分别修改")
    _set(t.segments[index], text)
    save(t, path)
    return t


def replace_all(path: str | Path, wrong: str, right: str) -> tuple[Transcript, int]:
    """Every ``wrong`` in the transcript at ``path`` becomes ``right``; returns it and the lines changed."""
    wrong, right = (wrong or "").strip(), (right or "").strip()
    if not wrong:
        raise InputError("请填写要替换的文字", hint="例如把识别错的“草霉”替换成“草莓”")
    if len(right) > MAX_LINE or "\n" in right:
        raise InputError("替换后的文字太长或有换行", hint=f"最多 {MAX_LINE} 字，一行")
    t = load(path)
    changed = 0
    for seg in t.segments:
        if wrong in seg.text:
            _set(seg, seg.text.replace(wrong, right))
            changed += 1
    if changed:
        save(t, path)
    return t, changed


def accept(path: str | Path, suggestions: list) -> Transcript:
    """Make the accepted catalog suggestions (``correct.Suggestion`` or their dicts) in the saved transcript."""
    from copilot.media.correct import Suggestion, apply

    t = load(path)
    items = [s if isinstance(s, Suggestion) else Suggestion(**s) for s in suggestions]
    fixed = apply(t, items)
    for before, after in zip(t.segments, fixed.segments):
        if after.text != before.text:
            _set(before, after.text)
    save(t, path)
    return t


def _set(seg, text: str) -> None:
    if not seg.asr:
        seg.asr = seg.text
    seg.text = text


def by_product(transcript: Transcript, catalog: Catalog) -> list[tuple[str, int, int]]:
    """The transcript cut into (label, first, last) parts: each product talk, and what lies between."""
    from copilot.media.highlights import find_talks

    parts: list[tuple[str, int, int]] = []
    pos = 0
    for talk in find_talks(transcript.segments, catalog):
        if talk.first > pos:
            parts.append(("开场" if pos == 0 else "其他（闲聊、抽奖等）", pos, talk.first - 1))
        name = catalog.require(talk.sku).name
        parts.append((f"{name}（商品不确定）" if talk.uncertain else name, talk.first, talk.last))
        pos = talk.last + 1
    if pos < len(transcript.segments):
        parts.append(("开场" if pos == 0 else "其他（闲聊、结尾等）", pos, len(transcript.segments) - 1))
    return parts
