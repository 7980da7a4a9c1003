"""切片审核 in the browser: the sample recording is transcribed and cut, one clip is approved."""

from __future__ import annotations

import pytest
from browser_helpers import open_tab, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_review_a_clip(page, shared_dir):
    if not (shared_dir / "data" / "sample-stream" / "sample-stream.mp4").exists():
        pytest.fail("the sample recording is missing from shared/data/sample-stream")
    open_tab(page, "切片审核")
    page.get_by_role("button", name="载入示例直播录像").click()
    page.wait_for_function("() => (document.querySelector('#clips-path textarea, #clips-path input') || {})"
                           ".value?.endsWith('sample-stream.mp4')")
    page.locator("#clips-run").click()
    # whisper base on the CPU plus ffmpeg for every clip: a few minutes at most
    page.wait_for_function("() => document.querySelector('#clips-status').innerText.includes('切片') && "
                           "document.querySelector('#clips-table').innerText.includes('待审')", timeout=420_000)
    table = page.locator("#clips-table").inner_text()
    assert "丹东九九草莓" in table and "土猪五花肉" in table
    shot(page, "clips-cut")
    page.locator("#clips-table").get_by_text("丹东九九草莓", exact=False).filter(visible=True).first.click()
    page.wait_for_function("() => !document.querySelector('#clips-info').innerText.includes('先在上面的表格')")
    page.locator("#clips-approve").click()
    page.wait_for_function("() => document.querySelector('#clips-table').innerText.includes('通过')", timeout=60_000)
    shot(page, "clips-approved")
