"""`python -m kiosk catalog|fee|check-personal-number`: the catalog, fees and personal numbers.

    catalog list [--category C]            one service a line: id<TAB>Arabic name<TAB>English name
    catalog show SERVICE [--lang ar|en]    the service card (both languages by default)
    fee SERVICE --priority normal|urgent --persons N [--date YYYY-MM-DD] [--field K=V] [--json]
    check-personal-number VALUE            exit 0 if valid, 1 with the reason if not

The catalog is the one the kiosk uses: the bundled one, or a newer one cached from the central
API in the configured data directory. Usage mistakes (an unknown service, a bad date) exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from kiosk import config
from kiosk.catalog_store import open_store
from kiosk.domain import catalog as catalog_data
from kiosk.domain import fees, personal_number
from kiosk.domain.catalog import TBC, Catalog, CatalogText, Service
from kiosk.domain.service_card import service_card
from kiosk.errors import KioskError
from kiosk.texts import to_western_digits

USAGE_ERROR = 2


def register(subparsers) -> None:
    parser = subparsers.add_parser("catalog", help="list the e-services or show a service card")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="one service a line: id, Arabic and English names")
    listing.add_argument("--category", help="only the services of this category id")
    listing.set_defaults(func=_list)
    show = actions.add_parser("show", help="a service card: conditions, documents, time, fees")
    show.add_argument("service", help="service id, e.g. residence.family")
    show.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    show.set_defaults(func=_show)

    fee = subparsers.add_parser("fee", help="the fee and expected completion date of a request")
    fee.add_argument("service", help="service id, e.g. residence.family")
    fee.add_argument("--priority", required=True, choices=("normal", "urgent"))
    fee.add_argument("--persons", required=True, type=_persons, help="beneficiaries in the request")
    fee.add_argument("--date", type=_date, help="submission date YYYY-MM-DD (default: today)")
    fee.add_argument(
        "--field", action="append", default=[], type=_field, metavar="KEY=VALUE",
        help="an extra field the fee depends on, e.g. visa_type=multiple_6m",
    )  # fmt: skip
    fee.add_argument("--lang", choices=("ar", "en"), default="en")
    fee.add_argument("--json", action="store_true", help="print a JSON object")
    fee.set_defaults(func=_fee)

    check = subparsers.add_parser(
        "check-personal-number", help="check a foreigner's personal number (10 digits, 10/80)"
    )
    check.add_argument("value")
    check.set_defaults(func=_check_personal_number)


def _list(args) -> int:
    catalog = _catalog(_config())
    services = catalog.services_in(args.category) if args.category else catalog.services
    if args.category and catalog.category(args.category) is None:
        known = ", ".join(c.id for c in catalog.categories)
        return _usage(f"unknown category {args.category!r}; known: {known}")
    for service in services:
        print(f"{service.id}\t{service.name.ar}\t{service.name.en}")
    return 0


def _show(args) -> int:
    catalog = _catalog(_config())
    service = catalog.find(args.service)
    if service is None:
        return _unknown_service(args.service)
    langs = ("ar", "en") if args.lang == "both" else (args.lang,)
    print("\n\n".join("\n".join(card_lines(catalog, service, lang)) for lang in langs))
    return 0


def _fee(args) -> int:
    cfg = _config()
    service = _catalog(cfg).find(args.service)
    if service is None:
        return _unknown_service(args.service)
    holidays = cfg.calendar.holidays if cfg else ()
    try:
        quote = fees.quote(
            service,
            args.priority,
            args.persons,
            args.date or dt.date.today(),
            holidays=holidays,
            extra=dict(args.field),
        )
    except KioskError as e:
        return _usage(e.message.en)
    if args.json:
        print(json.dumps(quote.to_dict(), ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    currency = "دينار" if lang == "ar" else "JOD"
    print(f"{service.id}: {service.name.get(lang)}")
    for line in quote.lines:
        mark = "" if line.confirmed else f"  [{TBC.get(lang)}]"
        print(f"  {fees.jod(line.amount):>10} {currency}  {line.label.get(lang)}{mark}")
    print(f"  {fees.jod(quote.amount):>10} {currency}  {'المجموع' if lang == 'ar' else 'Total'}")
    for note in quote.notes:
        print(f"  * {_text(note, lang)}")
    dates_mark = "" if quote.dates_confirmed else f" [{TBC.get(lang)}]"
    if lang == "ar":
        print(
            f"تاريخ الإنجاز المتوقع: {quote.expected_date.isoformat()} "
            f"({quote.working_days} أيام عمل من {quote.submission_date.isoformat()}){dates_mark}"
        )
    else:
        print(
            f"Expected by: {quote.expected_date.isoformat()} "
            f"({quote.working_days} working days from {quote.submission_date.isoformat()})"
            f"{dates_mark}"
        )
    return 0


def _check_personal_number(args) -> int:
    problem = personal_number.check(args.value)
    if problem is None:
        print(f"valid: {personal_number.normalise(args.value)}")
        return 0
    print(f"invalid ({problem.code}): {problem.message.en}")
    print(problem.message.ar)
    return 1


def card_lines(catalog: Catalog, service: Service, lang: str) -> list[str]:
    """The service card as text lines in one language; unconfirmed facts are marked TBC."""
    lines = [f"{service.name.get(lang)} ({service.id})"]
    for section in service_card(catalog, service):
        lines.append(f"{section.heading.get(lang)}:")
        for item in section.items:
            mark = "" if item.confirmed else f" [{TBC.get(lang)}]"
            lines.append(f"  - {item.text.get(lang)}{mark}")
    return lines


def _text(text: CatalogText, lang: str) -> str:
    return text.get(lang) + ("" if text.confirmed else f" [{TBC.get(lang)}]")


def _config() -> config.Config | None:
    try:
        return config.load()
    except config.ConfigError as e:
        print(f"configuration error ({e}); using the bundled catalog", file=sys.stderr)
        return None


def _catalog(cfg: config.Config | None) -> Catalog:
    """The catalog the kiosk with this configuration uses (the bundled one without one)."""
    if cfg is None:
        return catalog_data.load_bundled()
    return open_store(cfg, create=False).catalog


def _unknown_service(service_id: str) -> int:
    return _usage(
        f"unknown service {service_id!r}; see `python -m kiosk catalog list` for the service ids"
    )


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return USAGE_ERROR


def _persons(text: str) -> int:
    try:
        return int(to_western_digits(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(to_western_digits(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _field(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, not {text!r}")
    return key.strip(), value.strip()
