"""切片审核 in the browser: a path outside the allowed folders is refused (a Chinese toast), the sample
recording is transcribed, a correction survives a reload, clips are cut from the corrected text with product
names (not skus), one is approved and the approved clips are exported as one zip."""

from __future__ import annotations

import pytest
from browser_helpers import open_tab, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
STATUS = "() => (document.querySelector('#clips-status') || {}).innerText || ''"


def _status_has(page, text: str, timeout: int = 420_000) -> None:
    page.wait_for_function(f"() => ({STATUS})().includes({text!r})", timeout=timeout)


def test_a_path_outside_the_allowed_folders_is_refused(page):
    open_tab(page, "切片审核")
    page.locator("#clips-path textarea, #clips-path input").first.fill("/etc/passwd")
    page.locator("#clips-transcribe").click()
    page.wait_for_function("() => document.body.innerText.includes('只能打开上传的录像')", timeout=30_000)
    shot(page, "clips-refused")
    title = page.evaluate("() => { const t = document.querySelector('.toast-title.error');"
                          " const s = getComputedStyle(t); return [getComputedStyle(t, '::before').content, s.fontSize]; }")
    assert title == ['"出错了"', "0px"]  # the toast's title is Chinese (Gradio's own "Error" is hidden)
    assert "passwd" not in page.locator("#clips-status").inner_text()


def test_review_a_clip(page, shared_dir):
    if not (shared_dir / "data" / "sample-stream" / "sample-stream.mp4").exists():
        pytest.fail("the sample recording is missing from shared/data/sample-stream")
    open_tab(page, "切片审核")
    page.get_by_role("button", name="载入示例直播录像").click()
    page.wait_for_function("() => (document.querySelector('#clips-path textarea, #clips-path input') || {})"
                           ".value?.endsWith('sample-stream.mp4')")
    page.locator("#clips-transcribe").click()
    _status_has(page, "转写完成")  # whisper base on the CPU: a minute or two
    assert "processing" not in page.locator("#clips-status").inner_text()
    page.wait_for_function("() => document.querySelector('#clips-transcript').innerText.includes('草莓')")
    shot(page, "clips-transcript")

    # a correction: replace a word everywhere, then reload the page: it is still there
    page.locator("#clips-find textarea, #clips-find input").first.fill("老赵")
    page.locator("#clips-replace textarea, #clips-replace input").first.fill("赵老板")
    page.locator("#clips-replace-all").click()
    page.wait_for_function("() => document.querySelector('#clips-transcript').innerText.includes('赵老板')",
                           timeout=30_000)
    info = page.evaluate("() => getComputedStyle(document.querySelector('.toast-title.info'), '::before').content")
    assert info == '"提示"' and "替换成「赵老板」" in page.locator("body").inner_text()
    page.reload()
    page.wait_for_selector("button[role=tab]", timeout=60_000)
    open_tab(page, "切片审核")
    page.wait_for_function("() => document.querySelector('#clips-transcript').innerText.includes('赵老板')",
                           timeout=60_000)

    page.locator("#clips-run").click()
    page.wait_for_function("() => document.querySelector('#clips-table').innerText.includes('待审')", timeout=420_000)
    table = page.locator("#clips-table").inner_text()
    assert "丹东九九草莓" in table and "土猪五花肉" in table and "strawberry" not in table
    shot(page, "clips-cut")
    page.locator("#clips-table").get_by_text("丹东九九草莓", exact=False).filter(visible=True).first.click()
    page.wait_for_function("() => !document.querySelector('#clips-info').innerText.includes('先在上面的表格')")
    page.locator("#clips-approve").click()
    page.wait_for_function("() => document.querySelector('#clips-table').innerText.includes('通过')", timeout=60_000)
    _status_has(page, "都已生成成片")
    page.locator("#clips-export").click()
    page.wait_for_function("() => document.querySelector('#clips-files').innerText.includes('.zip')", timeout=120_000)
    shot(page, "clips-exported")
