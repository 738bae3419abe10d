<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ApplicantScreen</name>
    <message>
        <source>The applicant</source>
        <translation>مقدم الطلب</translation>
    </message>
    <message>
        <source>The request is sent from your account. Check your details.</source>
        <translation>يُرسل الطلب من حسابك. تحقق من بياناتك.</translation>
    </message>
    <message>
        <source>Reading your account&apos;s details…</source>
        <translation>جارٍ قراءة بيانات حسابك…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <source>Nationality (3 letters, e.g. JOR, SYR)</source>
        <translation>الجنسية (3 أحرف لاتينية، مثل JOR أو SYR)</translation>
    </message>
    <message>
        <source>Personal number for foreigners</source>
        <translation>الرقم الشخصي للأجانب</translation>
    </message>
    <message>
        <source>National number (Jordanians)</source>
        <translation>الرقم الوطني (للأردنيين)</translation>
    </message>
    <message>
        <source>Expiry date of your annual residence (YYYY-MM-DD)</source>
        <translation>تاريخ انتهاء إقامتك السنوية (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2026-03-31.</source>
        <translation>اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2026-03-31.</translation>
    </message>
    <message>
        <source>Enter your full name.</source>
        <translation>أدخل اسمك الكامل.</translation>
    </message>
</context>
<context>
    <name>ApplyStartScreen</name>
    <message>
        <source>New request</source>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <source>Checking that this kiosk can take your request…</source>
        <translation>جارٍ التحقق من أن هذا الجهاز يستطيع استقبال طلبك…</translation>
    </message>
    <message>
        <source>You have a request that is not sent yet.</source>
        <translation>لديك طلب لم يُرسل بعد.</translation>
    </message>
    <message>
        <source>Choose the group of the service you want to request.</source>
        <translation>اختر مجموعة الخدمة التي تريد طلبها.</translation>
    </message>
    <message>
        <source>Continue your request: {service}?</source>
        <translation>هل تريد متابعة طلبك: {service}؟</translation>
    </message>
    <message>
        <source>Continue my request</source>
        <translation>متابعة طلبي</translation>
    </message>
    <message>
        <source>Start a new request</source>
        <translation>بدء طلب جديد</translation>
    </message>
</context>
<context>
    <name>AttachmentsScreen</name>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Lay each document under the camera, or take it from a file on a USB stick. A document with several pages: photograph every page, then press Done.</source>
        <translation>ضع كل مستند تحت الكاميرا، أو خذه من ملف على ذاكرة USB. المستند ذو الصفحات المتعددة: صوّر كل صفحة ثم اضغط «تم».</translation>
    </message>
    <message>
        <source>{done} of {total} documents attached</source>
        <translation>أُرفق {done} من {total} وثائق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>For the whole request</source>
        <translation>للطلب كاملًا</translation>
    </message>
    <message>
        <source>Beneficiary {n}: {name}</source>
        <translation>المستدعى له رقم {n}: {name}</translation>
    </message>
    <message>
        <source>Not attached yet</source>
        <translation>لم يُرفق بعد</translation>
    </message>
    <message>
        <source>Attached: 1 page</source>
        <translation>مرفق: صفحة واحدة</translation>
    </message>
    <message>
        <source>Attached: {n} pages</source>
        <translation>مرفق: {n} صفحات</translation>
    </message>
    <message>
        <source>Photograph again</source>
        <translation>إعادة التصوير</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>تصوير</translation>
    </message>
    <message>
        <source>From a file</source>
        <translation>من ملف</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>BeneficiaryListScreen</name>
    <message>
        <source>Beneficiaries</source>
        <translation>المستدعى لهم</translation>
    </message>
    <message>
        <source>Add every person the request is for. Scan each passport or type the details. Companions under 16 without a passport are added under the person they travel with.</source>
        <translation>أضف كل شخص يُقدَّم الطلب له. امسح جواز سفر كل منهم أو اكتب البيانات. المرافقون دون 16 عامًا بلا جواز سفر يُضافون تحت الشخص الذي يرافقونه.</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>إضافة شخص</translation>
    </message>
    <message>
        <source>Add myself</source>
        <translation>إضافة نفسي</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>{n}. {name}</source>
        <translation>{n}. {name}</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(بلا اسم بعد)</translation>
    </message>
    <message>
        <source>passport {number}</source>
        <translation>جواز السفر {number}</translation>
    </message>
    <message>
        <source>companions: {n}</source>
        <translation>المرافقين: {n}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Tap again to remove</source>
        <translation>اضغط مرة أخرى للحذف</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>BeneficiaryScreen</name>
    <message>
        <source>New beneficiary</source>
        <translation>مستدعى له جديد</translation>
    </message>
    <message>
        <source>Beneficiary {n}</source>
        <translation>المستدعى له رقم {n}</translation>
    </message>
    <message>
        <source>Scan the passport to fill the details, or type them.</source>
        <translation>امسح جواز السفر لتعبئة البيانات، أو اكتبها.</translation>
    </message>
    <message>
        <source>Scan the personal number</source>
        <translation>مسح الرقم الشخصي</translation>
    </message>
    <message>
        <source>Scan the passport</source>
        <translation>مسح جواز السفر</translation>
    </message>
    <message>
        <source>Read from the passport. Check the details.</source>
        <translation>قُرئت البيانات من جواز السفر. تحقق منها.</translation>
    </message>
    <message>
        <source>Some characters could not be read for sure. Check every detail against the passport.</source>
        <translation>تعذّرت قراءة بعض الأحرف بثقة. طابق كل البيانات مع جواز السفر.</translation>
    </message>
    <message>
        <source>Full name (as in the passport)</source>
        <translation>الاسم الكامل (كما في جواز السفر)</translation>
    </message>
    <message>
        <source>Personal number for foreigners</source>
        <translation>الرقم الشخصي للأجانب</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>رقم جواز السفر</translation>
    </message>
    <message>
        <source>Passport expiry date (YYYY-MM-DD)</source>
        <translation>تاريخ انتهاء جواز السفر (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Nationality (3 letters, e.g. SYR)</source>
        <translation>الجنسية (3 أحرف لاتينية، مثل SYR)</translation>
    </message>
    <message>
        <source>Date of birth (YYYY-MM-DD)</source>
        <translation>تاريخ الميلاد (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Relation to the applicant</source>
        <translation>صلة القرابة بمقدم الطلب</translation>
    </message>
    <message>
        <source>Companions</source>
        <translation>المرافقين</translation>
    </message>
    <message>
        <source>Children under 16 without a passport of their own who travel on this card.</source>
        <translation>الأطفال دون 16 عامًا الذين ليس لهم جواز سفر خاص ويُضافون على هذه البطاقة.</translation>
    </message>
    <message>
        <source>Add a companion</source>
        <translation>إضافة مرافق</translation>
    </message>
    <message>
        <source>Save this person</source>
        <translation>حفظ هذا الشخص</translation>
    </message>
    <message>
        <source>Companion&apos;s name</source>
        <translation>اسم المرافق</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2030-01-31.</source>
        <translation>اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2030-01-31.</translation>
    </message>
</context>
<context>
    <name>FileImportScreen</name>
    <message>
        <source>A document from a file</source>
        <translation>مستند من ملف</translation>
    </message>
    <message>
        <source>Looking for files on the USB stick…</source>
        <translation>جارٍ البحث عن الملفات على ذاكرة USB…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>جارٍ قراءة الملف…</translation>
    </message>
    <message>
        <source>Tap the file of this document (pictures and PDF files are shown).</source>
        <translation>اضغط على ملف هذا المستند (تظهر الصور وملفات PDF).</translation>
    </message>
    <message>
        <source>No pictures or PDF files were found. Plug in the USB stick, wait a moment, then press Look again.</source>
        <translation>لم يُعثر على صور أو ملفات PDF. أدخل ذاكرة USB وانتظر قليلًا ثم اضغط «البحث مجددًا».</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>البحث مجددًا</translation>
    </message>
    <message>
        <source>{name} ({size} KB)</source>
        <translation>{name} ({size} كيلوبايت)</translation>
    </message>
</context>
<context>
    <name>GeneralDataScreen</name>
    <message>
        <source>General data</source>
        <translation>البيانات العامة</translation>
    </message>
    <message>
        <source>General data: {service}</source>
        <translation>البيانات العامة: {service}</translation>
    </message>
    <message>
        <source>Request importance</source>
        <translation>أهمية الطلب</translation>
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
        <source>Urgent requests are done sooner for a higher fee.</source>
        <translation>الطلب العاجل يُنجز أسرع برسوم أعلى.</translation>
    </message>
    <message>
        <source>Urgent requests are not offered for this service.</source>
        <translation>الطلب العاجل غير متاح لهذه الخدمة.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(اختياري)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>RelationNames</name>
    <message>
        <source>Myself (the applicant)</source>
        <translation>نفسي (مقدم الطلب)</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>زوج أو زوجة</translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation>ابن أو ابنة</translation>
    </message>
    <message>
        <source>Father or mother</source>
        <translation>الأب أو الأم</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>قريب آخر</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Check and send</source>
        <translation>المراجعة والإرسال</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>The applicant</source>
        <translation>مقدم الطلب</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>المستدعى لهم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Fee and expected date</source>
        <translation>الرسوم وتاريخ الإنجاز المتوقع</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>Everything is in order. You can send the request.</source>
        <translation>كل شيء مكتمل. يمكنك إرسال الطلب.</translation>
    </message>
    <message>
        <source>Fix these before sending:</source>
        <translation>صحّح ما يلي قبل الإرسال:</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <source>Saving your request…</source>
        <translation>جارٍ حفظ طلبك…</translation>
    </message>
    <message>
        <source>Your request is saved. Sending it to the ministry…</source>
        <translation>تم حفظ طلبك. جارٍ إرساله إلى الوزارة…</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>إرسال الطلب</translation>
    </message>
    <message>
        <source>Importance: {priority}</source>
        <translation>أهمية الطلب: {priority}</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>عاجل</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادي</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Nationality: {code}</source>
        <translation>الجنسية: {code}</translation>
    </message>
    <message>
        <source>Personal number: {number}</source>
        <translation>الرقم الشخصي: {number}</translation>
    </message>
    <message>
        <source>National number: {number}</source>
        <translation>الرقم الوطني: {number}</translation>
    </message>
    <message>
        <source>Annual residence valid until {date}</source>
        <translation>الإقامة السنوية سارية حتى {date}</translation>
    </message>
    <message>
        <source>passport {number}, valid until {date}</source>
        <translation>جواز السفر {number} ساري حتى {date}</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>مواليد {date}</translation>
    </message>
    <message>
        <source>Companion: {name}, born {date}</source>
        <translation>مرافق: {name}، مواليد {date}</translation>
    </message>
    <message>
        <source> (beneficiary {n})</source>
        <translation> (المستدعى له رقم {n})</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>غير مرفق</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>صفحة واحدة</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} صفحات</translation>
    </message>
    <message>
        <source>No one added yet.</source>
        <translation>لم يُضف أحد بعد.</translation>
    </message>
    <message>
        <source>JOD</source>
        <translation>دينار</translation>
    </message>
    <message>
        <source>Fee: {amount} {currency}</source>
        <translation>الرسوم: {amount} {currency}</translation>
    </message>
    <message>
        <source>Expected completion: by {date} ({days} working days)</source>
        <translation>الإنجاز المتوقع: بحلول {date} ({days} أيام عمل)</translation>
    </message>
</context>
<context>
    <name>SentScreen</name>
    <message>
        <source>Request saved</source>
        <translation>تم حفظ الطلب</translation>
    </message>
    <message>
        <source>Your request is saved.</source>
        <translation>تم حفظ طلبك.</translation>
    </message>
    <message>
        <source>Request number</source>
        <translation>رقم الطلب</translation>
    </message>
    <message>
        <source>Reference on this kiosk</source>
        <translation>المرجع على هذا الجهاز</translation>
    </message>
    <message>
        <source>The ministry has received it. You will be told when its status changes.</source>
        <translation>استلمته الوزارة. ستُبلَّغ عند تغيّر حالته.</translation>
    </message>
    <message>
        <source>It will be sent to the ministry when the connection returns. Keep the receipt: the request appears under this reference in “My requests”.</source>
        <translation>سيُرسل إلى الوزارة عند عودة الاتصال. احتفظ بالإيصال: يظهر الطلب بهذا المرجع في «طلباتي».</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>طباعة الإيصال</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>طلباتي</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
</context>
<context>
    <name>ServiceChoiceScreen</name>
    <message>
        <source>Type of request</source>
        <translation>نوع الطلب</translation>
    </message>
    <message>
        <source>Type of request: {category}</source>
        <translation>نوع الطلب: {category}</translation>
    </message>
    <message>
        <source>Tap a service to read its conditions, documents and fees.</source>
        <translation>اضغط على خدمة لقراءة شروطها ووثائقها ورسومها.</translation>
    </message>
    <message>
        <source>Request this service</source>
        <translation>طلب هذه الخدمة</translation>
    </message>
</context>
<context>
    <name>WizardScreen</name>
    <message>
        <source>Step {n} of {total}</source>
        <extracomment>Whether this screen needs a chosen service (every step after the service&apos;s choice).</extracomment>
        <translation>الخطوة {n} من {total}</translation>
    </message>
</context>
</TS>
