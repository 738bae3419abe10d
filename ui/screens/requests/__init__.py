"""My requests: tracking, notifications, answering the ministry, payment and approval.

Each screen is imported from its own module when first shown; `SCREENS` lists them for
ui/app.py (name → "module:Class"). The header's notifications badge is `badge.NotificationsBadge`.
"""

SCREENS: dict[str, str] = {
    "requests": "ui.screens.requests.listing:RequestsScreen",
    "requests.detail": "ui.screens.requests.detail:RequestDetailScreen",
    "requests.edit": "ui.screens.requests.answer:EditRequestScreen",
    "requests.add": "ui.screens.requests.answer:AddDetailsScreen",
    "requests.files": "ui.screens.requests.files:FilesScreen",
    "requests.inbox": "ui.screens.requests.inbox:InboxScreen",
}
