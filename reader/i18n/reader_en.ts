<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%1 of %n matches</source>
        <translation>
            <numerusform>%1 of %n match</numerusform>
            <numerusform>%1 of %n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleController</name>
    <message numerus="yes">
        <source>Are you still reading? This screen will clear in %n second(s). Touch the screen or press any key to keep reading.</source>
        <translation>
            <numerusform>Are you still reading? This screen will clear in %n second. Touch the screen or press any key to keep reading.</numerusform>
            <numerusform>Are you still reading? This screen will clear in %n seconds. Touch the screen or press any key to keep reading.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left.</source>
        <translation>
            <numerusform>%n second left.</numerusform>
            <numerusform>%n seconds left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message numerus="yes">
        <source>This screen will clear in %n second(s), so the next person does not see what you read. Touch the screen or press any key to keep reading.</source>
        <translation>
            <numerusform>This screen will clear in %n second, so the next person does not see what you read. Touch the screen or press any key to keep reading.</numerusform>
            <numerusform>This screen will clear in %n seconds, so the next person does not see what you read. Touch the screen or press any key to keep reading.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <source>%1
%n article(s)</source>
        <comment>tile</comment>
        <translation>
            <numerusform>%1
%n article</numerusform>
            <numerusform>%1
%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n article(s)</source>
        <translation>
            <numerusform>%1, %n article</numerusform>
            <numerusform>%1, %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n topic(s)</source>
        <translation>
            <numerusform>%1: %n topic</numerusform>
            <numerusform>%1: %n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1: %n article</numerusform>
            <numerusform>%1: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”. Touch one to read it.</source>
        <translation>
            <numerusform>%n result for “%1”. Touch one to read it.</numerusform>
            <numerusform>%n results for “%1”. Touch one to read it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message numerus="yes">
        <source>%1
%n article(s)</source>
        <comment>collection</comment>
        <translation>
            <numerusform>%1
%n article</numerusform>
            <numerusform>%1
%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collection %1, %n article(s)</source>
        <translation>
            <numerusform>Collection %1, %n article</numerusform>
            <numerusform>Collection %1, %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Letter %1, %n topic(s)</source>
        <translation>
            <numerusform>Letter %1, %n topic</numerusform>
            <numerusform>Letter %1, %n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n topic(s)</source>
        <translation>
            <numerusform>%1, %n topic</numerusform>
            <numerusform>%1, %n topics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Search ready (%n article(s) indexed in %1 s)</source>
        <translation>
            <numerusform>Search ready (%n article indexed in %1 s)</numerusform>
            <numerusform>Search ready (%n articles indexed in %1 s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <comment>results in</comment>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in %1 (showing %2)</source>
        <translation>
            <numerusform>%n result in %1 (showing %2)</numerusform>
            <numerusform>%n results in %1 (showing %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in %1</source>
        <translation>
            <numerusform>%n result in %1</numerusform>
            <numerusform>%n results in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message numerus="yes">
        <source>%n shortcut(s): keys, what they do, where.</source>
        <translation>
            <numerusform>%n shortcut: keys, what they do, where.</numerusform>
            <numerusform>%n shortcuts: keys, what they do, where.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n matching section(s)</source>
        <translation>
            <numerusform>%n matching section</numerusform>
            <numerusform>%n matching sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing: %1 of %n article(s)</source>
        <translation>
            <numerusform>Indexing: %1 of %n article</numerusform>
            <numerusform>Indexing: %1 of %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing: saving the index of %n article(s)…</source>
        <translation>
            <numerusform>Indexing: saving the index of %n article…</numerusform>
            <numerusform>Indexing: saving the index of %n articles…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message numerus="yes">
        <source>Library %1 opened: %n article(s)</source>
        <translation>
            <numerusform>Library %1 opened: %n article</numerusform>
            <numerusform>Library %1 opened: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the library: %1 of %n article(s)</source>
        <translation>
            <numerusform>Loading the library: %1 of %n article</numerusform>
            <numerusform>Loading the library: %1 of %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Library loaded: %n article(s)</source>
        <translation>
            <numerusform>Library loaded: %n article</numerusform>
            <numerusform>Library loaded: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the library could not be read; run &apos;offline-reader check&apos; for details.</source>
        <translation>
            <numerusform>%n file in the library could not be read; run &apos;offline-reader check&apos; for details.</numerusform>
            <numerusform>%n files in the library could not be read; run &apos;offline-reader check&apos; for details.</numerusform>
        </translation>
    </message>
</context>
</TS>
