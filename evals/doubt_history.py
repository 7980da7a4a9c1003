"""The doubtful bookings of the earlier held-out comment rounds, and which booking principle would have caught them.

Each held-out round was scored with the parser of one commit, then became a tuning set (its comments did not
change). This runs that commit's parser (``git archive`` into a temporary directory, in a subprocess) on the set,
lists the comments labelled for review that it booked, and checks each against the conditions of the general
booking principles the parser now follows (see ``orders.rules``, ``orders.amounts``, ``orders.shorthand``):

- units: a quantity's unit converts to none of the booked products (the sale unit, a word counted the same, a
  weight for goods sold by weight, or the catalog's ``pack``);
- unread word: a clause with no name and no quantity whose word reads as goods other than the booked ones;
- shared word: a word of several products' names, or of one name where it says their kind (大米 of 东北大米
  beside 香米; a family word, 栗子 of 糖炒栗子 and 栗子仁, 包子 of 肉包 and
  菜包, or one character ending several names, 蛋 of 卤蛋 and 卤鹌鹑蛋, unless the unit said fits one alone; or a
  word that in speech means other goods of the store too, 插座 of 五孔插座 beside 插线板: ``lexicon.also_means``) read
  as one of them;
- several products: two or more products booked with fewer quantities said than products (no 各);
- typo: a product read from a word that is no name of it, where the word is itself another thing or keeps only
  the kind of goods (老鸦 for 老鸭, 由鱼 for 鱿鱼: ``typos.doubtful_typo``);
- own quantity: no product named, and a count with no unit said several times (扣1扣1扣1) or none (我也要, 同上);
- count name: a product read from a name that is a count of things (11朵 of 11朵红玫瑰花束) said alone after an
  order word, no quantity (来11朵): that many loose things, or one of the product.

    python -m evals.doubt_history [--before]     (--before: the first score of each round, before its tuning)
    python -m evals.doubt_history --alarms       (how many plain, rightly booked orders each check would flag)

The figure is an estimate for stores never seen, and an optimistic one: the principles were written after these
comments were read.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from copilot.base.catalog import Catalog
from copilot.base.zhnum import normalize
from copilot.orders.amounts import read_quantities, to_sale_unit
from copilot.orders.cues import count_or_name
from copilot.orders.leftover import rest_of, without_preferences, without_specs
from copilot.orders.lexicon import also_means
from copilot.orders.refs import find_refs, fuzzy_product, mask
from copilot.orders.shorthand import shorthand, sold_in
from copilot.orders.typos import doubtful_typo
from copilot.orders.wording import CHATTER_CLAUSE, PACKING
from evals import EVALS_DIR

ROOT = EVALS_DIR.parent
# set -> (commit of its final held-out score, commit of its first score when it differs)
ROUNDS = {"intents_blind2": ("3d978aa", None), "intents_blind3": ("aa226fe", None), "intents_blind4": ("be4cc04", None),
          "intents_blind5": ("4bc7d0f", "76582e5"), "intents_blind6": ("3c5e4e7", "cb1307c"),
          "intents_blind7": ("9be4b3e", "4299cf8"), "intents_blind8": ("decdc35", "e278bf0"),
          "intents_blind9": ("54fbc32", "90fdcbd"), "intents_blind10": ("a2eb307", "5522920"),
          "intents_blind11": ("87c235a", "e98e140"),
          "intents_blind12": ("6afbb2c", "4236bc5"),
          "intents_blind13": ("0a3b0bd", "19a4a08"),
          "intents_blind14": ("e99b492", "064ca2a"),
          "intents_blind15": ("4c4056b", "312f52c"),
          "intents_blind16": ("38b2202", "a798af5"),
          "intents_blind17": ("c58d8ae", "c502763"),
          "intents_blind18": ("d2cdaf3", "97b574f"),
          "intents_blind19": ("8c6fc14", "8da1f0a"),
          "intents_blind20": ("4fb00b4", "52a0f5e"),
          "intents_blind21": ("8722524", "1e843c0"),
          "intents_blind22": ("95a543b", "446f0e2"),
          "intents_blind23": ("b1dab38", "acaeb23"),
          "intents_blind24": ("c2aeb04", "6c1ee23"),
          "intents_blind25": ("22c3ef6", "5138230"),
          "intents_blind26": ("03530a6", "c6ed4dd"),
          "intents_blind27": ("3f4f969", "3917dd6"),
          "intents_blind28": ("945513a", "58c9d27"),
          "intents_blind29": ("7fdc543", "5b81c39"),
          "intents_blind30": ("6bdda9f", "5488669"),
          "intents_blind31": ("5378784", "4252d1a"),
          "intents_blind32": ("5378784", "0513dd7"),
          "intents_blind33": ("9d5eca2", "ac07a14"),
          "intents_blind34": ("9d5eca2", "45f0262"),
          "intents_blind35": ("d896632", "55d17e2"),
          "intents_blind36": ("d896632", "4b36e92"),
          "intents_blind37": ("83081cc", "8497fa5"),
          "intents_blind38": ("83081cc", "e041205"),
          "intents_blind39": ("c6cd289", "1d514d7"),
          "intents_blind40": ("c6cd289", "6bed79d"),
          "intents_blind41": ("f8381d7", "98690c4"),
          "intents_blind42": ("f8381d7", "ac026d7"),
          "intents_blind43": ("83fecd7", "03561db"),
          "intents_blind44": ("83fecd7", "6d6aae4"),
          "intents_blind45": ("7273f77", "f61b87d"),
          "intents_blind46": ("7273f77", "1db9941"),
          "intents_blind47": ("2d68064", "e486b57"),
          "intents_blind48": ("2d68064", "81c4730"),
          "intents_blind49": ("c33ac1d", "a5c6512"),
          "intents_blind50": ("c33ac1d", "aa8db54"),
          "intents_blind51": ("c33ac1d", "7312a8f"),
          "intents_blind52": ("c33ac1d", "a2ac664"),
          "intents_blind53": ("f14721e", "ebf1266"),
          "intents_blind54": ("f14721e", "5fe7007"),
          "intents_blind55": ("70546fb", "62ab249"),
          "intents_blind56": ("70546fb", "500f22e"),
          "intents_blind59": ("0df150a", "589d907"),
          "intents_blind60": ("0df150a", "589d907")}
_SPLIT = re.compile(r"[,，、;；。!！~～\n()（）]+|\s+")
_EACH = re.compile(r"各|每样|每种")
_COPIED = re.compile(r"也要|也来|同上|同款|一样")  # 我也要, 同上: someone else's order, no quantity of its own
_RUN = """
import json, sys
from pathlib import Path
from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser
root = Path(sys.argv[1]); parser = IntentParser(Catalog.load(root)); out = []
for line in (root / "comments.jsonl").read_text(encoding="utf-8").splitlines():
    if line.strip():
        c = json.loads(line); out.append({"case": c, "got": parser.parse(c["text"], c.get("current_sku")).to_dict()})
print(json.dumps(out, ensure_ascii=False))
"""


def old_outputs(commit: str, root: Path) -> list[dict]:
    """The parse of every comment of ``root`` by the parser of ``commit``."""
    with tempfile.TemporaryDirectory(prefix="copilot-doubt-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "copilot", "prompts"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        done = subprocess.run([sys.executable, "-c", _RUN, str(root)], cwd=tmp, env={"PYTHONPATH": tmp, "HOME": tmp},
                              check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def doubtful(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["case"].get("needs_review") and not r["got"]["needs_review"]
            and r["got"]["kind"] in ("order", "modify", "cancel")]


def _clauses(text: str) -> list[str]:
    return [c for c in _SPLIT.split(normalize(text)) if c]


def units(text, current, catalog, items) -> bool:
    """The quantities the parser reads as goods: not in a clause about the household (我家猫8斤, 家里4个人, 宝宝8个月),
    not the spec of a product (350克的), not how to pack it (帮我分两包装)."""
    said = [q for c in _clauses(PACKING.sub(" ", normalize(text))) if not CHATTER_CLAUSE.search(c)
            for q in read_quantities(without_specs(mask(c, find_refs(c, catalog)), catalog)) if q.unit]
    products = [catalog.get(i["sku"]) for i in items]
    return any(all(to_sale_unit(q, p) is None for p in products) for q in said)


def _leftovers(text, catalog, quantities: bool = True):
    """Per clause: its product references, the clause with them blanked, and the word left once the product
    names, preferences (and, with ``quantities``, the quantities read) are taken out."""
    for c in _clauses(text):
        refs = find_refs(c, catalog)
        masked = mask(c, refs)
        yield refs, masked, rest_of(without_preferences(masked, catalog), read_quantities(masked) if quantities else [])


def unread_word(text, current, catalog, items) -> bool:
    booked = {i["sku"] for i in items}
    on_screen = catalog.get(current) if current else None
    for refs, masked, word in _leftovers(text, catalog, quantities=False):
        if refs or read_quantities(masked) or not 2 <= len(word) <= 8:
            continue
        product = fuzzy_product(word, catalog, on_screen)
        if product is not None and product.sku not in booked or product is None and catalog.holding(word):
            return True
    return False


def shared_word(text, current, catalog, items) -> bool:
    booked = {i["sku"] for i in items}
    for refs, masked, word in _leftovers(text, catalog):
        if any(r.product is None and booked & {p.sku for p in r.family} and not _told_apart(r, refs, masked)
               for r in refs):
            return True
        owners = {p.sku for p in catalog.holding(word)} if len(word) >= 2 else set()
        if not owners and len(word) == 2 and word[1] in "子儿":  # 包子 of 肉包 / 菜包
            owners = {p.sku for p in catalog.holding(word[0])}
        kind = len(owners) == 1 and shorthand(catalog).kind_of_many(word, catalog.get(next(iter(owners))))
        kind = kind or bool(owners and also_means(word, catalog))  # 插座 of 五孔插座, beside 插线板
        if (len(owners) >= 2 or kind) and booked & owners or _kind_word(word, masked, catalog, booked):
            return True
    return False


def _told_apart(ref, refs, masked) -> bool:
    """湿巾来5包 (the single pack alone is sold by the 包), XL的来一包 纸尿裤 (one product in both families): the
    unit said, or another family word of the comment, leaves one product of the family."""
    said = [q.unit for q in read_quantities(masked) if q.unit]
    if len(said) == 1 and sold_in(ref.family, said[0], ref.label) is not None:
        return True
    others = [{p.sku for p in r.family} for r in refs if r is not ref and r.product is None and r.family]
    return any(len({p.sku for p in ref.family} & o) == 1 for o in others)


def _kind_word(word, masked, catalog, booked) -> bool:
    """蛋 of 卤蛋 and 卤鹌鹑蛋: one character that ends several products' names, one of them booked, where the
    quantity said does not fit that one alone (虾2斤 of 基围虾 by the 斤 and 小龙虾 by the 份 does)."""
    kinds = [p for p in catalog if len(word) == 1 and any(n.endswith(word) for n in p.names)]
    if len(kinds) < 2 or not booked & {p.sku for p in kinds}:
        return False
    said = read_quantities(masked)
    fits = [p for p in kinds if said and all(to_sale_unit(q, p) is not None for q in said)]
    return len(fits) != 1


def several_products(text, current, catalog, items) -> bool:
    if len(items) < 2:
        return False
    said = sum(len(read_quantities(mask(c, find_refs(c, catalog)))) for c in _clauses(text))
    return said < len(items) and not (said == 1 and _EACH.search(text))


def typo(text, current, catalog, items) -> bool:
    booked = {i["sku"] for i in items}
    on_screen = catalog.get(current) if current else None
    for refs, masked, word in _leftovers(text, catalog):
        product = fuzzy_product(word, catalog, on_screen) if not refs and 2 <= len(word) <= 8 else None
        if product is not None and product.sku in booked and doubtful_typo(word, product, catalog):
            return True
    return False


def count_name(text, current, catalog, items) -> bool:
    """来11朵 of the 11朵 bouquet: a product read from a name that is a count of things, said alone after an order
    word with no quantity: the count may be the quantity (``cues.count_or_name``)."""
    booked = {i["sku"] for i in items}
    for c in _clauses(text):
        refs = [r for r in find_refs(c, catalog) if r.product and r.product.sku in booked]
        if count_or_name(c, refs, read_quantities(mask(c, refs))):
            return True
    return False


def own_quantity(text, current, catalog, items) -> bool:
    said = [q for c in _clauses(text) if not find_refs(c, catalog) for q in read_quantities(c)]
    if any(find_refs(c, catalog) for c in _clauses(text)):
        return False
    return len(said) > 1 and all(q.unit is None for q in said) or not said and bool(_COPIED.search(text))


PRINCIPLES = {"units": units, "unread word": unread_word, "shared word": shared_word,
              "several products": several_products, "typo": typo, "own quantity": own_quantity,
              "count name": count_name}


def main(before: bool = False) -> dict:
    totals = {"doubtful": 0, **{k: 0 for k in PRINCIPLES}, "any": 0}
    for name, commits in ROUNDS.items():
        commit = commits[1] if before else commits[0]
        if commit is None:
            continue
        root = EVALS_DIR / "data" / name
        catalog = Catalog.load(root)
        rows = doubtful(old_outputs(commit, root))
        print(f"--- {name} at {commit}: {len(rows)} doubtful booked")
        for r in rows:
            c = r["case"]
            hits = [k for k, check in PRINCIPLES.items() if check(c["text"], c.get("current_sku"), catalog,
                                                                   r["got"]["items"])]
            print(f"  {c['text']}  ->  {', '.join(hits) or '(none)'}")
            totals["doubtful"] += 1
            totals["any"] += bool(hits)
            for k in hits:
                totals[k] += 1
    print(json.dumps(totals, ensure_ascii=False))
    return totals


def alarms() -> dict:
    """How many orders the current parser books and the tuning sets label as plain (no review) each check flags:
    a check that flags every order would catch every doubtful booking too."""
    from copilot.orders.parser import IntentParser

    totals = {"booked": 0, **{k: 0 for k in PRINCIPLES}}
    for name in ["intents_blind", *ROUNDS]:
        root = EVALS_DIR / "data" / name
        catalog = Catalog.load(root)
        parser = IntentParser(catalog)
        for line in (root / "comments.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else None
            if case is None or case["kind"] != "order" or case.get("needs_review"):
                continue
            got = parser.parse(case["text"], case.get("current_sku")).to_dict()
            if got["needs_review"]:
                continue
            totals["booked"] += 1
            for k, check in PRINCIPLES.items():
                totals[k] += bool(check(case["text"], case.get("current_sku"), catalog, got["items"]))
    print(json.dumps(totals, ensure_ascii=False))
    return totals


if __name__ == "__main__":  # --alarms: the checks on the plain orders of the tuning sets instead
    if "--alarms" in sys.argv[1:]:
        alarms()
    else:
        main(before="--before" in sys.argv[1:])
