"""The browse screens through their real widgets: categories → services → card → fee, AR and EN."""

import dataclasses
import datetime as dt
import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk import catalog_store, config
from kiosk.domain import catalog as cat
from kiosk.domain import fees
from ui.screens.catalog.card import ServiceCardScreen
from ui.screens.catalog.categories import CatalogScreen
from ui.screens.catalog.fee import FeeCalculatorScreen
from ui.screens.catalog.services import ServiceListScreen

CATALOG = cat.load_bundled()
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
FIXED_TODAY = dt.date(2025, 6, 5)  # a Thursday


@pytest.fixture
def open_screen(qtbot, app_context):
    """One catalog screen alone (lighter than a whole kiosk), opened with `params`."""

    def open_screen(screen_type, params, lang="ar"):
        app_context.language.set(lang)
        screen = screen_type(app_context)
        qtbot.addWidget(screen)
        screen.resize(1280, 900)
        screen.enter(params)
        app_context.tasks.wait()  # the first entry opens the catalog store in a worker
        QApplication.processEvents()
        screen.show()
        QApplication.processEvents()
        return screen

    return open_screen


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    tasks = button.window().ctx.tasks
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # The screen opened may wait for the catalog store (opened in a worker on first entry):
    # deliver it, then show the widgets built from it (a layout shows them by a queued call).
    tasks.wait()
    QApplication.processEvents()
    QApplication.sendPostedEvents()


def texts(screen):
    return [
        w.text()
        for w in screen.findChildren(QLabel) + screen.findChildren(QPushButton)
        if w.isVisibleTo(screen) and w.text().strip()
    ]


def browse_to_family_fee(window, qtbot):
    nav = window.navigator
    click(qtbot, nav.screens["welcome"].buttons["catalog"])
    assert nav.current.name == "catalog"
    click(qtbot, nav.current.tiles["residence"])
    assert nav.current.name == "catalog.services"
    click(qtbot, nav.current.buttons["residence.family"])
    assert nav.current.name == "catalog.service"
    click(qtbot, nav.current.fee_button)
    assert nav.current.name == "catalog.fee"
    return nav.current


def test_browsing_needs_no_login_and_reaches_the_fee_calculator_in_arabic(kiosk_window, qtbot):
    assert kiosk_window.ctx.lang == "ar"
    nav = kiosk_window.navigator
    click(qtbot, nav.screens["welcome"].buttons["catalog"])
    categories = nav.current
    assert len(categories.tiles) == len(CATALOG.categories) == 8
    assert categories.tiles["residence"].text() == "خدمات الإقامات\n7 خدمات"
    click(qtbot, categories.tiles["residence"])
    services = nav.current
    assert services.title_label.text() == "خدمات الإقامات"
    assert [b.text() for b in services.buttons.values()] == [
        s.name.ar for s in CATALOG.services_in("residence")
    ]
    click(qtbot, services.buttons["residence.family"])
    card = nav.current
    shown = "\n".join(texts(card))
    assert card.title_label.text() == "إقامة سنوية – أفراد عائلة، التحاق بعائل"
    assert "صورة عن حجة الإعالة (للأبناء فوق 18 عامًا" in shown
    assert "6 أشهر من تاريخ الموافقة" in shown and "الوثائق المطلوبة" in shown
    assert "يُؤكَّد من الوزارة" not in shown  # seed 001 states every fact of this card
    assert not LATIN_WORD.search(shown)


def test_fee_calculator_urgent_six_persons_is_115_jod_with_breakdown_and_date(kiosk_window, qtbot):
    calculator = browse_to_family_fee(kiosk_window, qtbot)
    calculator.today = lambda: FIXED_TODAY
    calculator.set_persons(1)
    assert calculator.persons == 1 and calculator.normal.isChecked()
    assert calculator.amount.text() == "الرسوم: 2.000 دينار"
    assert not calculator.minus.isEnabled()  # never fewer than one person
    for _ in range(5):
        click(qtbot, calculator.plus)
    click(qtbot, calculator.urgent)
    assert calculator.persons == 6
    assert calculator.amount.text() == "الرسوم: 115.000 دينار"
    assert calculator.breakdown.text().splitlines() == [
        "• بدل خدمة – طلب عاجل حتى 5 أشخاص = 100.000 دينار",
        "• إضافة 15.000 دينار × 1 شخص فوق 5 = 15.000 دينار",
    ]
    assert "2025-06-12" in calculator.expected.text()
    click(qtbot, calculator.minus)
    assert calculator.amount.text() == "الرسوم: 100.000 دينار"
    for button in (calculator.plus, calculator.minus, calculator.normal, calculator.urgent):
        assert button.height() >= 56 and button.width() >= 56  # touch-sized
    assert kiosk_window.navigator.screens["catalog"].tiles["visas"].height() >= 96
    # The session wipe (logout, idle) resets the calculator.
    calculator.wipe()
    assert calculator.persons == 1 and calculator.normal.isChecked()


def test_fee_calculator_in_english(open_screen):
    calculator = open_screen(
        FeeCalculatorScreen, {"service_id": "residence.family", "persons": 3}, lang="en"
    )
    expected = fees.quote(CATALOG.service("residence.family"), "normal", 3, dt.date.today())
    assert calculator.title_label.text().startswith("Fee calculator: Annual residence")
    assert calculator.amount.text() == "Fee: 6.000 JOD"
    assert calculator.breakdown.text() == (
        "• Service fee, normal request: 2.000 JOD × 3 persons = 6.000 JOD"
    )
    assert calculator.expected.text() == (
        f"Expected completion: by {expected.expected_date.isoformat()} (14 working days from today)"
    )


def test_the_expected_date_skips_the_configured_holidays(open_screen, app_context):
    app_context.config = dataclasses.replace(
        app_context.config,
        calendar=config.CalendarSection(holidays=(dt.date(2025, 6, 8), dt.date(2025, 6, 9))),
    )
    calculator = open_screen(FeeCalculatorScreen, {"service_id": "residence.family"}, lang="en")
    calculator.today = lambda: FIXED_TODAY
    calculator.urgent.setChecked(True)
    assert "by 2025-06-16 (5 working days from today)" in calculator.expected.text()


def test_the_card_marks_facts_to_be_confirmed_in_both_languages(open_screen, app_context):
    card = open_screen(ServiceCardScreen, {"service_id": "deportation.cancellation"})
    assert "عادي: من 1 إلى 21 أيام عمل (يُؤكَّد من الوزارة)" in "\n".join(texts(card))
    app_context.language.set("en")
    QApplication.processEvents()
    shown = "\n".join(texts(card))
    assert "Normal: 1–21 working days (to be confirmed by the ministry)" in shown
    assert card.title_label.text() == "Cancellation of a deportation decision"


def test_urgent_is_disabled_where_the_service_offers_none(open_screen):
    calculator = open_screen(
        FeeCalculatorScreen, {"service_id": "emergency_travel.document", "priority": "urgent"}
    )
    assert not calculator.urgent.isEnabled() and calculator.normal.isChecked()
    assert calculator.urgent_hint.text() == "الطلب العاجل غير متاح لهذه الخدمة."
    assert calculator.amount.text() == "الرسوم: 2.000 دينار"


def test_the_visa_fee_follows_the_chosen_visa_type(open_screen):
    calculator = open_screen(FeeCalculatorScreen, {"service_id": "visa.entry", "persons": 2}, "en")
    assert calculator.choice.isVisible() and calculator.choice.itemText(0) == "Choose…"
    assert calculator.amount.text() == "Fee: 4.000 JOD"
    assert "visa type" in calculator.notes.text()
    calculator.select("multiple_1y")
    assert calculator.choice.currentText() == "1 year, multiple entry"
    assert calculator.amount.text() == "Fee: 404.000 JOD"
    assert "(to be confirmed by the ministry)" in calculator.breakdown.text()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_category_and_service_opens_in_both_languages(open_screen, lang):
    categories = open_screen(CatalogScreen, {}, lang)
    assert set(categories.tiles) == {c.id for c in CATALOG.categories}
    services = open_screen(ServiceListScreen, {}, lang)
    for category in CATALOG.categories:
        services.enter({"category": category.id})
        assert services.title_label.text() == category.name.get(lang)
        assert [b.text() for b in services.buttons.values()] == [
            s.name.get(lang) for s in CATALOG.services_in(category.id)
        ]
    card = open_screen(ServiceCardScreen, {}, lang)
    for service in CATALOG.services:
        card.enter({"service_id": service.id})
        QApplication.processEvents()
        assert card.title_label.text() == service.name.get(lang)
        shown = "\n".join(texts(card))
        if lang == "ar":
            assert not LATIN_WORD.search(shown), (service.id, shown)
        for document in service.documents:
            assert document.name.get(lang) in shown


@pytest.mark.parametrize("params", [{}, {"service_id": "nope"}, {"category": "nope"}])
def test_a_bad_link_shows_an_empty_screen_not_a_crash(open_screen, params):
    for screen_type in (ServiceListScreen, ServiceCardScreen, FeeCalculatorScreen):
        screen = open_screen(screen_type, params)
        assert screen.title_label.text()


def test_the_catalog_store_opens_in_a_worker_on_first_entry_not_when_screens_are_built(
    qtbot, app_context, monkeypatch
):
    from ui.screens.catalog import store

    threads = []

    def open_store(cfg):
        threads.append(threading.current_thread())
        return catalog_store.open_store(cfg)

    monkeypatch.setattr(store, "open_store", open_store)
    screens = [t(app_context) for t in (CatalogScreen, ServiceListScreen, FeeCalculatorScreen)]
    for screen in screens:
        qtbot.addWidget(screen)
    assert store.STORE_KEY not in app_context.services and not threads
    screens[0].enter({})
    app_context.tasks.wait()
    QApplication.processEvents()
    assert threads and threads[0] is not threading.main_thread()
    assert set(screens[0].tiles) == {c.id for c in CATALOG.categories}
    screens[1].enter({"category": "residence"})  # the store is open: built at once
    assert len(threads) == 1 and screens[1].buttons
