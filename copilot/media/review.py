"""Review state of clips in the database (track ``clips``): approve, reject, trim, retitle, render, export.

A clip enters the queue as soon as its talk is found, subtitled, titled and checked (``rendered`` false);
its video files follow (``render``/``render_pending``), so a long stream is ready for review in minutes.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection

from copilot.base.catalog import Catalog
from copilot.base.db import make_engine, migrate, reading, utcnow, writing
from copilot.base.errors import InputError
from copilot.base.ffmpeg import probe
from copilot.base.settings import Settings
from copilot.media.clips import Clip, check_range, render_clip, render_files
from copilot.media.highlights import Highlight
from copilot.media.library import TranscriptLibrary, transcripts_table
from copilot.media.transcript import Transcript
from copilot.media.vetting import vet_text

log = logging.getLogger(__name__)
STATUSES = ("pending", "approved", "rejected")
meta = MetaData()
clips_table = Table(
    "clips", meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recording", Text, nullable=False),
    Column("transcript", Text, nullable=False, default=""),
    Column("sku", String(64), nullable=False),
    Column("kind", String(16), nullable=False, default="talk"),
    Column("start", Float, nullable=False),
    Column("end", Float, nullable=False),
    Column("score", Float, nullable=False, default=0.0),
    Column("title", Text, nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("hashtags", Text, nullable=False, default="[]"),
    Column("text", Text, nullable=False, default=""),
    Column("file", Text, nullable=False, default=""),
    Column("vertical", Text, nullable=False, default=""),
    Column("cover", Text, nullable=False, default=""),
    Column("srt", Text, nullable=False, default=""),
    Column("evergreen", Text, nullable=False, default=""),
    Column("status", String(16), nullable=False, default="pending"),
    Column("uncertain", Integer, nullable=False, default=0),
    Column("candidates", Text, nullable=False, default="[]"),
    Column("violations", Text, nullable=False, default="[]"),
    Column("layout", String(8), nullable=False, default="blur"),  # the 9:16 version: blur | crop | none
    Column("rendered", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


def _create_clips(conn: Connection) -> None:
    clips_table.create(conn)


NEW_COLUMNS = [("uncertain", "INTEGER NOT NULL DEFAULT 0"), ("candidates", "TEXT NOT NULL DEFAULT '[]'"),
               ("violations", "TEXT NOT NULL DEFAULT '[]'"), ("layout", "VARCHAR(8) NOT NULL DEFAULT 'blur'"),
               ("rendered", "INTEGER NOT NULL DEFAULT 1")]


def _review_and_transcripts(conn: Connection) -> None:
    """Uncertain product, compliance, layout and render state on clips; the transcripts library."""
    have = {c["name"] for c in inspect(conn).get_columns("clips")}
    for name, ddl in NEW_COLUMNS:
        if name not in have:
            conn.execute(text(f"ALTER TABLE clips ADD COLUMN {name} {ddl}"))
    transcripts_table.create(conn, checkfirst=True)


STEPS = [(1, "create clips", _create_clips), (2, "review marks and transcripts", _review_and_transcripts)]


class ClipStore:
    """The clips of every recording, their review status, and the transcripts they were cut from."""

    def __init__(self, settings: Settings, catalog: Catalog | None = None) -> None:
        self.settings = settings
        self._catalog = catalog
        self.engine = make_engine(settings.ledger_url)
        migrate(self.engine, "clips", STEPS)
        self.library = TranscriptLibrary(self.engine)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog.load(self.settings.knowledge_dir)
        return self._catalog

    def add(self, clip: Clip, transcript_path: str | Path = "") -> Clip:
        now = utcnow()
        clip.transcript = str(transcript_path or clip.transcript)
        row = _row(clip)
        row.update(created_at=now, updated_at=now)
        with writing(self.engine) as conn:
            clip.id = conn.execute(insert(clips_table).values(**row)).inserted_primary_key[0]
        return clip

    def get(self, clip_id: int) -> Clip:
        with reading(self.engine) as conn:
            r = conn.execute(select(clips_table).where(clips_table.c.id == int(clip_id))).mappings().first()
        if r is None:
            raise InputError(f"没有编号为 {clip_id} 的切片", hint="用 copilot clips-review list 查看已有切片")
        return _clip(r)

    def list(self, recording: str | None = None, status: str | None = None) -> list[Clip]:
        q = select(clips_table).order_by(clips_table.c.recording, clips_table.c.start)
        if recording:
            q = q.where(clips_table.c.recording == str(recording))
        if status:
            q = q.where(clips_table.c.status == _status(status))
        with reading(self.engine) as conn:
            return [_clip(r) for r in conn.execute(q).mappings()]

    def drop_pending(self, recording: str) -> int:
        """Remove the recording's clips not yet reviewed (before cutting it again); approved and rejected stay."""
        with writing(self.engine) as conn:
            return conn.execute(delete(clips_table).where(clips_table.c.recording == str(recording),
                                                          clips_table.c.status == "pending")).rowcount or 0

    def _set(self, clip_id: int, **values) -> Clip:
        self.get(clip_id)
        if "violations" in values:
            values["violations"] = json.dumps(values["violations"], ensure_ascii=False)
        with writing(self.engine) as conn:
            conn.execute(update(clips_table).where(clips_table.c.id == int(clip_id))
                         .values(**values, updated_at=utcnow()))
        return self.get(clip_id)

    def approve(self, clip_id: int) -> Clip:
        return self._set(clip_id, status="approved")

    def reject(self, clip_id: int) -> Clip:
        return self._set(clip_id, status="rejected")

    def retitle(self, clip_id: int, title: str) -> Clip:
        title = (title or "").strip()
        if not title or len(title) > 60:
            raise InputError("标题不能为空，也不能超过 60 个字", hint="请输入一个简短的标题")
        old = self.get(clip_id)
        kept = [v for v in old.violations if v.get("where") != "标题"]
        return self._set(clip_id, title=title, violations=kept + vet_text(title, "标题"))

    def trim(self, clip_id: int, start: float, end: float) -> Clip:
        """Re-cut the clip with a new start and end from its (corrected) transcript: subtitles, 9:16, cover
        and the compliance check follow; the title stays."""
        old = self.get(clip_id)
        info = probe(old.source)
        check_range(start, end, info.duration)
        end = min(end, info.duration)
        transcript = _transcript(old)
        h = Highlight(sku=old.sku, start=round(start, 2), end=round(end, 2), score=old.score, kind=old.kind,
                      uncertain=old.uncertain, candidates=old.candidates)
        out_dir = Path(old.file).parent if old.file else self.settings.data_dir / "clips"
        new = render_clip(old.source, transcript, self.catalog, h, out_dir, info=info,
                          vertical=None if old.layout == "none" else old.layout, evergreen=bool(old.evergreen),
                          name=f"clip{old.id}_{int(start * 10):06d}_{int(end * 10):06d}", title=old)
        return self._set(clip_id, start=new.start, end=new.end, file=new.file, vertical=new.vertical,
                         cover=new.cover, srt=new.srt, evergreen=new.evergreen, text=new.text,
                         violations=new.violations, rendered=1)

    def redo(self, clip_id: int) -> Clip:
        """The same span again, with the transcript as corrected since."""
        c = self.get(clip_id)
        return self.trim(clip_id, c.start, c.end)

    def render(self, clip_id: int) -> Clip:
        """The clip's video files, when the queue got it before they were made."""
        c = self.get(clip_id)
        if c.rendered and c.file and Path(c.file).exists():
            return c
        render_files(c, probe(c.source))
        return self._set(clip_id, rendered=1, cover=c.cover)

    def pending_renders(self, recording: str | None = None) -> list[Clip]:
        return [c for c in self.list(recording=recording) if not c.rendered and c.status != "rejected"]

    def export(self, out_dir: str | Path | None = None, recording: str | None = None) -> Path:
        """The approved clips as one zip (videos, covers, SRTs, manifest.json and manifest.csv); its path."""
        from copilot.media.export import bundle

        approved = self.list(recording=recording, status="approved")
        for c in approved:
            if not c.rendered:
                self.render(c.id)
        return bundle(self.list(recording=recording, status="approved"), self.catalog,
                      Path(out_dir) if out_dir else self.settings.exports_dir)


def _status(s: str) -> str:
    if s not in STATUSES:
        raise InputError(f"未知状态 {s}", hint=f"可用：{', '.join(STATUSES)}")
    return s


def _transcript(c: Clip) -> Transcript:
    if c.transcript and Path(c.transcript).exists():
        return Transcript.load(c.transcript)
    raise InputError(f"切片 {c.id} 没有保存转写文件，无法重新剪辑", hint="重新运行 copilot clips 生成切片")


def _row(c: Clip) -> dict:
    return {"recording": c.source, "transcript": c.transcript, "sku": c.sku, "kind": c.kind, "start": c.start,
            "end": c.end, "score": c.score, "title": c.title, "description": c.description,
            "hashtags": json.dumps(c.hashtags, ensure_ascii=False), "text": c.text, "file": c.file,
            "vertical": c.vertical, "cover": c.cover, "srt": c.srt, "evergreen": c.evergreen, "status": c.status,
            "uncertain": int(c.uncertain), "candidates": json.dumps(c.candidates),
            "violations": json.dumps(c.violations, ensure_ascii=False), "layout": c.layout,
            "rendered": int(c.rendered)}


def _clip(r) -> Clip:
    return Clip(source=r["recording"], sku=r["sku"], start=r["start"], end=r["end"], score=r["score"],
                kind=r["kind"], title=r["title"], description=r["description"],
                hashtags=json.loads(r["hashtags"] or "[]"), file=r["file"], vertical=r["vertical"],
                cover=r["cover"], srt=r["srt"], evergreen=r["evergreen"], text=r["text"], status=r["status"],
                transcript=r["transcript"], uncertain=bool(r["uncertain"]),
                candidates=json.loads(r["candidates"] or "[]"), violations=json.loads(r["violations"] or "[]"),
                layout=r["layout"] or "blur", rendered=bool(r["rendered"]), id=r["id"])
