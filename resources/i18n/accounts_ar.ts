<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AccountScreen</name>
    <message>
        <source>My account</source>
        <translation>حسابي</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>طلباتي</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>بياناتي</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <source>Messages to the ministry</source>
        <translation>مراسلة الوزارة</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>تسجيل الخروج</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <source>Please log in first.</source>
        <translation>يرجى تسجيل الدخول أولاً.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordScreen</name>
    <message>
        <source>Change password</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <source>You logged in with a password sent by SMS. Please choose your own password now.</source>
        <translation>دخلت بكلمة مرور أُرسلت برسالة نصية. يرجى اختيار كلمة مرور خاصة بك الآن.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>تم تغيير كلمة المرور.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>تأكيد كلمة المرور</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Date of birth (YYYY-MM-DD)</source>
        <translation>تاريخ الميلاد (سنة-شهر-يوم)</translation>
    </message>
    <message>
        <source>Nationality (3 letters, e.g. EGY)</source>
        <translation>الجنسية (3 أحرف لاتينية، مثل EGY)</translation>
    </message>
    <message>
        <source>National number (Jordanians)</source>
        <translation>الرقم الوطني (للأردنيين)</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>رقم جواز السفر</translation>
    </message>
    <message>
        <source>Personal number for foreigners</source>
        <translation>الرقم الشخصي للأجانب</translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation>اسم المؤسسة</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>رقم التسجيل</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>ضابط الارتباط</translation>
    </message>
    <message>
        <source>Mobile phone (07XXXXXXXX or +…)</source>
        <translation>رقم الهاتف المحمول (07XXXXXXXX أو +…)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordScreen</name>
    <message>
        <source>Forgot password</source>
        <translation>نسيت كلمة المرور</translation>
    </message>
    <message>
        <source>Send me a new password</source>
        <translation>أرسل لي كلمة مرور جديدة</translation>
    </message>
    <message>
        <source>Log in with the new password</source>
        <translation>الدخول بكلمة المرور الجديدة</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>هذا الحقل مطلوب.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Log in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>نسيت كلمة المرور؟</translation>
    </message>
    <message>
        <source>No account yet? Create one</source>
        <translation>ليس لديك حساب؟ أنشئ حساباً</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>انتهت الجلسة. يرجى تسجيل الدخول من جديد.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>هذا الحقل مطلوب.</translation>
    </message>
</context>
<context>
    <name>MessagesScreen</name>
    <message>
        <source>Messages to the ministry</source>
        <translation>مراسلة الوزارة</translation>
    </message>
    <message>
        <source>Details to correct (if any):</source>
        <translation>البيانات المطلوب تعديلها (إن وجدت):</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>My messages and the ministry's replies</source>
        <translation>رسائلي وردود الوزارة</translation>
    </message>
    <message>
        <source>Correction of my details: {field}</source>
        <translation>تعديل بياناتي: {field}</translation>
    </message>
    <message>
        <source>Waiting for the ministry's reply</source>
        <translation>بانتظار رد الوزارة</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>هذا الحقل مطلوب.</translation>
    </message>
    <message>
        <source>Please write the reason.</source>
        <translation>يرجى كتابة سبب التعديل.</translation>
    </message>
    <message>
        <source>Your message was sent to the ministry.</source>
        <translation>تم إرسال رسالتك إلى الوزارة.</translation>
    </message>
</context>
<context>
    <name>ProfileScreen</name>
    <message>
        <source>My details</source>
        <translation>بياناتي</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>حفظ التعديلات</translation>
    </message>
    <message>
        <source>Details only the ministry can change</source>
        <translation>بيانات لا تعدلها إلا الوزارة</translation>
    </message>
    <message>
        <source>To correct one of these, send the ministry a message with the reason.</source>
        <translation>لتعديل أي منها، راسل الوزارة مع توضيح سبب التعديل.</translation>
    </message>
    <message>
        <source>Request a change</source>
        <translation>طلب تعديل</translation>
    </message>
    <message>
        <source>Nothing to save: no detail was changed.</source>
        <translation>لا يوجد ما يُحفظ: لم يتغير أي من البيانات.</translation>
    </message>
    <message>
        <source>Your details were saved.</source>
        <translation>تم حفظ بياناتك.</translation>
    </message>
</context>
<context>
    <name>RegisterScreen</name>
    <message>
        <source>Create an account</source>
        <translation>إنشاء حساب</translation>
    </message>
    <message>
        <source>Choose who the account is for. Individuals can use it at once; institutions visit the ministry once to activate it.</source>
        <translation>اختر فئة الحساب. يُفعَّل حساب الأفراد مباشرة، أما المؤسسات فتراجع الوزارة مرة واحدة لتفعيله.</translation>
    </message>
    <message>
        <source>Change the category</source>
        <translation>تغيير الفئة</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>إنشاء الحساب</translation>
    </message>
</context>
<context>
    <name>RegisteredScreen</name>
    <message>
        <source>Account created</source>
        <translation>تم إنشاء الحساب</translation>
    </message>
    <message>
        <source>Account {username} is pending activation.</source>
        <translation>الحساب {username} بانتظار التفعيل.</translation>
    </message>
    <message>
        <source>Account {username} is active.</source>
        <translation>الحساب {username} فعّال.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>تسجيل الدخول</translation>
    </message>
</context>
</TS>