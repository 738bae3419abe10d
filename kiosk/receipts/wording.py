"""The fixed words printed on the documents, in Arabic and English.

The Arabic follows the ministry's own texts (domain README and seeds): مقدم الطلب, المستدعى لهم,
أهمية الطلب (عادي/عاجل), بدل الخدمة, إي فواتيركم, إشعار الموافقة.
"""

from __future__ import annotations

from kiosk.texts import Bilingual as B

KINGDOM = B("المملكة الأردنية الهاشمية", "The Hashemite Kingdom of Jordan")
MINISTRY = B("وزارة الداخلية", "Ministry of Interior")
E_SERVICES = B("الخدمات الإلكترونية", "E-services")

# Titles
APPLICATION_TITLE = B("إيصال تقديم طلب", "Application receipt")
PAYMENT_TITLE = B("قسيمة دفع", "Payment slip")
APPROVAL_TITLE = B("إشعار الموافقة", "Approval notice")
ACTIVATION_TITLE = B("كتاب تفعيل حساب مؤسسة", "Institution account activation letter")

# Fields
REQUEST_NUMBER = B("رقم الطلب", "Request number")
SERVICE = B("الخدمة", "Service")
APPLICANT = B("مقدم الطلب", "Applicant")
PERSONAL_NUMBER = B("الرقم الشخصي", "Personal number")
PASSPORT_NUMBER = B("رقم جواز السفر", "Passport number")
BENEFICIARY_COUNT = B("عدد المستدعى لهم", "Number of beneficiaries")
BENEFICIARY = B("المستدعى له", "Beneficiary")
PRIORITY = B("أهمية الطلب", "Priority")
PRIORITIES = {"normal": B("عادي", "Normal"), "urgent": B("عاجل", "Urgent")}
FEE = B("بدل الخدمة", "Service fee")
EXPECTED_COMPLETION = B("تاريخ الإنجاز المتوقع", "Expected completion")
STATION = B("المحطة", "Station")
KIOSK = B("الجهاز", "Kiosk")
SUBMITTED_AT = B("تاريخ ووقت التقديم", "Date and time")
DELIVERY = B("حالة الطلب", "Delivery")
DELIVERY_STATES = {
    "saved_offline": B(
        "حُفِظ الطلب على هذا الجهاز، وسيُرسَل إلى الوزارة عند عودة الاتصال",
        "Saved on this kiosk; it will be sent to the ministry when the connection returns",
    ),
    "received": B("استلمت الوزارة الطلب", "Received by the ministry"),
}
TRACKING_NOTE = B(
    "تابع حالة طلبك من حسابك الإلكتروني برقم الطلب. يصلك إشعار عند كل تغيير في حالته.",
    "Follow your request on your e-account with its request number. "
    "You are notified of every change in its status.",
)

# Payment slip
BILLER = B("الجهة المفوترة", "Biller")
BILL_NUMBER = B("رقم الفاتورة في إي فواتيركم", "eFAWATEERcom bill number")
AMOUNT_DUE = B("المبلغ المستحق", "Amount due")
DUE_DATE = B("تاريخ الاستحقاق", "Due date")
ISSUED_AT = B("تاريخ الإصدار", "Issued")
HOW_TO_PAY = B("طرق الدفع", "How to pay")
PAYMENT_METHODS = (
    B(
        "إي فواتيركم: من تطبيق أي بنك، اختر وزارة الداخلية ثم أدخل رقم الفاتورة",
        "eFAWATEERcom: in any bank app, choose Ministry of Interior and enter the bill number",
    ),
    B(
        "في البنوك أو مكاتب الصرافة التي تتيح الدفع الإلكتروني",
        "At a bank or an exchange office that offers e-payment",
    ),
    B(
        "ببطاقة فيزا أو ماستر كارد أو أمريكان إكسبريس من حسابك الإلكتروني",
        "By Visa, MasterCard or American Express card, from your e-account",
    ),
)
JOD = B("دينار أردني", "JOD")

# Approval notice
DECISION = B("القرار", "Decision")
APPROVAL_DATE = B("تاريخ الموافقة", "Approval date")
VALID_UNTIL = B("صالحة للاستخدام حتى", "Valid for use until")
VALIDITY_NOTE = B(
    "فترة صلاحية استخدام الموافقة 6 أشهر من تاريخ الموافقة على الطلب.",
    "The approval can be used for 6 months from the date the request was approved.",
)

# Activation letter
ACCOUNT_CATEGORY = B("فئة الحساب", "Account category")
INSTITUTION = B("المؤسسة", "Institution")
ACCOUNT_REFERENCE = B("مرجع الحساب", "Account reference")
REGISTERED_AT = B("تاريخ التسجيل", "Registered")
ACTIVATION_INTRO = B(
    "سُجِّل حساب المؤسسة على موقع الخدمات الإلكترونية. لتفعيله يراجع ممثل المؤسسة الوزارة "
    "مرة واحدة فقط، ومعه ما يلي.",
    "The institution's account is registered on the e-services site. To activate it, the "
    "institution's representative visits the ministry once, and only once, bringing the following.",
)
WHAT_TO_BRING = B("ما يجب إحضاره", "What to bring")
WHERE = B("مكان المراجعة", "Where")
TO_BE_CONFIRMED = B("(بانتظار تأكيد الوزارة)", "(to be confirmed by the ministry)")

# Footer: the ministry's contact channels (domain README).
CONTACTS = B(
    "مركز الاتصال الوطني 0096265008080\nواتس آب 00962791000838 - DOBR-OPR@MOI.GOV.JO",
    "National call centre 0096265008080\nWhatsApp 00962791000838 - DOBR-OPR@MOI.GOV.JO",
)
