"""Where the scan screen's frames come from: a configured source, the demo samples, the camera.

`ctx.services["frame_source"]` (a callable mode -> FrameSource) wins when set (tests, the
screenshot script). In demo mode the bundled samples of a mode are played in turn
(resources/samples/demo.json: a family whose passports and numbers can be added one person after
the other); the next one comes after each result (`next_turn`). Otherwise the camera.
"""

from __future__ import annotations

from kiosk import resources
from kiosk.scan.frames import CameraSource, FileSource, FrameSource

# Which sample is next is no user's data: it outlives sessions.
_demo_turns: dict[str, int] = {}


def open_source(ctx, mode: str) -> FrameSource:
    """The configured source for `mode`; runs on the capture thread (a camera can be slow)."""
    factory = ctx.services.get("frame_source")
    if factory is not None:
        return factory(mode)
    if ctx.config.demo:
        return FileSource(demo_sample(mode), loop=True, fps=15)
    return CameraSource.from_config(ctx.config.scan)


def demo_sample(mode: str):
    """The bundled sample demo mode shows for `mode` now."""
    samples = resources.load_json("samples/demo.json")[mode]
    return resources.path("samples/" + samples[_demo_turns.get(mode, 0) % len(samples)])


def next_turn(mode: str) -> None:
    """A result of `mode` was delivered: demo mode shows the next sample from now on."""
    _demo_turns[mode] = _demo_turns.get(mode, 0) + 1
