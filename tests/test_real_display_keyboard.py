"""The on-screen keyboard on a real X display, tapped with real pointer events (xdotool).

What the offscreen tests could not see: a keyboard taller than its widget (the top row cut off
in every layout), a keyboard that stopped drawing after its first frame (Shift and &123 changed
the keys, the screen kept the old labels: the key showing "a" typed "@"), a globe key that
opened a language list outside the window and swallowed the next tap, and a tap on a button
lost because the keyboard closed (and the button moved) before the finger was up.

Every layout is checked the same way: each key lies inside the keyboard on the screen, the
screen shows the keyboard's scene as it is now (its pixels equal a fresh rendering of it) with a
label on every key, and tapping every key types what it says.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.fixtures.display import RealKiosk

REGISTER = "screen('register').form.rows"
KEY_TYPES = {"backspace": 1, "globe": 2, "enter": 3, "filler": 4, "hide": 6, "shift": 11}
KEY_TYPES |= {"space": 12, "symbols": 13}
CHARACTER_KEY = 8


@pytest.fixture(scope="module")
def kiosk(xdisplay, tmp_path_factory):
    """One kiosk for the module, on the form of a new individual account (every kind of field)."""
    kiosk = RealKiosk(xdisplay, tmp_path_factory.mktemp("keyboard"))
    kiosk.exec("nav.go('register', {'category': 'individual'})")
    yield kiosk
    kiosk.stop()


def field(name: str) -> str:
    return f"{REGISTER}[{name!r}].edit"


def tap_field(kiosk: RealKiosk, name: str) -> None:
    """Empty a field of the form (set-up), bring it into view and tap it: the keyboard opens,
    afresh (closed first: an open keyboard keeps the layout the last field left it in)."""
    kiosk.exec("QGuiApplication.inputMethod().hide()")
    kiosk.wait_until("not w.keyboard.isVisible()")
    kiosk.exec(f"f = {field(name)}; f.clear(); screen('register').scroll.ensureWidgetVisible(f)")
    kiosk.tap_widget(field(name))
    kiosk.wait_until(f"{field(name)}.hasFocus() and w.keyboard.isVisible()")
    kiosk.pause(250)


def key(kiosk: RealKiosk, kind: str | None = None, label: str | None = None) -> dict:
    """The key of that kind or label (waiting a moment: a new layout loads in the background)."""
    for _ in range(40):
        for k in kiosk.keys():
            if (kind is None or k["type"] == KEY_TYPES[kind]) and label in (None, k["display"]):
                return k
        kiosk.pause(50)
    raise AssertionError(f"no {kind or label} key: {[k['display'] for k in kiosk.keys()]}")


def tap_key(kiosk: RealKiosk, found: dict) -> None:
    kiosk.tap_rect(found["rect"])
    kiosk.pause(150)


def character_keys(keys: list[dict]) -> list[dict]:
    return [k for k in keys if k["type"] == CHARACTER_KEY and k["text"] and not k["function"]]


def assert_keyboard_shown_whole_and_current(kiosk: RealKiosk, name: str) -> list[dict]:
    """Every key inside the keyboard on the screen, and the screen showing the keyboard's
    scene as it is now, each key with a label; the keys."""
    keys = kiosk.keys()
    panel = kiosk.eval("w.keyboard")
    px, py, pw, ph = panel["rect"]
    assert panel["visible"] and py + ph <= 1080, panel
    rows = sorted({k["rect"][1] for k in keys})
    assert len(rows) >= 4, (name, rows)
    for k in keys:
        x, y, width, height = k["rect"]
        inside = px <= x and x + width <= px + pw and py <= y and y + height <= py + ph
        assert inside, f"{name}: key {k['display'] or k['text']!r} at {k['rect']} outside {panel}"
    screen = kiosk.screenshot(name).astype(int)[py : py + ph, px : px + pw]
    frame = kiosk.keyboard_frame(f"{name}-scene").astype(int)
    assert frame.shape == screen.shape
    for k in keys:
        x, y, width, height = k["rect"]
        left, top = x - px, y - py
        shown = screen[top : top + height, left : left + width]
        scene = frame[top : top + height, left : left + width]
        label = k["display"] or k["text"]
        # A stale keyboard differs from its scene by whole labels; a fresh one by rounding.
        assert np.abs(shown - scene).mean() < 4, f"{name}: key {label!r} shows an old frame"
        if k["type"] == CHARACTER_KEY and label.strip():
            assert shown.std() > 10, f"{name}: key {label!r} has no label on the screen"
    return keys


def assert_every_key_types_its_label(kiosk: RealKiosk, form_field: str, keys: list[dict]):
    """Tap every character key once: the field holds exactly their labels, in order."""
    pressed = character_keys(keys)
    for k in pressed:
        label = k["display"].replace("\u2423", " ")  # "␣": the space key of the digit pads
        assert label.lower() == k["text"].lower(), k
    kiosk.tap_each([k["rect"] for k in pressed])
    typed = "".join(k["text"] for k in pressed)
    kiosk.wait_until(f"{field(form_field)}.text() == {typed!r}", timeout_s=5)


@pytest.mark.parametrize(
    "name, form_field, first_keys, latin",
    [
        ("arabic", "full_name", [], False),
        ("arabic-symbols", "full_name", ["symbols"], False),
        ("english", "username", [], True),
        ("english-symbols", "username", ["symbols"], True),
        ("english-symbols-2", "username", ["symbols", "1/2"], True),
        ("digits", "national_number", [], True),
        ("phone", "phone", [], True),
    ],
)
def test_every_layout_shows_all_its_rows_and_every_key_types_its_label(
    kiosk, name, form_field, first_keys, latin
):
    tap_field(kiosk, form_field)
    locale = kiosk.eval("w.keyboard.rootObject().property('locale')")
    assert locale == ("en_US" if latin else "ar_AR"), (form_field, locale)
    for first in first_keys:
        tap_key(kiosk, key(kiosk, label=first) if first == "1/2" else key(kiosk, first))
    keys = assert_keyboard_shown_whole_and_current(kiosk, name)
    assert_every_key_types_its_label(kiosk, form_field, keys)
    before = kiosk.eval(field(form_field))["text"]
    tap_key(kiosk, key(kiosk, "backspace"))
    assert kiosk.eval(field(form_field))["text"] == before[:-1]


def test_shift_and_symbols_change_the_labels_on_the_screen(kiosk):
    tap_field(kiosk, "username")
    letters = [k["display"] for k in character_keys(kiosk.keys())]
    assert "q" in letters and "Q" not in letters  # no capital by itself in a username
    tap_key(kiosk, key(kiosk, "shift"))
    shifted = assert_keyboard_shown_whole_and_current(kiosk, "shifted")
    q = next(k for k in character_keys(shifted) if k["text"].lower() == "q")
    tap_key(kiosk, q)
    assert kiosk.eval(field("username"))["text"] == "Q"
    tap_key(kiosk, key(kiosk, "symbols"))
    symbols = assert_keyboard_shown_whole_and_current(kiosk, "symbols")
    assert "@" in [k["display"] for k in symbols]
    at = next(k for k in character_keys(symbols) if k["text"] == "@")
    tap_key(kiosk, at)
    tap_key(kiosk, key(kiosk, "symbols"))  # "ABC": back to the letters
    assert_keyboard_shown_whole_and_current(kiosk, "letters-again")
    assert kiosk.eval(field("username"))["text"] == "Q@"


def test_the_globe_switches_the_language_and_the_next_tap_types(kiosk):
    tap_field(kiosk, "username")
    assert kiosk.eval("w.keyboard.rootObject().property('locale')") == "en_US"
    tap_key(kiosk, key(kiosk, "globe"))
    arabic = assert_keyboard_shown_whole_and_current(kiosk, "globe-arabic")
    assert kiosk.eval("w.keyboard.rootObject().property('locale')") == "ar_AR"
    first = character_keys(arabic)[0]
    assert "\u0600" <= first["text"] <= "\u06ff", first
    tap_key(kiosk, first)  # the tap right after the globe types
    assert kiosk.eval(field("username"))["text"] == first["text"]
    tap_key(kiosk, key(kiosk, "globe"))
    english = assert_keyboard_shown_whole_and_current(kiosk, "globe-english")
    assert "q" in [k["display"] for k in character_keys(english)]


def test_one_tap_on_a_button_acts_while_the_keyboard_is_open(kiosk):
    kiosk.exec("nav.go('help'); nav.go('login')")
    kiosk.tap_widget("screen('login').form.rows['username'].edit")
    kiosk.wait_until("w.keyboard.isVisible()")
    kiosk.tap_widget("w.back_button")  # the footer stays where it is until the finger is up
    kiosk.wait_until("nav.current.name == 'help'", timeout_s=5)
    kiosk.wait_until("not w.keyboard.isVisible()", timeout_s=5)
    kiosk.exec("nav.go('register', {'category': 'individual'})")
