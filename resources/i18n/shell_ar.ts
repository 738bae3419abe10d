<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>ContactScreen</name>
    <message>
        <source>Contact the Ministry of Interior</source>
        <translation>قنوات التواصل مع وزارة الداخلية</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>رقم الواتس اب</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Scan to open WhatsApp</source>
        <translation>امسح الرمز لفتح واتس اب</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>Do you need more time?</source>
        <translation>هل تحتاج إلى وقت إضافي؟</translation>
    </message>
    <message>
        <source>For your privacy, everything you entered will be cleared when the count ends.</source>
        <translation>حفاظاً على خصوصيتك، ستُمسح جميع البيانات التي أدخلتها عند انتهاء العدّ.</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>نعم، متابعة</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Help: using the e-services kiosk</source>
        <translation>المساعدة: استخدام كشك الخدمات الإلكترونية</translation>
    </message>
    <message>
        <source>What you can do here</source>
        <translation>ما يمكنك القيام به هنا</translation>
    </message>
    <message>
        <source>Create an electronic account, apply for the Ministry of Interior's e-services (visas, residence permits, naturalization, deportation cancellation, marriage-contract procedures, emergency travel documents, bridge cards and more), follow your requests, answer the ministry when it asks for more details, and print receipts, payment slips and approval notices.</source>
        <translation>إنشاء حساب إلكتروني، وتقديم طلبات الخدمات الإلكترونية لوزارة الداخلية (التأشيرات، والإقامات، والتجنس، وإلغاء قرار الإبعاد، واستكمال إجراءات عقد الزواج، ووثيقة السفر الاضطرارية، وبطاقات الجسور وغيرها)، ومتابعة طلباتك، والرد على الوزارة عند طلب تفاصيل إضافية، وطباعة الإيصالات وقسائم الدفع وإشعارات الموافقة.</translation>
    </message>
    <message>
        <source>How to apply</source>
        <translation>آلية تقديم الطلب الإلكتروني</translation>
    </message>
    <message>
        <source>Log in, choose "new request", pick the category and type of the service, enter the general data, the applicant and the beneficiaries, attach the required documents, choose normal or urgent, check the fee and send.</source>
        <translation>سجّل الدخول، واختر "إنشاء طلب جديد"، ثم اختر فئة الخدمة ونوعها، وأدخل البيانات العامة وبيانات مقدم الطلب والمستدعى لهم، وأرفق المرفقات المطلوبة، واختر أهمية الطلب (عادي أو عاجل)، وتحقق من الرسوم ثم أرسل الطلب.</translation>
    </message>
    <message>
        <source>Scanning passports and documents</source>
        <translation>مسح جوازات السفر والوثائق</translation>
    </message>
    <message>
        <source>Hold the passport page with the personal-number barcode under the camera; the number fills in by itself. Hold each document flat and still under the camera; the kiosk tells you when to move closer or avoid glare. You can always type instead.</source>
        <translation>ضع صفحة جواز السفر التي تحمل باركود الرقم الشخصي تحت الكاميرا، فيُعبّأ الرقم تلقائياً. ضع كل وثيقة مستوية وثابتة تحت الكاميرا، وسيخبرك الجهاز متى تقرّبها أو تتجنب الانعكاس. يمكنك دائماً إدخال البيانات يدوياً.</translation>
    </message>
    <message>
        <source>Fees and payment</source>
        <translation>الرسوم والدفع</translation>
    </message>
    <message>
        <source>A normal request costs 2 JOD per person and takes 1 to 14 working days. An urgent request is done within 5 working days and costs from 100 JOD. Pay with the eFAWATEERcom bill number in any bank app, at a bank or an exchange office, or by card.</source>
        <translation>رسوم الطلب العادي 2 دينار أردني عن كل شخص، ويُنجز خلال 1 إلى 14 يوم عمل. يُنجز الطلب العاجل خلال 5 أيام عمل برسوم تبدأ من 100 دينار. ادفع برقم فاتورة إي فواتيركم من أي تطبيق بنكي أو في البنك أو محل الصرافة، أو بالبطاقة.</translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation>خصوصيتك</translation>
    </message>
    <message>
        <source>This kiosk is shared. When you finish, press "Cancel" and log out. If nobody touches the screen for a while, the kiosk asks whether you need more time, then clears everything you entered.</source>
        <translation>هذا الجهاز مشترك. عند الانتهاء اضغط "إلغاء" وسجّل الخروج. إذا لم تُلمس الشاشة لفترة، يسألك الجهاز إن كنت تحتاج إلى وقت إضافي، ثم يمسح كل ما أدخلته.</translation>
    </message>
    <message>
        <source>Keyboard and language</source>
        <translation>لوحة المفاتيح واللغة</translation>
    </message>
    <message>
        <source>Touch a field and the keyboard opens at the bottom of the screen; the globe key switches between Arabic and English letters. The language button at the top switches the whole kiosk between العربية and English.</source>
        <translation>المس أي حقل فتظهر لوحة المفاتيح أسفل الشاشة، ومفتاح الكرة الأرضية يبدّل بين الحروف العربية والإنجليزية. زر اللغة في أعلى الشاشة يبدّل الجهاز كله بين العربية و English.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Ministry of Interior</source>
        <translation>وزارة الداخلية</translation>
    </message>
    <message>
        <source>E-services kiosk</source>
        <translation>كشك الخدمات الإلكترونية</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>تجريبي</translation>
    </message>
    <message>
        <source>Demonstration mode: nothing is sent to the ministry</source>
        <translation>وضع تجريبي: لا يُرسل شيء إلى الوزارة</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>المساعدة</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to the Ministry of Interior e-services</source>
        <translation>مرحباً بكم في الخدمات الإلكترونية لوزارة الداخلية</translation>
    </message>
    <message>
        <source>Apply for visas, residence permits and the ministry's other services, follow your requests and print your receipts. Choose your language to begin.</source>
        <translation>قدّم طلبات التأشيرات والإقامات وسائر خدمات الوزارة، وتابع طلباتك، واطبع إيصالاتك. اختر اللغة للبدء.</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>إنشاء حساب إلكتروني</translation>
    </message>
    <message>
        <source>Browse services and fees</source>
        <translation>تصفح الخدمات والرسوم</translation>
    </message>
    <message>
        <source>Contact the ministry</source>
        <translation>التواصل مع الوزارة</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>المساعدة</translation>
    </message>
    <message>
        <source>Demo accounts (demonstration mode only)</source>
        <translation>حسابات تجريبية (في الوضع التجريبي فقط)</translation>
    </message>
    <message>
        <source>{user} / {password} — {note}</source>
        <translation>{note} — {user} / {password}</translation>
    </message>
</context>
</TS>