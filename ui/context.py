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

    `api` is the central API client (kiosk/api): None until a screen first needs it (demo mode
    starts its sandbox then) or when a test does not need it. `services` holds other core
    objects by name (catalog store, outbox, printer …), added by the areas that own them.
    """

    config: Config
    session: Session
    language: Language
    tasks: Tasks
    api: Any = None
    services: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        """The current UI language: "ar" or "en" (for bilingual domain texts)."""
        return self.language.current
