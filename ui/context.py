"""What every screen may need, built once at start-up and handed to each screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.config import Config
from kiosk.session import Session
from ui.i18n import Language
from ui.workers import Tasks


@dataclass
class AppContext:
    """The core objects of a running kiosk.

    `api` is the central API client (kiosk/api), None until demo mode's sandbox is up or when
    the screens are built in a test that does not need it. `services` holds other core objects
    by name (catalog, outbox, printer …), added by the areas that own them.
    """

    config: Config
    session: Session
    language: Language
    tasks: Tasks
    api: Any = None
    demo_accounts: list[dict] = field(default_factory=list)
    services: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        """The current UI language: "ar" or "en" (for bilingual domain texts)."""
        return self.language.current
