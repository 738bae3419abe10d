<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>CatalogScreen</name>
    <message>
        <source>Services and fees</source>
        <translation>الخدمات والرسوم</translation>
    </message>
    <message>
        <source>Choose a group of services to read each service's conditions, documents, processing time and fees. No account is needed.</source>
        <translation>اختر مجموعة من الخدمات لتطّلع على شروط كل خدمة ووثائقها المطلوبة ومدة إنجازها ورسومها. لا حاجة إلى حساب.</translation>
    </message>
    <message>
        <source>{name}
{count} services</source>
        <translation>{name}
{count} خدمات</translation>
    </message>
    <message>
        <source>{name}
1 service</source>
        <translation>{name}
خدمة واحدة</translation>
    </message>
</context>
<context>
    <name>FeeCalculatorScreen</name>
    <message>
        <source>Fee calculator</source>
        <translation>حاسبة الرسوم</translation>
    </message>
    <message>
        <source>Fee calculator: {service}</source>
        <translation>حاسبة الرسوم: {service}</translation>
    </message>
    <message>
        <source>Number of beneficiaries in the request</source>
        <translation>عدد المستدعى لهم في الطلب</translation>
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
        <source>Fewer persons</source>
        <translation>أشخاص أقل</translation>
    </message>
    <message>
        <source>More persons</source>
        <translation>أشخاص أكثر</translation>
    </message>
    <message>
        <source>Urgent requests are not offered for this service.</source>
        <translation>الطلب العاجل غير متاح لهذه الخدمة.</translation>
    </message>
    <message>
        <source>Companions under 16 without a passport are not counted.</source>
        <translation>المرافقون دون 16 عامًا ممن لا يحملون جوازات سفر لا يُحتسبون.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
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
        <source>Expected completion: by {date} ({days} working days from today)</source>
        <translation>الإنجاز المتوقع: بحلول {date} ({days} أيام عمل من اليوم)</translation>
    </message>
</context>
<context>
    <name>ServiceCardScreen</name>
    <message>
        <source>Service</source>
        <translation>الخدمة</translation>
    </message>
    <message>
        <source>Calculate the fee and the expected date</source>
        <translation>احسب الرسوم وتاريخ الإنجاز المتوقع</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>وصف الخدمة</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Directorate</source>
        <translation>المديرية</translation>
    </message>
    <message>
        <source>Who benefits</source>
        <translation>الفئات المستفيدة</translation>
    </message>
    <message>
        <source>Who may apply</source>
        <translation>من يقدم الطلب</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>الشروط</translation>
    </message>
    <message>
        <source>Required documents</source>
        <translation>الوثائق المطلوبة</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>مدة إنجاز الخدمة</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>الرسوم</translation>
    </message>
    <message>
        <source>Approval validity</source>
        <translation>صلاحية الموافقة</translation>
    </message>
    <message>
        <source>Extra information the request asks for</source>
        <translation>بيانات إضافية يطلبها الطلب</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>ServiceListScreen</name>
    <message>
        <source>Services</source>
        <translation>الخدمات</translation>
    </message>
</context>
</TS>