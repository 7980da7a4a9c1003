"""Two held-out comment rounds can be held out at once: each set is scored under its folder's name."""
import shutil

import evals
import evals.intents as intents
import evals.jielong as jielong

SOURCE = evals.EVALS_DIR / "data" / "intents_blind21"


def _small_set(root, comments=4):
    root.mkdir(parents=True)
    shutil.copy(SOURCE / "products.yaml", root / "products.yaml")
    lines = (SOURCE / "comments.jsonl").read_text(encoding="utf-8").splitlines()[:comments]
    (root / "comments.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "jielong").mkdir()
    first = sorted((SOURCE / "jielong").glob("*.json"))[0]
    shutil.copy(first, root / "jielong" / first.name)


def test_a_folder_holding_one_set_is_that_set(tmp_path):
    _small_set(tmp_path / "one")
    assert evals.held_out_sets(tmp_path / "one") == [tmp_path / "one"]


def test_several_held_out_sets_are_scored_each_under_its_name(tmp_path, monkeypatch):
    _small_set(tmp_path / "r2_b", comments=3)
    _small_set(tmp_path / "r1_a", comments=5)
    (tmp_path / "notes").mkdir()                                      # a folder without a catalog is no set
    assert [p.name for p in evals.held_out_sets(tmp_path)] == ["r1_a", "r2_b"]
    monkeypatch.setattr(intents, "HOLDOUT", tmp_path)
    monkeypatch.setattr(jielong, "HOLDOUT", tmp_path)
    got = intents.run_holdout()
    assert got["r1_a_n"] == 5 and got["r2_b_n"] == 3
    assert got["r1_a_exact"] == intents.run_set(tmp_path / "r1_a")["exact"]
    chains = jielong.run_holdout()
    assert chains["r1_a_cases"] == 1 and chains["r2_b_cases"] == 1 and "pastes_exact" not in chains


def test_every_jielong_tuning_set_gets_its_own_label():
    from evals import BLIND_SETS
    from evals.jielong import set_label

    labels = [set_label(i) for i in range(len(BLIND_SETS) + 30)]
    assert labels[:3] == ["a", "b", "c"] and labels[25:28] == ["z", "aa", "ab"] and set_label(52) == "ba"
    assert len(set(labels)) == len(labels)
