"""A cancel naming several listings is scored by what the ledger drops: the named listings the buyer holds."""
from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser
from evals.intents import Holdings, is_exact, outcomes

DUCKS = [{"sku": "duck_whole", "qty": None}, {"sku": "duck_half", "qty": None}]


def _cancel(user="阿强", items=({"sku": "duck_whole", "qty": None},)):
    return {"user": user, "text": "烧鸭取消", "kind": "cancel", "items": list(items), "needs_review": False}


def _got(items):
    return {"kind": "cancel", "items": items, "needs_review": False}


def test_family_cancel_is_right_when_the_buyer_holds_only_the_labelled_listing():
    assert is_exact(_cancel(), _got(DUCKS), frozenset())
    assert is_exact(_cancel(), _got(DUCKS), frozenset({"duck_whole"}))


def test_family_cancel_is_wrong_when_it_would_also_drop_another_held_listing():
    assert not is_exact(_cancel(), _got(DUCKS), frozenset({"duck_half"}))


def test_cancel_of_the_wrong_listing_stays_wrong():
    assert not is_exact(_cancel(), _got([{"sku": "duck_half", "qty": None}]), frozenset())


def test_cancels_without_listings_are_compared_as_they_are():
    case = _cancel(items=())
    assert is_exact(case, _got([]))
    assert not is_exact(case, _got(DUCKS), frozenset({"duck_half"}))


def test_holdings_follow_the_labels_of_decided_comments_only():
    h = Holdings()
    h.see({"user": "阿强", "kind": "order", "items": [{"sku": "duck_half", "qty": 1}], "needs_review": False})
    h.see({"user": "阿强", "kind": "order", "items": [{"sku": "goose", "qty": 1}], "needs_review": True})
    h.see({"user": "小林", "kind": "order", "items": [{"sku": "duck_whole", "qty": 1}], "needs_review": False})
    assert h.of({"user": "阿强"}) == {"duck_half"}
    h.see({"user": "阿强", "kind": "cancel", "items": [{"sku": "duck_half", "qty": None}], "needs_review": False})
    assert h.of({"user": "阿强"}) == frozenset()


def test_outcomes_track_the_buyer_across_the_set(tmp_path):
    (tmp_path / "products.yaml").write_text(
        "store: {name: 测试烧腊}\nproducts:\n"
        "  - {sku: duck_whole, name: 烧鸭（整只）, price: 68, unit: 只, stock: 10, link: 1}\n"
        "  - {sku: duck_half, name: 烧鸭（半只）, price: 36, unit: 份, stock: 10, link: 2}\n", encoding="utf-8")
    parser = IntentParser(Catalog.load(tmp_path))
    order_half = {"user": "阿强", "text": "2号链接来一份", "current_sku": None, "kind": "order",
                  "items": [{"sku": "duck_half", "qty": 1}], "needs_review": False}
    cancel = dict(_cancel(), current_sku=None)
    assert [ok for _, _, ok in outcomes([cancel], parser)] == [True]              # holds only the whole duck
    assert [ok for _, _, ok in outcomes([order_half, cancel], parser)] == [True, False]   # would drop her half too
