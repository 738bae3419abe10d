"""Language at runtime: Qt translators, layout direction, fonts.

Arabic is the default and the source strings are English. Switching installs or removes the
Arabic translators (ours, one .qm per UI area, and Qt's own qtbase_ar); Qt then sends every
widget a LanguageChange event and screens re-translate themselves (ui/screens/base.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import resources

log = logging.getLogger(__name__)

FONT_FILES = (
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
)
# Noto Sans for Latin, Noto Sans Arabic for Arabic: Qt falls back per character within a family
# list, so mixed lines (an Arabic label with an e-mail address) render with both.
FONT_FAMILIES = ["Noto Sans Arabic", "Noto Sans"]
BODY_POINT_SIZE = 18


def load_fonts() -> None:
    """Register the bundled fonts and make them the application's font."""
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(resources.path(f"fonts/{name}"))) < 0:
            log.warning("font %s could not be loaded", name)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(BODY_POINT_SIZE)
    QApplication.setFont(font)


# The Arabic translators, shared by every Language object of the process (one kiosk window in
# production; many in tests), so that `uninstall_translators()` can remove them all.
_INSTALLED: list[QTranslator] = []


def uninstall_translators() -> None:
    """Remove the kiosk's translators (before QML loads synchronously: see ui/app.py)."""
    app = QApplication.instance()
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()


class Language(QObject):
    """The UI language; `set("ar")` or `set("en")` switches everything at once."""

    sig_changed = Signal(str)

    def __init__(self, app: QApplication, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self.current = "en"  # what Qt shows with no translator installed

    def set(self, lang: str) -> None:
        if lang not in ("ar", "en"):
            raise ValueError(f"unsupported language {lang!r}")
        if lang == self.current:
            return
        uninstall_translators()
        if lang == "ar":
            self._install_arabic()
        self.current = lang
        # Numbers, dates and spin boxes use 0–9 in both languages, as the ministry writes them;
        # Qt's Arabic locales would switch them to Arabic-Indic digits.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self._app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
        )
        # Deliver the LanguageChange events now, so every widget shows the new language at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.sig_changed.emit(lang)

    def without_translators(self, work):
        """`work()` run with no translator installed (QML loading: see KioskWindow.build_keyboard),
        then they are put back; texts never show untranslated (no event is processed between)."""
        uninstall_translators()
        try:
            return work()
        finally:
            if self.current == "ar":
                self._install_arabic()

    def _install_arabic(self) -> None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [(f"{qt_dir}/qtbase_ar.qm", "Qt")]
        files += [(str(p), p.stem) for p in sorted(resources.path("i18n").glob("*_ar.qm"))]
        for path, name in files:
            translator = QTranslator(self._app)
            if translator.load(path):
                self._app.installTranslator(translator)
                _INSTALLED.append(translator)
            else:
                log.warning("translation %s missing: run installer/translations.py compile", name)
