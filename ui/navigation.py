"""One navigation object for the whole kiosk: forward, back, and cancel-to-welcome.

Screens live in one QStackedWidget. A screen is registered by name with a factory and built the
first time it is needed (start-up pays only for the welcome screen). The navigator keeps the
history, connects each screen's `sig_go`/`sig_back`/`sig_home`/`sig_end_session`, and registers
each built screen's `wipe` with the session (a screen never built holds nobody's data).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget

from kiosk.session import Session
from ui.screens.base import Screen

log = logging.getLogger(__name__)

HOME = "welcome"


class Screens(Mapping):
    """The kiosk's screens by name; looking one up builds it on first use."""

    def __init__(self, navigator: Navigator):
        self._navigator = navigator
        self._factories: dict[str, Callable[[], Screen]] = {}
        self.built: dict[str, Screen] = {}

    def __getitem__(self, name: str) -> Screen:
        if name not in self.built:
            screen = self._factories[name]()
            if screen.name != name:
                raise ValueError(f"{type(screen).__name__} is named {screen.name!r}, not {name!r}")
            self._navigator._install(screen)
        return self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)


class Navigator(QObject):
    """Moves between screens; see the module docstring."""

    sig_changed = Signal(object)  # the Screen now shown
    sig_end_session = Signal()  # a screen asked to log out

    def __init__(self, stack: QStackedWidget, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.stack = stack
        self.session = session
        self.screens = Screens(self)
        self._containers: dict[str, QScrollArea] = {}
        self.history: list[tuple[str, dict]] = []

    def register(self, name: str, factory: Callable[[], Screen]) -> None:
        """Make screen `name` available; `factory()` builds it when it is first needed."""
        self.screens._factories[name] = factory

    def add(self, screen: Screen) -> Screen:
        """Register and build an already constructed screen."""
        if not screen.name:
            raise ValueError(f"{type(screen).__name__} has no name")
        self.register(screen.name, lambda: screen)
        return self.screens[screen.name]

    def _install(self, screen: Screen) -> None:
        # Each screen scrolls, so that when the keyboard opens below it, the focused field can
        # still be brought into view instead of being covered.
        scroll = QScrollArea()
        scroll.setObjectName("screenScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(screen)
        self.stack.addWidget(scroll)
        self._containers[screen.name] = scroll
        self.screens.built[screen.name] = screen
        screen.sig_go.connect(self.go)
        screen.sig_back.connect(self.back)
        screen.sig_home.connect(self.home)
        screen.sig_end_session.connect(self.sig_end_session)
        self.session.register_wipe(screen.wipe)

    @property
    def current(self) -> Screen | None:
        scroll = self.stack.currentWidget()
        widget = scroll.widget() if isinstance(scroll, QScrollArea) else None
        return widget if isinstance(widget, Screen) else None

    def go(self, name: str, params: dict | None = None) -> None:
        """Show screen `name`, remembering where we came from."""
        if name not in self.screens:
            log.error("no screen named %s", name)
            return
        params = dict(params or {})
        if name == HOME:
            self.history.clear()
        else:
            # The history is a path, not a log: going to a screen already on it (a scan that
            # returns to its form, a form that returns to its list) goes back to that point, so
            # Back never reopens a screen the user has finished with.
            earlier = [i for i, (seen, _) in enumerate(self.history) if seen == name]
            if earlier:
                del self.history[earlier[-1] :]
        self.history.append((name, params))
        self._show(name, params)

    def back(self) -> None:
        """Return to the previous screen (or the welcome screen when there is none)."""
        if len(self.history) > 1:
            self.history.pop()
            name, params = self.history[-1]
            self._show(name, params)
        else:
            self.home()

    def home(self) -> None:
        """Cancel: back to the welcome screen (the user's data stays until the session ends)."""
        self.go(HOME)

    def _show(self, name: str, params: dict) -> None:
        screen = self.screens[name]
        screen.enter(params)
        self.stack.setCurrentWidget(self._containers[name])
        screen.refresh_texts()
        self.sig_changed.emit(screen)
