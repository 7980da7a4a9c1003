"""Review state of clips in the database (track ``clips``): approve, reject, trim, retitle, export."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, Text, insert, select, update
from sqlalchemy.engine import Connection

from copilot.base.catalog import Catalog
from copilot.base.db import make_engine, migrate, reading, utcnow, writing
from copilot.base.errors import InputError
from copilot.base.ffmpeg import probe
from copilot.base.settings import Settings
from copilot.media.clips import Clip, check_range, render_clip
from copilot.media.highlights import Highlight
from copilot.media.transcript import Transcript

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
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


def _create_clips(conn: Connection) -> None:
    clips_table.create(conn)


STEPS = [(1, "create clips", _create_clips)]


class ClipStore:
    """The clips of every recording and their review status."""

    def __init__(self, settings: Settings, catalog: Catalog | None = None) -> None:
        self.settings = settings
        self._catalog = catalog
        self.engine = make_engine(settings.ledger_url)
        migrate(self.engine, "clips", STEPS)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog.load(self.settings.knowledge_dir)
        return self._catalog

    def add(self, clip: Clip, transcript_path: str | Path = "") -> Clip:
        now = utcnow()
        row = _row(clip)
        clip.transcript = str(transcript_path or clip.transcript)
        row.update(transcript=clip.transcript, created_at=now, updated_at=now)
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

    def _set(self, clip_id: int, **values) -> Clip:
        self.get(clip_id)
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
        return self._set(clip_id, title=title)

    def trim(self, clip_id: int, start: float, end: float) -> Clip:
        """Re-cut the clip with a new start and end (subtitles, 9:16 and cover follow)."""
        old = self.get(clip_id)
        info = probe(old.source)
        check_range(start, end, info.duration)
        end = min(end, info.duration)
        transcript = _transcript(old)
        h = Highlight(sku=old.sku, start=round(start, 2), end=round(end, 2), score=old.score, kind=old.kind,
                      text="".join(s.text for s in transcript.segments if s.end > start and s.start < end))
        out_dir = Path(old.file).parent if old.file else self.settings.data_dir / "clips"
        new = render_clip(old.source, transcript, self.catalog, h, out_dir, info=info,
                          vertical="blur" if old.vertical else None, evergreen=bool(old.evergreen),
                          name=f"clip{old.id}_{int(start * 10):06d}_{int(end * 10):06d}")
        return self._set(clip_id, start=new.start, end=new.end, file=new.file, vertical=new.vertical,
                         cover=new.cover, srt=new.srt, evergreen=new.evergreen, text=new.text)

    def export(self, out_dir: str | Path, recording: str | None = None) -> Path:
        """Copy the approved clips' files into ``out_dir`` and write ``manifest.json``; return its path."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        items = []
        for c in self.list(recording=recording, status="approved"):
            files = {}
            for key in ("file", "vertical", "cover", "srt", "evergreen"):
                src = getattr(c, key)
                if src and Path(src).exists():
                    dst = out / f"{c.id:04d}_{Path(src).name}"
                    shutil.copy2(src, dst)
                    files[key] = dst.name
            items.append({"id": c.id, "sku": c.sku, "kind": c.kind, "start": c.start, "end": c.end,
                          "duration": c.duration, "score": c.score, "title": c.title,
                          "description": c.description, "hashtags": c.hashtags, "recording": c.source,
                          **files})
        manifest = out / "manifest.json"
        manifest.write_text(json.dumps({"clips": items, "exported_at": utcnow().isoformat()},
                                       ensure_ascii=False, indent=1), encoding="utf-8")
        log.info("exported %d approved clips to %s", len(items), out)
        return manifest


def _status(s: str) -> str:
    if s not in STATUSES:
        raise InputError(f"未知状态 {s}", hint=f"可用：{', '.join(STATUSES)}")
    return s


def _transcript(c: Clip) -> Transcript:
    if c.transcript and Path(c.transcript).exists():
        return Transcript.load(c.transcript)
    raise InputError(f"切片 {c.id} 没有保存转写文件，无法重新剪辑", hint="重新运行 copilot clips 生成切片")


def _row(c: Clip) -> dict:
    return {"recording": c.source, "sku": c.sku, "kind": c.kind, "start": c.start, "end": c.end,
            "score": c.score, "title": c.title, "description": c.description,
            "hashtags": json.dumps(c.hashtags, ensure_ascii=False), "text": c.text, "file": c.file,
            "vertical": c.vertical, "cover": c.cover, "srt": c.srt, "evergreen": c.evergreen, "status": c.status}


def _clip(r) -> Clip:
    c = Clip(source=r["recording"], sku=r["sku"], start=r["start"], end=r["end"], score=r["score"], kind=r["kind"],
             title=r["title"], description=r["description"], hashtags=json.loads(r["hashtags"] or "[]"),
             file=r["file"], vertical=r["vertical"], cover=r["cover"], srt=r["srt"], evergreen=r["evergreen"],
             text=r["text"], status=r["status"], transcript=r["transcript"], id=r["id"])
    return c
