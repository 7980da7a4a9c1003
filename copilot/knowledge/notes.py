"""Notes as owners really write them, read into facts: prose sentences, bullet "key：value" items (nested
bullets keep their parent's key; a short line of a numbered outline, 2. 用的啥屏, keys the items indented below
it), Q&A pairs (问/答, Q/A, **问题？** 回答, a question alone on its line, 「多长？」, then its answer: the question
is the answer's key; a chat pasted in, 顾客：能挂墙上吗 / 店长：能挂能摆, where the owner's line answers the line
before it, and an owner's 对 to what the customer said holds the customer's words), table rows (the first cell
is the key) and headings (the context of what follows).

    title, pieces = split_markdown(text)
    Piece(section="储存", key="保质期", text="21 天，冷藏", layout="bullet")
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.knowledge.wordlists import lexicon

MEMO_LINE = 30   # a memo's lines are this short at most, and most of them end unpunctuated
PUNCT_END = re.compile(r"[。！？!?；;，,、：:…]\s*$")
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])(?![。！？!?；;])")   # 全换！！ ends one sentence
# (一、家长不下水…… / （二）当天请假的不补: a memo's lines numbered in Chinese numerals are bullets too)
BULLET = re.compile(r"^(?:[-+•·●○◆◇▪■□★☆✔✅➤→◎]\s*|\*(?!\*)\s*|\d{1,2}(?:[、)）]|\.(?!\d))\s*|[（(]\d{1,2}[)）]\s*|"
                    r"[一二三四五六七八九十]{1,3}、\s*|[（(][一二三四五六七八九十]{1,3}[)）]\s*)")
# 【产地】山东烟台 / [储存] 冷藏 7 天: a bracketed label, then the value
BRACKET_KEY = re.compile(r"^[【\[]([^】\]]{1,12})[】\]]\s*[：:]?\s*(.*)$")
# 一、产地 / 二、怎么保存: a numbered heading written without #
ZH_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\s*(\S.{0,15})$")
ZH_NUMBERED = re.compile(r"^[一二三四五六七八九十]{1,3}(?:[、.．]|[ \u3000]+)")   # the next line of a numbered list
# 三 取货 / 七 进群 直播: a group notice's numbered heading, its number set off by a space, a few words, no number
ZH_SPACED_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}[ \u3000]+([^\d\s，。,；;：:！？!?]{1,8}(?:\s[^\d\s，。,；;：:！？!?]{1,6})?)$")
# "保质期：21 天" / "**产地**：河南" / "谁家做的：麦田坊": a short label, then the value
KEY_VALUE = re.compile(r"^\**([^\d，。,；;：:！？!?*|]{1,12}?)\**\s*[：:]\s*\**\s*(.*)$")
QUESTION = re.compile(r"^\**(?:问题?|提问|Q|q)\s*\d{0,2}\s*[：:.、]\s*(.+)$")
ANSWER = re.compile(r"^\**(?:答|回答|答复|A|a)\s*\d{0,2}\s*[：:.、]\s*(.*)$")
# 「是啥竹子的？」 / “多久换一次？” / 多长？ on a line of its own: a question whose answer is the next line
QUOTED = re.compile(r"^[「『“\"]\s*([^」』”\"]{1,30}?)\s*[」』”\"]$")
LONE_QUESTION = re.compile(r"^[^。！!；;，,？?]{1,20}[？?]$")
BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*\s*[：:]?\s*(.*)$")
# | 码数 | 身高 | 腰围 |: a size chart, whose rows are keyed by the size with its header (码数 XL)
SIZE_HEAD = re.compile(r"^(?:码数|尺码|码|号码|号型|型号|尺寸|size)$", re.IGNORECASE)
LEAD_IN = re.compile(r"^[^。！？!?；;，,：:|]{2,20}[：:]$")   # 尺码按身高选：  (the list below tells the values)
# 2. 用的啥屏 over the items indented below it: a short line that says no fact of its own heads them
OUTLINE_HEAD = re.compile(r"^[^。！？!?；;，,：:|]{1,12}$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


@dataclass
class Piece:
    """One fact before it is stored: a sentence (or two short ones) with its heading and key."""
    section: str
    text: str
    key: str = ""
    layout: str = "sentence"   # "sentence" | "bullet" | "table" | "qa"


class _Reader:
    def __init__(self, min_len: int, chat: bool = False) -> None:
        self.min_len = min_len
        self.chat = chat              # the notes are a chat: "speaker：words" lines are questions and answers
        self.title = ""
        self.headings: dict[int, str] = {}
        self.pieces: list[Piece] = []
        self.question = ""          # the open Q of a Q&A pair
        self.answered = False       # its answer has begun: a blank line closes it
        self.parents: list[tuple[int, str]] = []   # (indent, key) of bullets that open a nested list
        self.header: list[str] = []  # the current table's header row
        self.in_table = False
        self.qa_table = False         # its header is 问题 | 回答
        self.opens = False            # the line read is followed by a bullet indented deeper than it
        self.memo = False             # the notes are a memo: one short unpunctuated fragment a line

    @property
    def section(self) -> str:
        return " / ".join(h for _lvl, h in sorted(self.headings.items()) if h)

    def heading(self, line: str) -> None:
        level = len(line) - len(line.lstrip("#"))
        text = line.lstrip("#").strip().strip("*").strip()
        if level == 1 and not self.title:
            self.title = text
            return
        self.headings = {lv: h for lv, h in self.headings.items() if lv < level}
        self.headings[level] = text
        self.question, self.parents = "", []

    def add(self, text: str, key: str = "", layout: str = "sentence") -> None:
        buf = ""
        for sent in (s.strip() for s in SENTENCE_END.split(text)):
            if not sent:
                continue
            buf += sent
            if len(buf) >= self.min_len:
                self.pieces.append(Piece(self.section, buf, key, layout))
                buf = ""
        if buf:
            last = self.pieces[-1] if self.pieces else None
            if last and last.section == self.section and last.key == key and len(buf) < self.min_len \
                    and layout == "sentence" and last.layout == layout:
                last.text += self._joint(last.text) + buf
            else:
                self.pieces.append(Piece(self.section, buf, key, layout))

    def _joint(self, before: str) -> str:
        """What joins a short line to the piece before it: nothing after a sentence's end or in prose (a wrapped
        line goes on with its sentence); in a memo whose lines end unpunctuated (当天请假算上过 / 一班6人以内), a
        clause break, so the two lines are not read as one clause."""
        return "；" if self.memo and before and not PUNCT_END.search(before) else ""

    def table_row(self, line: str) -> None:
        cells = [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]
        if not self.in_table:
            self.in_table, self.header = True, cells
            self.qa_table = bool(cells) and bool(re.match(r"^(问题?|提问|Q)$", cells[0], re.IGNORECASE))
            return
        if TABLE_RULE.match(line.strip()) or not any(cells):
            return
        key, rest = cells[0], [c for c in cells[1:]]
        if len(rest) == 1:
            value = rest[0]
            if self.qa_table:      # | 问题 | 回答 |: the question is the answer's key
                self.add(value, key, "qa")
                return
        else:
            heads = self.header[1:] if len(self.header) == len(cells) else [""] * len(rest)
            value = "；".join(f"{h}：{c}" if h else c for h, c in zip(heads, rest) if c)
            if key and self.header and SIZE_HEAD.match(self.header[0]) and self.header[0] not in key:
                key = f"{self.header[0]} {key}"
        if value:   # a row is one fact: its cells are told together (冷冻室 | 上汽后蒸 | 12 分钟)
            self.pieces.append(Piece(self.section, value, key, "table"))
        elif key:
            self.add(key, "", "table")

    def bullet(self, raw: str, line: str) -> None:
        indent = _indent(raw)   # (a tab counts as the reader's opening check counts it)
        body = BULLET.sub("", line, count=1).strip()
        while self.parents and self.parents[-1][0] >= indent:
            self.parents.pop()
        parent = self.parents[-1][1] if self.parents else ""
        key, value = _split_key(body)
        if key and not value:
            self.parents.append((indent, key))
            return
        if not key and self.opens and OUTLINE_HEAD.match(body):   # 2. 用的啥屏 / 　1) iP 用的是国产屏: its key
            self.parents.append((indent, body))
            return
        if key:
            self.add(value, key, "bullet")
        else:
            self.add(body, parent, "bullet")

    def line(self, raw: str) -> None:
        line = raw.strip()
        if line.startswith("|"):
            self.table_row(line)
            return
        self.in_table = False
        if BULLET.match(line):
            self.bullet(raw, line)
            return
        self.parents = []
        if self.chat and self.said(line):
            return
        q = QUESTION.match(line)
        if q:
            self.question, self.answered = q.group(1).strip().strip("*").strip(), False
            return
        lone = QUOTED.match(line) or LONE_QUESTION.match(line)
        if lone and _is_question(lone.group(1) if lone.re is QUOTED else line):
            self.question, self.answered = (lone.group(1) if lone.re is QUOTED else line).strip(), False
            return
        a = ANSWER.match(line)
        if a and self.question:
            self.answered = True
            if a.group(1).strip():
                self.add(a.group(1).strip(), self.question, "qa")
            return
        bold = BOLD_LEAD.match(line)
        if bold:
            lead, rest = bold.group(1).strip().rstrip("：:").strip(), bold.group(2).strip()
            if _is_question(lead):
                self.question, self.answered = lead, bool(rest)
                if rest:
                    self.add(rest, lead, "qa")
                return
            if rest:
                self.add(rest, lead, "bullet")
                return
            self.headings[max(self.headings or {1: ""}) + 1] = lead
            return
        key, value = _split_key(line)
        if key and value:
            self.add(value, key, "bullet")
        elif LEAD_IN.match(line) and not self.question:
            self.parents = [(-1, line.rstrip("：:").strip())]   # 尺码按身高选： opens the list below, says no fact
        elif self.question:        # the answer of a Q&A pair written without 答：
            self.answered = True
            self.add(line, self.question, "qa")
        else:
            self.add(line)

    def said(self, line: str) -> bool:
        """A chat line (李姐：几天能拿 / 店长：当天下午五点以后拿): an owner's words answer the open question,
        anyone else's open one. False when the line is no speaker's."""
        who, words = _speaker(line)
        if not who:
            return False
        if who not in lexicon().owner_speakers:
            self.question, self.answered = words, False
        elif self.question:
            self.answered = True
            self.add(_confirmed(self.question, words), self.question, "qa")
        else:
            self.add(words)
        return True


def _speaker(line: str) -> tuple[str, str]:
    """(speaker, words) of a chat line: a short name, a colon, what was said."""
    m = KEY_VALUE.match(line)
    if not m or len(m.group(1).strip()) > 6 or not m.group(2).strip() or QUESTION.match(line) or ANSWER.match(line):
        return "", ""
    return m.group(1).strip(), m.group(2).strip()


def _confirmed(said: str, answer: str) -> str:
    """An owner's 对 to what a customer said, not asked (一节一个半钟头啊 / 对，比平时长半个钟头): the customer's words
    are the fact it confirms (一节一个半钟头，比平时长半个钟头); any other answer as it is."""
    guards = lexicon().guards
    m = guards["confirms"].match(answer)
    if m is None or _is_question(said):
        return answer
    fact, rest = guards["statement_tail"].sub("", said), answer[m.end():].strip()
    return f"{fact}，{rest}" if rest else fact


def _is_chat(text: str) -> bool:
    """The notes are a chat pasted in: at least two lines are the owner's (店长：……) and two another speaker's."""
    owners = lexicon().owner_speakers
    speakers = [_speaker(line.strip())[0] for line in text.splitlines()]
    return sum(s in owners for s in speakers) >= 2 and sum(bool(s) and s not in owners for s in speakers) >= 2


def _is_question(text: str) -> bool:
    return text.endswith(("？", "?")) or bool(re.search(r"吗|么|呢|几|多少|怎么|咋|啥|什么|哪|谁|能不能|可以不", text))


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _split_key(text: str) -> tuple[str, str]:
    b = BRACKET_KEY.match(text)
    if b and b.group(2).strip():
        return b.group(1).strip(), b.group(2).strip()
    m = KEY_VALUE.match(text)
    if not m:
        return "", ""
    key, value = m.group(1).strip(), m.group(2).strip().strip("*").strip()
    if not key or QUESTION.match(text) or ANSWER.match(text):
        return "", ""
    return key, value


# 取货 / 进群 直播 alone on a line, a list below it: the list's heading
BARE_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:[ \u3000][\u4e00-\u9fff]{1,6})?$")
# 1 一盒测2次 / 2 测前：……: a memo's numbered line, its number set off by a space (when 1, 2 and 3 start lines)
SPACED_NUMBER = re.compile(r"^(\d{1,2})[ \u3000]+(?=[^\d\s.])")


def _memo_numbered(lines: list[str]) -> list[str]:
    """Lines numbered "1 ……", "2 ……" as a memo numbers them, read as "1、……": only when lines 1, 2 and 3 are."""
    numbers = [m.group(1) for m in map(SPACED_NUMBER.match, (line.strip() for line in lines)) if m]
    if not {"1", "2", "3"} <= set(numbers):
        return lines
    return [SPACED_NUMBER.sub(lambda m: m.group(1) + "、", line.strip()) if SPACED_NUMBER.match(line.strip())
            else line for line in lines]


def _is_memo(lines: list[str]) -> bool:
    """The notes are a memo: of their plain lines (no heading, row or bullet), there are several, all short, and
    most end with no punctuation (时长→1.5h / 泥不限量 / 一班6人以内)."""
    plain = [x.strip() for x in lines
             if x.strip() and not re.match(r"\s*(?:#|\||<!--)", x) and not BULLET.match(x.strip())]
    return len(plain) >= 4 and all(len(x) <= MEMO_LINE for x in plain) and \
        sum(not PUNCT_END.search(x) for x in plain) * 3 >= len(plain) * 2


STRUCK = re.compile(r"~~[^~\n]+~~[ \t]*")   # markdown strikethrough: text the owner crossed out, no longer true


def split_markdown(text: str, min_len: int = 8) -> tuple[str, list[Piece]]:
    """(title, pieces) of a notes file in any of the layouts above; very short prose sentences are
    merged into the previous one so every piece says one complete thing."""
    reader = _Reader(min_len, _is_chat(text))
    lines = _memo_numbered(STRUCK.sub("", text).splitlines())   # ~~+20~~ +30: the owner crossed the old value out
    reader.memo = _is_memo(lines)
    for n, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith("<!--"):
            if not line:
                reader.in_table = False
                if reader.answered:
                    reader.question, reader.answered = "", False
            continue
        if line.startswith("#"):
            reader.in_table = False
            reader.heading(line)
            continue
        z = ZH_HEADING.match(line) or ZH_SPACED_HEADING.match(line)
        b = BRACKET_KEY.match(line)
        after = next((x.strip() for x in lines[n + 1:] if x.strip()), "")
        if BARE_HEAD.match(line) and BULLET.match(after) and not reader.question:
            z = BARE_HEAD.match(line)
        if z and z.re is not BARE_HEAD and (not after or after.startswith("#") or ZH_NUMBERED.match(after)):
            z = None   # 一、拆了封的不退 / 二、镜片裂了……: a memo's numbered lines, no heading (it heads nothing)
        if (z and not re.search(r"[。，,；;]", z.group(z.lastindex or 0))) or (b and not b.group(2).strip()):
            reader.in_table = False
            reader.heading("## " + (z.group(z.lastindex or 0) if z else b.group(1)))
            continue
        nxt = next((x for x in lines[n + 1:] if x.strip()), "")
        reader.opens = bool(BULLET.match(nxt.strip())) and _indent(nxt) > _indent(raw)
        reader.line(raw)
    return reader.title, reader.pieces
