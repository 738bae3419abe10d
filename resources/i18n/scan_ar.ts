<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>DocumentControls</name>
    <message>
        <source>Take the picture now</source>
        <translation>التقط الصورة الآن</translation>
    </message>
    <message>
        <source>Use it despite the glare</source>
        <translation>استخدمها رغم اللمعان</translation>
    </message>
    <message>
        <source>Retake the last page</source>
        <translation>أعد تصوير الصفحة الأخيرة</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Pages taken: {n}</source>
        <translation>الصفحات الملتقطة: {n}</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <source>Or type the personal number:</source>
        <translation>أو أدخل الرقم الشخصي:</translation>
    </message>
    <message>
        <source>10 digits, starting with 10 or 80</source>
        <translation>10 أرقام تبدأ بـ 10 أو 80</translation>
    </message>
    <message>
        <source>Use this number</source>
        <translation>استخدم هذا الرقم</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>إعادة المسح</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Scan the personal number</source>
        <extracomment>The result dict, when the user confirms it.</extracomment>
        <translation>مسح الرقم الشخصي</translation>
    </message>
    <message>
        <source>Scan the passport's data page</source>
        <translation>مسح صفحة بيانات جواز السفر</translation>
    </message>
    <message>
        <source>Photograph the document</source>
        <translation>تصوير المستند</translation>
    </message>
    <message>
        <source>Type the details instead</source>
        <translation>أدخل البيانات يدويًا</translation>
    </message>
</context>
<context>
    <name>ScanTexts</name>
    <message>
        <source>Check the result, then press Confirm.</source>
        <translation>تحقق من النتيجة، ثم اضغط تأكيد.</translation>
    </message>
    <message>
        <source>Type the personal number below.</source>
        <translation>أدخل الرقم الشخصي في الأسفل.</translation>
    </message>
    <message>
        <source>You can continue without the camera.</source>
        <translation>يمكنك المتابعة دون الكاميرا.</translation>
    </message>
    <message>
        <source>Hold the passport page with the personal-number sticker inside the frame.</source>
        <translation>ضع صفحة جواز السفر التي عليها ملصق الرقم الشخصي داخل الإطار.</translation>
    </message>
    <message>
        <source>Hold still…</source>
        <translation>ثبّت الجواز…</translation>
    </message>
    <message>
        <source>Two different numbers are visible. Cover the one that is not yours.</source>
        <translation>يظهر رقمان مختلفان. غطِّ الرقم الذي ليس لك.</translation>
    </message>
    <message>
        <source>Lay the passport's photo page flat inside the frame, the two lines of letters at the bottom.</source>
        <translation>ضع صفحة الصورة في جواز السفر مستوية داخل الإطار، والسطران المقروءان آليًا في الأسفل.</translation>
    </message>
    <message>
        <source>Hold the page flat and still…</source>
        <translation>أبقِ الصفحة مستوية وثابتة…</translation>
    </message>
    <message>
        <source>Lay the document flat inside the frame.</source>
        <translation>ضع المستند مستويًا داخل الإطار.</translation>
    </message>
    <message>
        <source>Hold still: the picture is taken by itself.</source>
        <translation>ثبّت المستند: ستُلتقط الصورة تلقائيًا.</translation>
    </message>
    <message>
        <source>Page taken. Put the next page down, or press Done.</source>
        <translation>تم التقاط الصفحة. ضع الصفحة التالية، أو اضغط تم.</translation>
    </message>
    <message>
        <source>Personal number: {number}</source>
        <translation>الرقم الشخصي: {number}</translation>
    </message>
    <message>
        <source>Passport {number}: {surname}, {given} ({nationality})</source>
        <translation>جواز السفر {number}: {surname}، {given} ({nationality})</translation>
    </message>
</context>
</TS>