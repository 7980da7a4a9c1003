"""The package surface: every exported record resolves, and importing the package stays light."""

import subprocess
import sys

import copilot

HEAVY = ("faster_whisper", "chromadb", "gradio")


def test_every_exported_name_resolves():
    for name in copilot.__all__:
        obj = getattr(copilot, name)
        assert obj.__name__ == name, name
    assert set(copilot.__all__) <= set(dir(copilot))


def test_unknown_name_raises_attribute_error():
    try:
        copilot.NoSuchThing  # noqa: B018
    except AttributeError as e:
        assert "NoSuchThing" in str(e)
    else:
        raise AssertionError("expected AttributeError")


def test_import_copilot_does_not_load_heavy_libraries():
    code = f"import sys, copilot; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
