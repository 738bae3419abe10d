"""The contract's one error shape: a stable code, a bilingual message, the field concerned."""

from __future__ import annotations

# code -> (HTTP status, Arabic, English). The codes are the contract's (openapi.yaml).
CODES: dict[str, tuple[int, str, str]] = {
    "malformed_request": (400, "تعذرت قراءة الطلب.", "The request could not be read."),
    "idempotency_key_required": (
        400,
        "مفتاح منع التكرار مطلوب.",
        "An Idempotency-Key header is required.",
    ),
    "invalid_idempotency_key": (
        400,
        "مفتاح منع التكرار غير صالح.",
        "The Idempotency-Key must be a UUID.",
    ),
    "invalid_content_range": (400, "نطاق البيانات غير صالح.", "The Content-Range is invalid."),
    "not_authenticated": (401, "يرجى تسجيل الدخول.", "Please log in."),
    "token_expired": (
        401,
        "انتهت الجلسة، يرجى تسجيل الدخول من جديد.",
        "Your session has ended; please log in again.",
    ),
    "invalid_credentials": (
        401,
        "اسم المستخدم أو كلمة المرور غير صحيحة.",
        "The username or password is wrong.",
    ),
    "invalid_device_token": (401, "الجهاز غير مسجل.", "This device is not enrolled."),
    "account_pending": (
        403,
        "الحساب بانتظار التفعيل. يرجى مراجعة وزارة الداخلية مرة واحدة لتفعيله.",
        "The account is pending activation. Please visit the Ministry of Interior once to "
        "activate it.",
    ),
    "unknown_account": (
        403,
        "الحساب الذي أرسل الجهاز الطلب باسمه غير موجود.",
        "The account this device delivers for does not exist.",
    ),
    "invalid_enrollment_code": (403, "رمز تسجيل الجهاز غير صحيح.", "Wrong enrollment code."),
    "not_found": (404, "غير موجود.", "Not found."),
    "method_not_allowed": (405, "العملية غير مسموحة.", "Method not allowed."),
    "idempotency_conflict": (
        409,
        "تم استخدام مفتاح منع التكرار نفسه لطلب مختلف.",
        "This Idempotency-Key was already used for a different request.",
    ),
    "username_taken": (
        409,
        "اسم المستخدم مستخدم من قبل، يرجى اختيار اسم آخر.",
        "This username is taken; please choose another.",
    ),
    "invalid_state": (
        409,
        "لا يمكن تنفيذ هذا الإجراء على الطلب في حالته الحالية.",
        "This cannot be done to the application in its current status.",
    ),
    "attachments_incomplete": (
        409,
        "لم يكتمل استلام جميع المرفقات بعد.",
        "Not all attachments have arrived yet.",
    ),
    "upload_offset_mismatch": (
        409,
        "موضع استكمال رفع الملف غير مطابق.",
        "The upload offset does not match the bytes received.",
    ),
    "not_approved": (409, "لم تتم الموافقة على الطلب بعد.", "The application is not approved."),
    "too_large": (413, "حجم الملف أكبر من المسموح.", "The file is larger than allowed."),
    "field_required": (422, "هذا الحقل مطلوب.", "This field is required."),
    "unknown_field": (422, "حقل غير معروف.", "Unknown field."),
    "field_locked": (
        422,
        "لا يمكن تعديل هذا الحقل إلا بمراسلة الوزارة مع ذكر سبب التعديل.",
        "This field can only be changed by messaging the ministry with the reason.",
    ),
    "field_not_requested": (
        422,
        "لم تطلب الوزارة تعديل هذا الحقل.",
        "The ministry did not ask to change this field.",
    ),
    "invalid_value": (422, "القيمة غير صالحة.", "The value is invalid."),
    "priority_unavailable": (
        422,
        "هذه الخدمة لا تتوفر بأهمية «عاجل».",
        "This service is not offered as urgent.",
    ),
    "invalid_username": (
        422,
        "اسم المستخدم من 4 إلى 32 حرفاً لاتينياً أو رقماً، ويمكن أن يحتوي . _ -",
        "The username is 4 to 32 Latin letters or digits, and may contain . _ -",
    ),
    "weak_password": (
        422,
        "كلمة المرور من 8 أحرف على الأقل وتحتوي على حرف ورقم.",
        "The password needs at least 8 characters with a letter and a digit.",
    ),
    "wrong_password": (422, "كلمة المرور الحالية غير صحيحة.", "The current password is wrong."),
    "invalid_phone": (
        422,
        "رقم الهاتف غير صحيح: 07XXXXXXXX أو بالصيغة الدولية +962…",
        "The phone number is invalid: 07XXXXXXXX or international +962…",
    ),
    "invalid_email": (422, "البريد الإلكتروني غير صحيح.", "The e-mail address is invalid."),
    "invalid_passport_number": (
        422,
        "رقم جواز السفر من 5 إلى 20 حرفاً لاتينياً كبيراً أو رقماً.",
        "The passport number is 5 to 20 capital Latin letters or digits.",
    ),
    "invalid_personal_number": (
        422,
        "الرقم الشخصي للأجانب 10 أرقام تبدأ بـ 10 أو 80.",
        "The foreigner's personal number is 10 digits starting with 10 or 80.",
    ),
    "invalid_national_number": (
        422,
        "الرقم الوطني 10 أرقام.",
        "The national number is 10 digits.",
    ),
    "invalid_date": (422, "التاريخ غير صحيح.", "The date is invalid."),
    "invalid_amount": (
        422,
        "المبلغ غير صحيح (دينار أردني بثلاث خانات عشرية كحد أقصى).",
        "The amount is invalid (JOD with at most 3 decimals).",
    ),
    "invalid_cursor": (422, "مؤشر الإشعارات غير صالح.", "The notification cursor is invalid."),
    "hash_mismatch": (
        422,
        "وصل الملف تالفاً، يرجى إعادة إرساله.",
        "The file arrived damaged (checksum mismatch); please send it again.",
    ),
    "too_many_attempts": (
        429,
        "محاولات كثيرة، يرجى المحاولة لاحقاً.",
        "Too many attempts; please try again later.",
    ),
    "internal_error": (500, "حدث خطأ في الخادم.", "The server had a problem."),
}


class ApiError(Exception):
    """An answer in the contract's error shape; raised anywhere, turned into JSON by the app."""

    def __init__(self, code: str, field: str | None = None, retry_after: int | None = None):
        status, ar, en = CODES[code]
        super().__init__(code)
        self.status = status
        self.code = code
        self.field = field
        self.message = {"ar": ar, "en": en}
        self.retry_after = retry_after

    def to_json(self) -> dict:
        body = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        return body
