"""Transcript records (Word, Segment, Transcript) and their files: JSON with segments and words, SRT, VTT.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from copilot.base.errors import MediaError


@dataclass
class Word:
    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass
class Segment:
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    id: int = 0
    asr: str = ""  # what recognition heard, when the owner corrected the text


@dataclass
class Transcript:
    duration: float
    segments: list[Segment]
    language: str = "zh"
    source: str = ""
    model: str = ""
    files: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def to_dict(self, words: bool = True) -> dict:
        segs = []
        for s in self.segments:
            d = {"id": s.id, "start": round(s.start, 2), "end": round(s.end, 2), "text": s.text}
            if s.asr and s.asr != s.text:
                d["asr"] = s.asr
            if words:
                d["words"] = [{"start": round(w.start, 2), "end": round(w.end, 2), "text": w.text,
                               "probability": round(w.probability, 3)} for w in s.words]
            segs.append(d)
        return {"duration": round(self.duration, 2), "language": self.language, "source": self.source,
                "model": self.model, "segments": segs, "files": list(self.files)}

    @classmethod
    def from_dict(cls, data: dict) -> "Transcript":
        segs = [Segment(start=float(s["start"]), end=float(s["end"]), text=str(s["text"]), id=i,
                        words=[Word(float(w["start"]), float(w["end"]), str(w.get("text", w.get("word", ""))),
                                    float(w.get("probability", 1.0))) for w in s.get("words", [])],
                        asr=str(s.get("asr", "")))
                for i, s in enumerate(data.get("segments", []))]
        return cls(duration=float(data.get("duration") or (segs[-1].end if segs else 0.0)), segments=segs,
                   language=data.get("language", "zh"), source=data.get("source", ""),
                   model=data.get("model", ""), files=list(data.get("files", [])))

    @classmethod
    def load(cls, path: str | Path) -> "Transcript":
        p = Path(path)
        try:
            return cls.from_dict(json.loads(p.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise MediaError(f"找不到转写文件 {p}", hint="先运行 copilot transcribe 生成转写 JSON") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise MediaError(f"转写文件 {p.name} 格式无效：{exc}",
                             hint="请使用 copilot transcribe 生成的 JSON 文件") from None


def fmt_ts(seconds: float) -> str:
    s = int(max(seconds, 0))
    return f"{s // 3600:d}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


def stamp(seconds: float, sep: str) -> str:
    ms = int(round(max(seconds, 0.0) * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def subtitle_text(text: str) -> str:
    """A subtitle line: no trailing comma or full stop (as Chinese subtitles are written)."""
    return text.rstrip("，,。；;")


def to_srt(segments: list[Segment], offset: float = 0.0) -> str:
    blocks = []
    for i, s in enumerate(segments, start=1):
        blocks.append(f"{i}\n{stamp(s.start - offset, ',')} --> {stamp(s.end - offset, ',')}\n"
                      f"{subtitle_text(s.text)}\n")
    return "\n".join(blocks)


def to_vtt(segments: list[Segment], offset: float = 0.0) -> str:
    cues = [f"{stamp(s.start - offset, '.')} --> {stamp(s.end - offset, '.')}\n{subtitle_text(s.text)}\n"
            for s in segments]
    return "WEBVTT\n\n" + "\n".join(cues)


def write_outputs(transcript: Transcript, out_dir: str | Path, stem: str | None = None) -> list[str]:
    """Write ``<stem>.json`` (segments and words), ``.srt`` and ``.vtt``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = stem or (Path(transcript.source).stem if transcript.source else "transcript")
    paths = [out / f"{stem}.json", out / f"{stem}.srt", out / f"{stem}.vtt"]
    transcript.files = [str(p) for p in paths]
    save(transcript, paths[0])
    return transcript.files


def save(transcript: Transcript, path: str | Path) -> Path:
    """The transcript JSON at ``path`` (atomically, 0600), with the SRT and VTT beside it brought up to date."""
    from copilot.base.files import write_private

    p = Path(path)
    write_private(p, json.dumps(transcript.to_dict(), ensure_ascii=False, indent=1))
    write_private(p.with_suffix(".srt"), to_srt(transcript.segments))
    write_private(p.with_suffix(".vtt"), to_vtt(transcript.segments))
    return p
