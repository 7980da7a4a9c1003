"""The knowledge base's word lists, kept as data in ``copilot/knowledge/lexicon/*.yaml`` and compiled
once: aspects (what a question is about), kinds of value (what it asks for), typos, thesaurus,
stopwords, places, surnames, the guards (injection, off-topic) and the live catalog questions.

    lex = lexicon()
    lex.aspects["storage"].label        -> "储存"
    lex.kinds["duration"].value.search("保质期 21 天")
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from copilot.base import yamlfile
from copilot.base.errors import ConfigError

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
FILES = ("aspects.yaml", "kinds.yaml", "words.yaml", "guards.yaml", "catalog.yaml", "parts.yaml")


@dataclass(frozen=True)
class Aspect:
    key: str
    label: str
    scope: str                   # "product" | "store" | "both"
    ask: tuple[str, ...]         # name the aspect in a question (a filter)
    hint: tuple[str, ...]        # only hint at it (a boost; stay words the answer must contain)
    heading: tuple[str, ...]     # in a heading / key: the passage is of this aspect
    passage: tuple[str, ...]     # in a passage's text: the passage is of this aspect


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    strict: bool                 # an answer must hold a value of this kind
    ask: re.Pattern
    value: re.Pattern | None
    keys: tuple[str, ...]        # bullet keys / table cells whose value is of this kind
    frame: tuple[str, ...] = ()  # question words that only frame the value asked (谁家做的: 做)
    units: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a cue's unit -> the units a value may carry
    dimensions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a cue's dimension (厚) -> words that say it
    other_dimensions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a cue's dimension (长) -> words of the others


@dataclass(frozen=True, eq=False)
class Lexicon:
    aspects: dict[str, Aspect]
    kinds: dict[str, Kind]       # in the order a question's kind is decided
    typos: dict[str, str]
    typo_re: re.Pattern | None
    thesaurus: dict[str, tuple[str, ...]]
    stopwords: frozenset[str]
    filler: frozenset[str]       # how a viewer asks, not what: not a word the answer must contain
    contrasts: tuple[tuple[tuple[str, ...], ...], ...]  # conditions that exclude each other
    opposite_marks: tuple[tuple[tuple[str, ...], ...], ...]  # 有 / 没有: marks of cases that exclude each other
    events: tuple[tuple[str, ...], ...]   # events a time is told of (直播, 自提, 到货 ...)
    condition_units: dict[str, tuple[str, float, bool]]  # 斤 -> (weight, 500, False): amounts naming a condition
    condition_holders: tuple[str, ...]   # what an amount before it is of (10个月宝宝, 3 斤的猫)
    span_units: dict[str, tuple[str, float]]   # 厘米 -> (length, 1): units of a size a row is keyed by
    whole_ends: tuple[str, ...]   # 身, 体: the last character of a word for a thing's whole body (杯身, 整体)
    made_of: tuple[str, ...]   # 材料, 材质: a question asks what the product is made of
    size_framing: tuple[str, ...]   # 穿, 戴, 屋子: words that only frame the choice of a size row
    keyed_measures: dict[str, tuple[str, tuple[tuple[str, float, float], ...]]]   # 身高 -> (length/height, bare reads)
    measure_equivalents: dict[str, tuple[str, ...]]   # 斤 -> 500 克 ...: the same measure said another way
    comparisons: tuple[str, ...]   # 超过, 少于 ...: the value after them is a threshold of a rule
    opaque: frozenset[str]       # compounds that do not say their characters alone (生抽)
    materials: tuple[str, ...]   # keys of what a product is made of (原料): a list under one is its ingredients
    places: frozenset[str]
    place_re: re.Pattern
    guards: dict[str, re.Pattern]
    catalog: dict[str, re.Pattern]
    version: str
    clitics: frozenset[str] = frozenset()   # 后, 了 ...: close a word a slip is typed in (开代后)
    owner_speakers: frozenset[str] = frozenset()   # 店长, 老板 ...: who answers in a chat pasted into the notes

    def fix_typos(self, text: str) -> str:
        """保值期 -> 保质期, 咋 -> 怎么, 好次 -> 好吃, and a pinyin keyboard's slips of the listed words (保直期,
        开带, 密风 -> 保质期, 开袋, 密封): the text matched, never the text shown. Lengths are kept."""
        if self.typo_re is not None:
            text = self.typo_re.sub(lambda m: self.typos[m.group(0)], text)
        return _sound_fixed(self, text)

    @functools.cached_property
    def sounds(self) -> dict[tuple[str, ...], str]:
        """The listed words of 2-4 characters by their toneless pinyin (one word per reading)."""
        from pypinyin import lazy_pinyin

        words = {w for w in self.vocabulary if 2 <= len(w) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in w)}
        words |= {w for k in self.kinds.values() for w in k.keys if 2 <= len(w) <= 4}
        out: dict[tuple[str, ...], str] = {}
        clash: set[tuple[str, ...]] = set()
        for w in sorted(words):
            w = self.typo_re.sub(lambda m: self.typos[m.group(0)], w) if self.typo_re is not None else w
            key = tuple(lazy_pinyin(w))
            if key in out and out[key] != w:
                clash.add(key)
            out[key] = w
        return {k: w for k, w in out.items() if k not in clash}

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lists name (aspects, thesaurus, contrasts): words, never characters to split."""
        words = {w for a in self.aspects.values() for ws in (a.ask, a.hint, a.heading, a.passage) for w in ws}
        words |= set(self.thesaurus) | {w for ws in self.thesaurus.values() for w in ws}
        words |= {w for group in self.contrasts for c in group for w in c}
        words |= {w for group in self.events for w in group} | self.opaque
        return frozenset(words)

    @property
    def store_aspects(self) -> frozenset[str]:
        return frozenset(k for k, a in self.aspects.items() if a.scope == "store")


@functools.lru_cache(maxsize=65536)
def _reading(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0] if "\u4e00" <= ch <= "\u9fff" else ""


_CUT_CACHES: list = []


def cut_cache(fn):
    """Mark a cache whose results depend on how jieba cuts text: it is dropped when the words change."""
    _CUT_CACHES.append(fn.cache_clear)
    return fn


def words_changed() -> None:
    """jieba was taught other words (another store's product names): cached cuts no longer hold."""
    for clear in _CUT_CACHES:
        clear()


@cut_cache
@functools.lru_cache(maxsize=65536)
def _sound_fixed(lex: Lexicon, text: str) -> str:
    """``text`` with each run of 2-4 characters that is no dictionary word, cut as jieba cuts it, but sounds
    like a listed word with one character slipped (保直期 for 保质期, 开带 for 开袋) read as that word."""
    sounds = lex.sounds
    if not sounds or len(text) < 2 or not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    import jieba  # the shared tokenizer (``text.tokenizer`` sets it up; this module sits below it)

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    cuts, pos = [], 0
    for w in jieba.lcut(text, HMM=False):
        cuts.append((pos, pos + len(w), len(w) == 1 or not freq.get(w)))
        pos += len(w)
    bounds, pos = {0}, 0   # where jieba's guesses cut: a two-character slip is one guessed word (开带), not 有|冲味
    for w in jieba.lcut(text):
        pos += len(w)
        bounds.add(pos)
    particle = lex.guards.get("slip_particle")   # 还我吗 is no 还我妈: a question's particle is never a slip
    out, k = list(text), 0
    while k < len(cuts):
        done = k + 1
        for m in range(min(len(cuts), k + 4), k, -1):   # the longest run of weak pieces first
            a, b = cuts[k][0], cuts[m - 1][1]
            if not 2 <= b - a <= 4 or not all(weak for _a, _b, weak in cuts[k:m]) or \
                    b - a == 2 and not ({a, b} <= bounds or {a, b + 1} <= bounds and text[b] in lex.clitics) or \
                    "slip_kept" in lex.guards and lex.guards["slip_kept"].match(text, b):   # 能坐着吃, 能坐多重
                continue
            word = sounds.get(tuple(_reading(ch) for ch in text[a:b]))
            if word and _one_slip(text[a:b], word) and not (particle is not None and any(
                    s != w and particle.fullmatch(s) for s, w in zip(text[a:b], word))):
                out[a:b] = word
                done = m
                break
        k = done
    return "".join(out)


def _one_slip(said: str, word: str) -> bool:
    """One character mistyped, and in a word of two its second (开带, 保直期; 取行 is not 去腥, 冲味 not 虫味)."""
    diff = [i for i, (a, b) in enumerate(zip(said, word)) if a != b]
    return len(diff) == 1 and (len(word) > 2 or diff[0] == 1)


def _read(name: str) -> dict:
    path = LEXICON_DIR / name
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"知识库词表 {name} {yamlfile.describe(exc)}", hint=f"改好 {path} 后重启") from None
    except OSError as exc:
        raise ConfigError(f"知识库词表 {name} 无法读取：{exc}",
                          hint=f"{path} 随程序一起提供：确认它在、能读，必要时重新安装") from None
    if not isinstance(data, dict):
        raise ConfigError(f"知识库词表 {name} 格式不对", hint=f"{path} 顶层应是“键: 值”的映射")
    return data


def lexicon_file(name: str) -> dict:
    """The words of one data file of ``lexicon/`` (``parts.yaml``) for a module that reads its own section."""
    return _read(name)


def _compile(patterns, name: str, flags: int = 0) -> re.Pattern | None:
    items = [str(p) for p in (patterns or []) if str(p)]
    if not items:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in items), flags)
    except re.error as exc:
        raise ConfigError(f"知识库词表里的规则「{name}」不是有效的正则表达式：{exc}",
                          hint="检查 copilot/knowledge/lexicon/ 里对应的条目") from None


def _place_re(places: frozenset[str], lookalikes: tuple[str, ...]) -> re.Pattern:
    """One pattern for every place, except where it is part of a longer common word (大理 of 大理石)."""
    parts = []
    for place in sorted(places, key=len, reverse=True):
        guard = ""
        for word in (w for w in lookalikes if place in w):
            at = word.find(place)
            before, after = re.escape(word[:at]), re.escape(word[at + len(place):])
            guard += ("(?!" + (f"(?<={before})" if before else "") + re.escape(place)
                      + (f"(?={after})" if after else "") + ")")
        parts.append(guard + re.escape(place))
    return re.compile("|".join(parts) or r"(?!)")


def _words(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(value.split())
    return tuple(str(v) for v in (value or []) if str(v).strip())


def _units(value, places: frozenset[str]) -> tuple[str, ...]:
    """A cue's units, ``{PLACES}`` standing for every place of the places list (产地 wants a place's name)."""
    words = _words(value)
    return tuple(dict.fromkeys(u for w in words for u in (sorted(places) if w == "{PLACES}" else (w,))))


def _aspects(data: dict, fix) -> dict[str, Aspect]:
    def words(value) -> tuple[str, ...]:  # as the typo map reads them: 咋放 is matched as 怎么放
        return tuple(dict.fromkeys(w2 for w in _words(value) for w2 in (w, fix(w))))

    out = {}
    for key, spec in data.items():
        spec = spec or {}
        out[key] = Aspect(key=key, label=str(spec.get("label", key)), scope=str(spec.get("scope", "product")),
                          ask=words(spec.get("ask")), hint=words(spec.get("hint")),
                          heading=words(spec.get("heading")), passage=words(spec.get("passage")))
    return out


def _kinds(data: dict, surnames: str, places: frozenset[str] = frozenset()) -> dict[str, Kind]:
    subs = {f"{{{k}}}": str(v) for k, v in (data.get("numbers") or {}).items()}
    subs["{SURNAME}"] = f"[{surnames}]"

    def fill(p: str) -> str:
        for k, v in subs.items():
            p = p.replace(k, v)
        return p

    specs = data.get("kinds") or {}
    out = {}
    for key in data.get("order") or list(specs):
        spec = specs.get(key) or {}
        asks = sorted((fill(p) for p in spec.get("ask") or []), key=len, reverse=True)  # the longest cue first
        out[key] = Kind(key=key, label=str(spec.get("label", key)), strict=bool(spec.get("strict")),
                        ask=_compile(asks, f"{key}.ask") or re.compile(r"(?!)"),
                        value=_compile([fill(p) for p in spec.get("value") or []], f"{key}.value", re.IGNORECASE),
                        keys=_words(spec.get("keys")), frame=_words(spec.get("frame")),
                        units=tuple(sorted(((str(k), _units(v, places)) for k, v in (spec.get("units") or {}).items()),
                                           key=lambda kv: -len(kv[0]))),
                        dimensions=tuple((str(k), _words(v)) for k, v in (spec.get("dimensions") or {}).items()),
                        other_dimensions=tuple((str(k), _words(v))
                                               for k, v in (spec.get("other_dimensions") or {}).items()))
    return out


def _bare_read(spec) -> tuple[str, float, float]:
    """``厘米 50 250`` -> (厘米, 50, 250): a bare number in that span after a keyed measure is read in that unit."""
    unit, lo, hi = str(spec).split()
    return unit, float(lo), float(hi)


@functools.cache
def lexicon() -> Lexicon:
    raw = {name: _read(name) for name in FILES}
    version = hashlib.sha1("".join((LEXICON_DIR / n).read_text(encoding="utf-8") for n in FILES).encode()).hexdigest()
    words = raw["words.yaml"]
    surnames = "".join(str(words.get("surnames") or "").split())
    typos = {str(k): str(v) for k, v in (words.get("typos") or {}).items()}
    places = frozenset(_words(words.get("places")))
    typo_re = re.compile("|".join(re.escape(t) for t in sorted(typos, key=len, reverse=True))) if typos else None

    def fix(text: str) -> str:
        return typo_re.sub(lambda m: typos[m.group(0)], text) if typo_re is not None else text

    return Lexicon(
        aspects=_aspects(raw["aspects.yaml"], fix),
        kinds=_kinds(raw["kinds.yaml"], surnames, places),
        typos=typos,
        typo_re=typo_re,
        thesaurus={str(k): _words(v) for k, v in (words.get("thesaurus") or {}).items()},
        stopwords=frozenset(_words(words.get("stopwords"))),
        filler=frozenset(_words(words.get("filler"))),
        contrasts=tuple(tuple(_words(c) for c in str(g).split("|")) for g in words.get("contrasts") or []),
        opposite_marks=tuple(tuple(_words(c) for c in str(g).split("|")) for g in words.get("opposite_marks") or []),
        events=tuple(_words(g) for g in words.get("events") or []),
        condition_units={str(k): (str(v[0]), float(v[1]), len(v) > 2 and v[2] == "always")
                         for k, v in (words.get("condition_units") or {}).items()},
        condition_holders=_words(words.get("condition_holders")),
        span_units={str(k): (str(v[0]), float(v[1])) for k, v in (words.get("span_units") or {}).items()},
        size_framing=_words(words.get("size_framing")),
        whole_ends=_words(words.get("whole_ends")),
        made_of=_words(words.get("made_of")),
        keyed_measures={str(k): (str(v[0]), tuple(_bare_read(x) for x in v[1:]))
                        for k, v in (words.get("keyed_measures") or {}).items()},
        comparisons=_words(words.get("comparisons")),
        measure_equivalents={str(k): tuple(str(x) for x in v or ())
                             for k, v in (words.get("measure_equivalents") or {}).items()},
        opaque=frozenset(_words(words.get("opaque"))),
        materials=_words(words.get("materials")),
        places=places,
        place_re=_place_re(places, _words(words.get("place_lookalikes"))),
        guards={k: _compile(v, k, re.IGNORECASE) or re.compile(r"(?!)") for k, v in raw["guards.yaml"].items()},
        catalog={k: _compile(v, k) or re.compile(r"(?!)") for k, v in raw["catalog.yaml"].items()},
        version=version[:12],
        clitics=frozenset(_words(words.get("clitics"))),
        owner_speakers=frozenset(_words(words.get("owner_speakers"))),
    )
