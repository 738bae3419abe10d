<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AddDetailsScreen</name>
    <message>
        <source>Add details</source>
        <translation>إضافة تفاصيل</translation>
    </message>
    <message>
        <source>Your message to the ministry (optional)</source>
        <translation>رسالتك إلى الوزارة (اختياري)</translation>
    </message>
    <message>
        <source>Which document are you adding?</source>
        <translation>ما المستند الذي تضيفه؟</translation>
    </message>
    <message>
        <source>Photograph a document</source>
        <translation>تصوير مستند</translation>
    </message>
    <message>
        <source>A file from a USB stick</source>
        <translation>ملف من ذاكرة USB</translation>
    </message>
    <message>
        <source>Send to the ministry</source>
        <translation>إرسال إلى الوزارة</translation>
    </message>
    <message>
        <source>Documents added: {n}</source>
        <translation>المستندات المضافة: {n}</translation>
    </message>
    <message>
        <source>No document added yet.</source>
        <translation>لم يُضف أي مستند بعد.</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Write a message or add a document first.</source>
        <translation>اكتب رسالة أو أضف مستندًا أولًا.</translation>
    </message>
    <message>
        <source>The message is too long: at most {n} characters.</source>
        <translation>الرسالة طويلة جدًا: {n} حرفًا على الأكثر.</translation>
    </message>
    <message>
        <source>Your details are saved on this kiosk and are being sent to the ministry. If the connection is down, they are sent as soon as it returns.</source>
        <translation>حُفظت تفاصيلك على هذا الجهاز وهي قيد الإرسال إلى الوزارة. إن كان الاتصال مقطوعًا فستُرسل فور عودته.</translation>
    </message>
</context>
<context>
    <name>AnswerScreen</name>
    <message>
        <source>Back to my request</source>
        <translation>العودة إلى طلبي</translation>
    </message>
    <message>
        <source>The ministry wrote: {note}</source>
        <translation>كتبت الوزارة: {note}</translation>
    </message>
    <message>
        <source>The ministry is not asking for anything on this request now.</source>
        <translation>لا تطلب الوزارة شيئًا على هذا الطلب حاليًا.</translation>
    </message>
</context>
<context>
    <name>EditRequestScreen</name>
    <message>
        <source>Edit request</source>
        <translation>تعديل الطلب</translation>
    </message>
    <message>
        <source>Save and send</source>
        <translation>حفظ وإرسال</translation>
    </message>
    <message>
        <source>Your corrections are saved on this kiosk and are being sent to the ministry. If the connection is down, they are sent as soon as it returns.</source>
        <translation>حُفظت تعديلاتك على هذا الجهاز وهي قيد الإرسال إلى الوزارة. إن كان الاتصال مقطوعًا فستُرسل فور عودته.</translation>
    </message>
</context>
<context>
    <name>FilesScreen</name>
    <message>
        <source>A file from a USB stick</source>
        <translation>ملف من ذاكرة USB</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>البحث مرة أخرى</translation>
    </message>
    <message>
        <source>Looking for files…</source>
        <translation>جارٍ البحث عن الملفات…</translation>
    </message>
    <message>
        <source>No PDF or picture found. Plug in the USB stick, then press Look again.</source>
        <translation>لم يُعثر على ملف PDF أو صورة. صِل ذاكرة USB ثم اضغط «البحث مرة أخرى».</translation>
    </message>
    <message>
        <source>Choose the file to add.</source>
        <translation>اختر الملف الذي تريد إضافته.</translation>
    </message>
</context>
<context>
    <name>InboxScreen</name>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>لا توجد إشعارات بعد.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Open the request</source>
        <translation>فتح الطلب</translation>
    </message>
</context>
<context>
    <name>NotificationsBadge</name>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
</context>
<context>
    <name>RequestDetailScreen</name>
    <message>
        <source>My request</source>
        <translation>طلبي</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>The ministry asks you for more details</source>
        <translation>تطلب منك الوزارة تفاصيل إضافية</translation>
    </message>
    <message>
        <source>Edit request</source>
        <translation>تعديل الطلب</translation>
    </message>
    <message>
        <source>Add details</source>
        <translation>إضافة تفاصيل</translation>
    </message>
    <message>
        <source>Print the approval notice</source>
        <translation>طباعة إشعار الموافقة</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>الدفع</translation>
    </message>
    <message>
        <source>What happened so far</source>
        <translation>مراحل الطلب حتى الآن</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Request number: {number}</source>
        <translation>رقم الطلب: {number}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>الحالة: {status}</translation>
    </message>
    <message>
        <source>Priority: {priority}</source>
        <translation>أهمية الطلب: {priority}</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>حُفظ في {time}</translation>
    </message>
    <message>
        <source>Details to correct:</source>
        <translation>البيانات المطلوب تصحيحها:</translation>
    </message>
    <message>
        <source>Documents to add:</source>
        <translation>المستندات المطلوب إضافتها:</translation>
    </message>
    <message>
        <source>Your request is approved</source>
        <translation>تمت الموافقة على طلبك</translation>
    </message>
    <message>
        <source>Approved on {date}. The approval can be used until {until} (6 months from the approval date).</source>
        <translation>تمت الموافقة بتاريخ {date}. يمكن استخدام الموافقة حتى {until} (6 أشهر من تاريخ الموافقة).</translation>
    </message>
    <message>
        <source>Your request was rejected</source>
        <translation>تم رفض طلبك</translation>
    </message>
    <message>
        <source>The ministry's reason: {reason}</source>
        <translation>سبب الوزارة: {reason}</translation>
    </message>
    <message>
        <source>eFAWATEERcom billing number: {number}</source>
        <translation>رقم الفاتورة في إي فواتيركم: {number}</translation>
    </message>
    <message>
        <source>Amount: {amount} JOD</source>
        <translation>المبلغ: {amount} دينار أردني</translation>
    </message>
    <message>
        <source>Due date: {date}</source>
        <translation>تاريخ الاستحقاق: {date}</translation>
    </message>
    <message>
        <source>Paid on {date}</source>
        <translation>دُفعت بتاريخ {date}</translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation>لم تُدفع بعد</translation>
    </message>
    <message>
        <source>Print the payment slip</source>
        <translation>طباعة قسيمة الدفع</translation>
    </message>
</context>
<context>
    <name>RequestTexts</name>
    <message>
        <source>Being sent to the ministry</source>
        <translation>قيد الإرسال إلى الوزارة</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>تم الاستلام</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>قيد الدراسة</translation>
    </message>
    <message>
        <source>More details requested</source>
        <translation>مطلوب تفاصيل إضافية</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>بانتظار الدفع</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>مدفوع</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>تمت الموافقة</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>Saved on this kiosk, waiting to be sent</source>
        <translation>محفوظ على هذا الجهاز، بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>يحتاج إلى متابعة</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <source>Corrected details</source>
        <translation>بيانات مصححة</translation>
    </message>
    <message>
        <source>Additional details</source>
        <translation>تفاصيل إضافية</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادي</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>عاجل</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>مقدم الطلب</translation>
    </message>
    <message>
        <source>Beneficiary {n}</source>
        <translation>المستدعى له {n}</translation>
    </message>
    <message>
        <source>Companion {n}</source>
        <translation>المرافق {n}</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Relation to the applicant</source>
        <translation>صلة القرابة بمقدم الطلب</translation>
    </message>
    <message>
        <source>Passport expiry date</source>
        <translation>تاريخ انتهاء جواز السفر</translation>
    </message>
    <message>
        <source>Passport issue date</source>
        <translation>تاريخ إصدار جواز السفر</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>مكان الولادة</translation>
    </message>
    <message>
        <source>Residence expiry date</source>
        <translation>تاريخ انتهاء الإقامة</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>أهمية الطلب</translation>
    </message>
    <message>
        <source>Additional document</source>
        <translation>مستند إضافي</translation>
    </message>
</context>
<context>
    <name>RequestsScreen</name>
    <message>
        <source>My requests</source>
        <translation>طلباتي</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>You have no requests yet.</source>
        <translation>لا توجد لديك طلبات بعد.</translation>
    </message>
    <message>
        <source>Saved on this kiosk, not yet with the ministry</source>
        <translation>محفوظة على هذا الجهاز ولم تصل إلى الوزارة بعد</translation>
    </message>
    <message>
        <source>Loading your requests…</source>
        <translation>جارٍ تحميل طلباتك…</translation>
    </message>
    <message>
        <source>The requests saved on this kiosk are shown below.</source>
        <translation>الطلبات المحفوظة على هذا الجهاز معروضة أدناه.</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>حُفظ في {time}</translation>
    </message>
    <message>
        <source>Please ask a member of staff, or send the request again.</source>
        <translation>يرجى مراجعة الموظف المختص أو إرسال الطلب من جديد.</translation>
    </message>
</context>
</TS>