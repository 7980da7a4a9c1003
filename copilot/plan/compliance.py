"""Compliance check of live-stream text against rule packs kept as data (``copilot/rules/*.yaml``).

Four packs: 广告法极限词, 医疗功效, 虚假价格, 平台导流. Each rule is a regex with a suggested rewrite;
each pack lists exception patterns (the counting "第一个", the temporal "最后") whose spans are never
violations. ``check(text)`` returns violations with character offsets; ``rewrite(text)`` applies the
suggestions.

With the catalog (``check(text, catalog=catalog, sku=...)``) a claimed 原价 / 划线价 / 门店价 is checked
against the product's ``original_price``: "原价99今天只要19.9" for a product whose original price is
26.8 is a false price (虚假价格), and so is any 原价 for a product that has none.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

from copilot.base import yamlfile
from copilot.base.errors import ConfigError

log = logging.getLogger(__name__)
RULES_DIR = Path(__file__).resolve().parent / "rules"
CATEGORIES = ("广告法极限词", "医疗功效", "虚假价格", "平台导流")
CLAUSE_END = "，,。！？!?；;\n"


class Violation(BaseModel):
    term: str
    category: str
    start: int
    end: int
    suggestion: str
    advice: str = ""
    rule: str = ""

    def to_dict(self) -> dict:
        return self.model_dump(exclude={"rule"})


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    pattern: re.Pattern
    suggestion: str
    advice: str
    remove_clause: bool = False

    def replacement(self, m: re.Match) -> str:
        groups = {k: v or "" for k, v in m.groupdict().items()}
        try:
            return self.suggestion.format(**groups)
        except (KeyError, IndexError):
            return self.suggestion


@dataclass(frozen=True)
class RulePack:
    category: str
    rules: tuple[Rule, ...]
    exceptions: tuple[re.Pattern, ...]
    source: str


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"规则文件 {where} 里的正则「{pattern}」无效：{exc}",
                          hint="修改 copilot/rules/ 下对应的 YAML") from None


def load_pack(path: Path) -> RulePack:
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"规则文件 {path.name} {yamlfile.describe(exc)}", hint=f"改好 {path} 后重试") from None
    category = data.get("category")
    if category not in CATEGORIES:
        raise ConfigError(f"规则文件 {path} 的 category「{category}」未知",
                          hint=f"可用：{'、'.join(CATEGORIES)}")
    remove = bool(data.get("remove_clause", False))
    rules = tuple(
        Rule(id=str(r.get("id", i)), category=category, pattern=_compile(r["pattern"], path.name),
             suggestion=str(r.get("suggestion", "")), advice=str(r.get("advice", "")),
             remove_clause=bool(r.get("remove_clause", remove)))
        for i, r in enumerate(data.get("rules") or []))
    exceptions = tuple(_compile(p, path.name) for p in data.get("exceptions") or [])
    return RulePack(category=category, rules=rules, exceptions=exceptions, source=path.name)


@lru_cache(maxsize=4)
def load_packs(directory: Path = RULES_DIR) -> tuple[RulePack, ...]:
    paths = sorted(Path(directory).glob("*.yaml"))
    if not paths:
        raise ConfigError(f"找不到合规规则文件（{directory}/*.yaml）", hint="规则文件应随软件包一起安装")
    return tuple(load_pack(p) for p in paths)


def _exception_spans(pack: RulePack, text: str) -> list[tuple[int, int]]:
    return [m.span() for ex in pack.exceptions for m in ex.finditer(text)]


def _candidates(text: str, categories) -> list[tuple[Rule, re.Match]]:
    found = []
    for pack in load_packs():
        if categories and pack.category not in categories:
            continue
        spans = _exception_spans(pack, text)
        for rule in pack.rules:
            for m in rule.pattern.finditer(text):
                if m.end() == m.start():
                    continue
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    continue
                found.append((rule, m))
    return found


PRICE = "虚假价格"
_CLAIM_RE = re.compile(
    r"(?P<kw>原价|划线价|原来(?:卖|要|都卖)|平时(?:卖|要|都卖)|门店价|专柜价|市场价)\s*(?:是|为|都要|要|卖|:|：)?\s*"
    r"(?:[¥￥]\s*)?(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    r"(?:\s*(?:元|块钱?)(?:\s*(?P<jiao>[\d一二两三四五六七八九])(?![\d.斤袋盒个只条把瓶桶份块箱包]))?)?")


def _claimed(m: re.Match) -> float | None:
    from copilot.base.zhnum import zh_to_number

    raw = m.group("num")
    value = float(raw) if raw[0].isdigit() else zh_to_number(raw)
    if value is None:
        return None
    jiao = m.group("jiao")
    return round(value + ((int(jiao) if jiao.isdigit() else zh_to_number(jiao) or 0) / 10 if jiao else 0), 2)


def _claim_products(text: str, m: re.Match, catalog, sku: str | None) -> list:
    """The products a price claim is about: the segment's product, else the ones named in its
    sentence, else in the script heading (【… 1号 丹东九九草莓】) above it, else in the text, else any."""
    if sku and catalog.get(sku) is not None:
        return [catalog.get(sku)]
    start = max((text.rfind(ch, 0, m.start()) for ch in "。！？!?\n"), default=-1) + 1
    ends = [i for i in (text.find(ch, m.end()) for ch in "。！？!?\n") if i >= 0]
    head = text.rfind("【", 0, m.start())
    heading = text[head:text.find("】", head) + 1] if head >= 0 else ""
    for span in (text[start:min(ends, default=len(text))], heading, text):
        named = list({p.sku: p for _, _, p in catalog.mentions(span)}.values())
        if named:
            return named
    return list(catalog.products)


def price_claims(text: str, catalog, sku: str | None = None) -> list[Violation]:
    """Claimed original prices that differ from the catalog's (虚假价格)."""
    from copilot.base.products import fmt_number

    out = []
    for m in _CLAIM_RE.finditer(text or ""):
        claimed = _claimed(m)
        if claimed is None:
            continue
        products = _claim_products(text, m, catalog, sku)
        known = [p.original_price for p in products if p.original_price]
        if any(abs(claimed - o) < 0.005 for o in known):
            continue
        kw = m.group("kw")
        if len(products) == 1 and products[0].original_price:
            p = products[0]
            suggestion = f"{kw if kw in ('原价', '划线价', '门店价') else '原价'}{fmt_number(p.original_price)}元"
            advice = f"商品目录里{p.name}的原价是 {fmt_number(p.original_price)} 元，说 {fmt_number(claimed)} 元是虚构原价"
        else:
            suggestion = f"直播间价{fmt_number(products[0].price)}元" if len(products) == 1 else "直播间价"
            advice = ("商品目录里没有这个商品的原价，不能说原价或划线价" if len(products) == 1 else
                      f"说的原价 {fmt_number(claimed)} 元和商品目录里的原价都对不上")
        out.append(Violation(term=m.group(0), category=PRICE, start=m.start(), end=m.end(), suggestion=suggestion,
                             advice=advice, rule="false-original-price"))
    return out


def check(text: str, categories: list[str] | tuple[str, ...] | None = None, *, catalog=None,
          sku: str | None = None) -> list[Violation]:
    """Violations in ``text``, left to right; overlapping matches keep the longest. With ``catalog``
    (and the product being talked about, ``sku``) claimed original prices are checked too."""
    if not text:
        return []
    found = sorted(_candidates(text, categories), key=lambda rm: (-(rm[1].end() - rm[1].start()), rm[1].start()))
    out: list[Violation] = []
    if catalog is not None and (not categories or PRICE in categories):
        out = price_claims(text, catalog, sku)
    taken: list[tuple[int, int]] = [(v.start, v.end) for v in out]
    for rule, m in found:
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append(m.span())
        out.append(Violation(term=m.group(0), category=rule.category, start=m.start(), end=m.end(),
                             suggestion=rule.replacement(m), advice=rule.advice, rule=rule.id))
    out.sort(key=lambda v: v.start)
    return out


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): from after the previous delimiter to and including the next one."""
    s = start
    while s > 0 and text[s - 1] not in CLAUSE_END:
        s -= 1
    e = end
    while e < len(text) and text[e] not in CLAUSE_END:
        e += 1
    if e < len(text) and text[e] in "，,；;":
        e += 1  # drop the comma that followed the removed clause
    elif s > 0 and text[s - 1] in "，,；;":
        s -= 1  # last clause of a sentence: drop the comma before it, keep the full stop
    return s, e


def rewrite(text: str, categories: list[str] | tuple[str, ...] | None = None, *, catalog=None,
            sku: str | None = None) -> str:
    """``text`` with every violation replaced by its suggestion (health claims drop their clause)."""
    violations = check(text, categories, catalog=catalog, sku=sku)
    if not violations:
        return text
    rules = {(r.category, r.id): r for p in load_packs() for r in p.rules}
    edits: list[tuple[int, int, str]] = []
    for v in violations:
        rule = rules.get((v.category, v.rule))
        if rule is not None and rule.remove_clause:
            s, e = _clause_span(text, v.start, v.end)
            edits.append((s, e, ""))
        else:
            edits.append((v.start, v.end, v.suggestion))
    out, pos = [], 0
    for s, e, rep in sorted(_merge(edits)):
        out.append(text[pos:s])
        out.append(rep)
        pos = e
    out.append(text[pos:])
    result = "".join(out)
    return re.sub(r"^[，,；;]+", "", result)


def _merge(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop edits that fall inside an earlier, wider one (two claims in one removed clause)."""
    merged: list[tuple[int, int, str]] = []
    for s, e, rep in sorted(edits, key=lambda x: (x[0], -x[1])):
        if merged and s < merged[-1][1]:
            ps, pe, prep = merged[-1]
            merged[-1] = (ps, max(pe, e), prep)
            continue
        merged.append((s, e, rep))
    return merged


def summary(violations: list[Violation]) -> str:
    """One Chinese line for the UI and the CLI's human form."""
    if not violations:
        return "合规检查通过：没有发现违规用语"
    by_cat: dict[str, int] = {}
    for v in violations:
        by_cat[v.category] = by_cat.get(v.category, 0) + 1
    parts = "，".join(f"{c} {n} 处" for c, n in by_cat.items())
    return f"发现 {len(violations)} 处需要修改：{parts}"


def highlights(text: str, violations: list[Violation] | None = None) -> list[tuple[str, str | None]]:
    """``text`` cut into (piece, label) pairs for a highlighted view; label is the category or None."""
    violations = check(text) if violations is None else violations
    out, pos = [], 0
    for v in violations:
        if v.start > pos:
            out.append((text[pos:v.start], None))
        label = f"{v.category}→{v.suggestion}" if v.suggestion else f"{v.category}→删除"
        out.append((text[v.start:v.end], label))
        pos = v.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out
