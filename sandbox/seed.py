"""Demo data for a new sandbox database: the accounts in resources/contract/demo-accounts.json.

The same file is what the kiosk lists on its welcome screen in demo mode, so the two agree.
"""

from __future__ import annotations

import json
from pathlib import Path

from sandbox import accounts
from sandbox.db import Database
from sandbox.settings import Settings

DEMO_ACCOUNTS = (
    Path(__file__).resolve().parent.parent / "resources" / "contract" / "demo-accounts.json"
)


def seed_if_new(db: Database, settings: Settings) -> bool:
    """Seed the demo accounts once per database; True if it did."""
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone():
            return False
        with open(DEMO_ACCOUNTS, encoding="utf-8") as f:
            demo = json.load(f)
        for entry in demo["accounts"]:
            account, _ = accounts.register(db, settings, dict(entry["registration"]), None)
            if entry["status"] == "active" and account["status"] != "active":
                # Seeded as if the institution had already visited the ministry.
                conn.execute(
                    "UPDATE accounts SET status = 'active', activated_at = created_at "
                    "WHERE account_id = ?",
                    (account["account_id"],),
                )
        conn.execute("INSERT INTO meta(key, value) VALUES ('seeded', 'demo-accounts')")
    return True
