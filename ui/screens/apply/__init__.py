"""The request wizard: category → type → general data → applicant → beneficiaries → documents →
review → sent. `SCREENS` (name → "module:Class") is merged into ui/app.py's list."""

SCREENS: dict[str, str] = {
    "apply": "ui.screens.apply.start:ApplyStartScreen",
    "apply.service": "ui.screens.apply.service:ServiceChoiceScreen",
    "apply.general": "ui.screens.apply.general:GeneralDataScreen",
    "apply.applicant": "ui.screens.apply.applicant:ApplicantScreen",
    "apply.beneficiaries": "ui.screens.apply.beneficiaries:BeneficiaryListScreen",
    "apply.beneficiary": "ui.screens.apply.person:BeneficiaryScreen",
    "apply.attachments": "ui.screens.apply.attachments:AttachmentsScreen",
    "apply.import": "ui.screens.apply.importer:FileImportScreen",
    "apply.review": "ui.screens.apply.review:ReviewScreen",
    "apply.sent": "ui.screens.apply.sent:SentScreen",
}
