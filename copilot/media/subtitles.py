"""Subtitles that fit the frame: cues of at most two lines of about 16 characters, wrapped by display
width (a Chinese character is full width, two Latin ones), long sentences split at punctuation or pauses
(word timestamps give the times), and the style that burns them in: a font sized from the frame height,
safe margins, 9:16 text clear of the platform's buttons in the bottom 15%.

The SRT written beside a clip is exactly what is burned in (``cues`` -> ``to_srt``), with line breaks;
``burn_filter`` draws that file with libass at the frame's own resolution and without re-wrapping it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from copilot.media.transcript import Segment, stamp, subtitle_text

LINE_CHARS = 16  # full-width characters per line (9:16 and 16:9 alike: one SRT for both videos)
MAX_LINES = 2
BREAK_AFTER = "，,、；;：:。！？!? "
SOFT_STOPS = "，,、；;：: "  # dropped at the end of a line, as subtitles are written
NO_LINE_START = "，,、；;：:。！？!?）)」』”"
GLYPH_ADVANCE = 0.72  # a CJK glyph's advance / ASS font size (Noto Sans CJK measures 0.686; margin for others)


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


@dataclass
class Cue:
    start: float
    end: float
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Style:
    """How a frame of ``width`` x ``height`` shows its subtitles (ASS units = pixels of the frame)."""
    width: int
    height: int

    @property
    def vertical(self) -> bool:
        return self.height > self.width

    @property
    def font_size(self) -> int:
        return max(8, round(self.height * (0.042 if self.vertical else 0.062)))

    @property
    def margin_v(self) -> int:  # from the bottom edge to the bottom of the text
        return round(self.height * (0.20 if self.vertical else 0.07))

    @property
    def margin_h(self) -> int:
        return round(self.width * 0.06)

    def fits(self, units: int) -> bool:
        """A line ``units`` half-widths wide stays inside the side margins."""
        return units / 2 * self.font_size * GLYPH_ADVANCE <= self.width - 2 * self.margin_h

    def force_style(self, font: str) -> str:
        outline = max(1, round(self.font_size * 0.06))
        return (f"PlayResX={self.width},PlayResY={self.height},WrapStyle=2,ScaledBorderAndShadow=yes,"
                f"FontName={font},FontSize={self.font_size},PrimaryColour=&H00FFFFFF,OutlineColour=&H00000000,"
                f"BackColour=&H80000000,BorderStyle=1,Outline={outline},Shadow=1,Alignment=2,"
                f"MarginV={self.margin_v},MarginL={self.margin_h},MarginR={self.margin_h}")


def wrap(text: str, units: int = 2 * LINE_CHARS) -> list[str]:
    """``text`` in lines at most ``units`` half-widths wide, balanced (10 + 10 rather than 16 + 4), broken
    after punctuation when that costs little, never starting a line with punctuation."""
    text = text.strip()
    if display_width(text) <= units:
        return [text] if text else []
    lines = []
    while display_width(text) > units:
        n_lines = -(-display_width(text) // units)
        target = display_width(text) / n_lines
        cut = _best_break(text, units, target)
        lines.append(text[:cut].strip().rstrip(SOFT_STOPS))
        text = text[cut:].strip()
    return lines + ([text] if text else [])


def _best_break(text: str, units: int, target: float) -> int:
    best, where, width = float("inf"), 1, 0
    for i, ch in enumerate(text[:-1], start=1):
        width += char_width(ch)
        if width > units:
            break
        if text[i] in NO_LINE_START:
            continue
        cost = abs(width - target) - (8 if ch in BREAK_AFTER else 0)
        if cost < best:
            best, where = cost, i
    return where


def char_times(seg: Segment) -> list[tuple[float, float]]:
    """(start, end) of every character of ``seg.text``: from its words when they spell the text, else
    spread evenly over the segment."""
    text = seg.text
    times: list[tuple[float, float] | None] = [None] * len(text)
    pos = 0
    for w in seg.words:
        chars = [c for c in w.text if not c.isspace()]
        step = (w.end - w.start) / max(len(chars), 1)
        for k, c in enumerate(chars):
            at = text.find(c, pos, pos + 3)
            if at < 0:
                continue
            times[at] = (w.start + k * step, w.start + (k + 1) * step)
            pos = at + 1
    known = sum(t is not None for t in times)
    if not seg.words or known < 0.6 * len([c for c in text if c not in BREAK_AFTER]):
        step = (seg.end - seg.start) / max(len(text), 1)
        return [(seg.start + k * step, seg.start + (k + 1) * step) for k in range(len(text))]
    return _fill(times, seg.start, seg.end)


def _fill(times: list, start: float, end: float) -> list[tuple[float, float]]:
    """Characters without a time (punctuation) take their neighbours'."""
    out, last = [], start
    for k, t in enumerate(times):
        if t is None:
            nxt = next((x[0] for x in times[k + 1:] if x is not None), end)
            t = (last, max(last, nxt))
        out.append(t)
        last = t[1]
    return out


def cues(segments: list[Segment], line_chars: int = LINE_CHARS, max_lines: int = MAX_LINES) -> list[Cue]:
    """Subtitle cues for ``segments``: one per segment that fits in ``max_lines`` wrapped lines, otherwise
    split at punctuation or the longest pauses between words."""
    units = 2 * line_chars
    out: list[Cue] = []
    for seg in segments:
        text = seg.text
        times = char_times(seg)
        for a, b in _pieces(text, times, units * max_lines):
            piece = subtitle_text(text[a:b]).strip()
            if not piece.strip(BREAK_AFTER):
                continue
            lines = wrap(piece, units)
            start, end = times[a][0], times[b - 1][1]
            if out and start < out[-1].end:
                start = out[-1].end
            out.append(Cue(round(start, 3), round(max(end, start + 0.5), 3), lines))
    return out


def _pieces(text: str, times: list[tuple[float, float]], units: int) -> list[tuple[int, int]]:
    """[a, b) spans of ``text`` at most ``units`` wide, cut where a cut is most natural."""
    spans, a = [], 0
    while display_width(subtitle_text(text[a:])) > units:
        best, cut, width = -1.0, a + 1, 0
        for i in range(a + 1, len(text)):
            width += char_width(text[i - 1])
            if width > units:
                break
            pause = times[i][0] - times[i - 1][1]
            score = (3.0 if text[i - 1] in BREAK_AFTER else 0.0) + min(pause, 1.0) * 4 + width / units
            if text[i] not in NO_LINE_START and score > best:
                best, cut = score, i
        spans.append((a, cut))
        a = cut
    return spans + [(a, len(text))] if a < len(text) else spans


def to_srt(items: list[Cue], offset: float = 0.0) -> str:
    """SRT with the cues' line breaks, times shifted by ``-offset``."""
    return "\n".join(f"{i}\n{stamp(c.start - offset, ',')} --> {stamp(c.end - offset, ',')}\n{c.text}\n"
                     for i, c in enumerate(items, start=1))


def burn_filter(srt_path: str, style: Style, font: str) -> str:
    """The ffmpeg filter that draws ``srt_path`` as it is: at the frame's resolution, without re-wrapping."""
    quoted = srt_path.replace("\\", "\\\\").replace(":", "\\:").replace("'", "\\'")
    return f"subtitles=filename='{quoted}':charenc=UTF-8:force_style='{style.force_style(font)}'"
