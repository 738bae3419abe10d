"""`python -m sandbox officer --db PATH …`: a ministry officer's actions on the sandbox.

Activate institution accounts, move applications through their statuses, issue and settle
eFAWATEERcom bills, answer messages, and read the SMS/e-mail outbox. It works on the database
file directly, so it needs no running server (and works alongside one).
"""

from __future__ import annotations

import json
import sys

from sandbox import accounts, applications, notify, payments
from sandbox.db import Database
from sandbox.errors import ApiError


def register(commands) -> None:
    """Add the `officer` command and its actions."""
    parser = commands.add_parser("officer", help="act as a ministry officer on a sandbox DB")
    parser.add_argument("--db", required=True, help="the sandbox's SQLite database file")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    actions.add_parser("accounts", help="list accounts").set_defaults(func=_accounts)
    p = actions.add_parser("activate", help="activate an institution account after its visit")
    p.add_argument("account", help="account id or username")
    p.set_defaults(func=_activate)

    p = actions.add_parser("applications", help="list applications")
    p.add_argument("--status", help="only this status")
    p.set_defaults(func=_applications)
    p = actions.add_parser("show", help="show one application")
    p.add_argument("application")
    p.set_defaults(func=_show)
    p = actions.add_parser("review", help="start reviewing a submitted application")
    p.add_argument("application")
    p.set_defaults(func=lambda a: _print_app(a, applications.review(_db(a), a.application)))
    p = actions.add_parser("request-details", help="ask the applicant for fields/documents")
    p.add_argument("application")
    p.add_argument("--fields", nargs="*", default=[], help="paths in the data to edit")
    p.add_argument("--documents", nargs="*", default=[], help="document types to add")
    p.add_argument("--note", default="", help="what the applicant reads")
    p.set_defaults(func=_request_details)
    p = actions.add_parser("approve", help="approve (valid 6 months from the approval date)")
    p.add_argument("application")
    p.set_defaults(func=lambda a: _print_app(a, applications.approve(_db(a), a.application)))
    p = actions.add_parser("reject", help="reject with a reason")
    p.add_argument("application")
    p.add_argument("--reason", required=True)
    p.set_defaults(
        func=lambda a: _print_app(a, applications.reject(_db(a), a.application, a.reason))
    )

    p = actions.add_parser("bill", help="issue an eFAWATEERcom bill on an application")
    p.add_argument("application")
    p.add_argument("--amount", required=True, help="JOD, up to 3 decimals (e.g. 2.000)")
    p.add_argument("--due-days", type=int, default=7)
    p.set_defaults(func=_bill)
    actions.add_parser("bills", help="list bills").set_defaults(func=_bills)
    p = actions.add_parser("mark-paid", help="record a bill's payment")
    p.add_argument("billing_no")
    p.add_argument("--reference", help="the payment's transaction id (JOEBPPSTrx)")
    p.set_defaults(func=_mark_paid)

    actions.add_parser("messages", help="list messages to the ministry").set_defaults(
        func=_messages
    )
    p = actions.add_parser("reply", help="answer a message")
    p.add_argument("message")
    p.add_argument("--text", required=True)
    p.set_defaults(func=_reply)
    p = actions.add_parser("outbox", help="show the SMS and e-mails sent")
    p.add_argument("--to", help="a phone, an e-mail address or a username")
    p.add_argument("--last", type=int, help="only the last N")
    p.set_defaults(func=_outbox)

    for action in actions.choices.values():
        action.set_defaults(handler=action.get_default("func"), func=_guarded)


def _guarded(args) -> int:
    """Run the action; a refusal prints its reason and exits 1 instead of a traceback."""
    try:
        return int(args.handler(args) or 0)
    except ApiError as e:
        where = f" ({e.field})" if e.field else ""
        print(f"refused: {e.code}{where}: {e.message['en']}", file=sys.stderr)
        return 1


_DBS: dict[str, Database] = {}


def _db(args) -> Database:
    if args.db not in _DBS:
        _DBS[args.db] = Database(args.db)
    return _DBS[args.db]


def _emit(args, data, lines) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for line in lines:
            print(line)
    return 0


def _accounts(args) -> int:
    with _db(args).transaction() as conn:
        rows = [
            dict(r)
            for r in conn.execute(
                "SELECT account_id, username, category, status, phone, email FROM accounts "
                "ORDER BY account_id"
            )
        ]
    lines = [
        f"{r['account_id']}  {r['username']:<24} {r['category']:<15} {r['status']}" for r in rows
    ]
    return _emit(args, rows, lines)


def _activate(args) -> int:
    account = accounts.activate(_db(args), args.account)
    return _emit(args, account, [f"{account['account_id']} {account['username']}: active"])


def _applications(args) -> int:
    rows = applications.list_all(_db(args), args.status)
    lines = [
        f"{r['application_id']}  {r['status']:<18} {r['priority']:<7} {r['service_id']:<36} "
        f"{r['username']}"
        for r in rows
    ]
    return _emit(args, rows, lines)


def _show(args) -> int:
    with _db(args).transaction() as conn:
        row = conn.execute(
            "SELECT account_id FROM applications WHERE application_id = ?", (args.application,)
        ).fetchone()
        if row is None:
            raise ApiError("not_found", "application_id")
        app = applications.application_json(conn, args.application)
    print(json.dumps(app, ensure_ascii=False, indent=2))
    return 0


def _print_app(args, app: dict) -> int:
    return _emit(args, app, [f"{app['application_id']}: {app['status']}"])


def _request_details(args) -> int:
    if not (args.fields or args.documents or args.note):
        print("say what is needed: --fields, --documents and/or --note", file=sys.stderr)
        return 2
    app = applications.request_details(
        _db(args), args.application, args.fields, args.documents, args.note
    )
    return _print_app(args, app)


def _bill(args) -> int:
    bill = payments.issue(_db(args), args.application, args.amount, args.due_days)
    line = f"{bill['billing_no']}: {bill['amount']} JOD due {bill['due_date']} ({bill['status']})"
    return _emit(args, bill, [line])


def _bills(args) -> int:
    bills = payments.list_all(_db(args))
    lines = [
        f"{b['billing_no']}  {b['application_id']}  {b['amount']:>12} JOD  {b['status']}"
        for b in bills
    ]
    return _emit(args, bills, lines)


def _mark_paid(args) -> int:
    bill, changed = payments.mark_paid(_db(args), args.billing_no, args.reference)
    note = "paid" if changed else "already paid"
    return _emit(args, bill, [f"{bill['billing_no']}: {note}"])


def _messages(args) -> int:
    with _db(args).transaction() as conn:
        rows = conn.execute(
            "SELECT m.message_id, a.username FROM messages m JOIN accounts a USING (account_id) "
            "ORDER BY m.message_id"
        ).fetchall()
        messages = [
            accounts.message_json(conn, r["message_id"]) | {"username": r["username"]} for r in rows
        ]
    lines = [
        f"{m['message_id']}  {m['username']:<24} {m['status']:<9} {m['subject']} "
        f"[{', '.join(m['fields_to_change'])}]: {m['reason']}"
        for m in messages
    ]
    return _emit(args, messages, lines)


def _reply(args) -> int:
    message = accounts.reply(_db(args), args.message, args.text)
    return _emit(args, message, [f"{message['message_id']}: answered"])


def _outbox(args) -> int:
    items = notify.outbox(_db(args), args.to, args.last)
    lines = []
    for item in items:
        lines += [
            f"--- #{item['id']} {item['channel'].upper()} to {item['recipient']} "
            f"({item['username']}) at {item['created_at']}",
            f"Subject: {item['subject']}",
            item["body"],
        ]
    return _emit(args, items, lines)
