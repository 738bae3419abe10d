<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>PrintPreviewScreen</name>
    <message>
        <source>Your document</source>
        <extracomment>Emitted with the PrintOutcome after each attempt to print.</extracomment>
        <translation>مستندك</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>Preparing your document…</source>
        <translation>جارٍ تجهيز المستند…</translation>
    </message>
    <message>
        <source>Check your document, then press Print.</source>
        <translation>راجع المستند، ثم اضغط «طباعة».</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
</context>
</TS>