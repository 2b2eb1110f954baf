<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n of {total} theses</source>
        <translation>
            <numerusform>%n of {total} theses</numerusform>
            <numerusform>%n of {total} theses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n catalyst(s) overdue</source>
        <translation>
            <numerusform>%n catalyst overdue</numerusform>
            <numerusform>%n catalysts overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) overdue</source>
        <translation>
            <numerusform>%n review overdue</numerusform>
            <numerusform>%n reviews overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PricesChart</name>
    <message numerus="yes">
        <source>Imported %n days ({first} to {last}).</source>
        <translation>
            <numerusform>Imported %n day ({first} to {last}).</numerusform>
            <numerusform>Imported %n days ({first} to {last}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PricesTab</name>
    <message numerus="yes">
        <source>Event study: %n row(s) from {events} done catalyst(s)</source>
        <translation>
            <numerusform>Event study: %n row from {events} done catalyst(s)</numerusform>
            <numerusform>Event study: %n rows from {events} done catalyst(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoadmapChart</name>
    <message numerus="yes">
        <source>▾ {theme} · %n theses</source>
        <translation>
            <numerusform>▾ {theme} · %n thesis</numerusform>
            <numerusform>▾ {theme} · %n theses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n catalysts in {theses} theses</source>
        <translation>
            <numerusform>%n catalyst in {theses} theses</numerusform>
            <numerusform>%n catalysts in {theses} theses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupNotice</name>
    <message numerus="yes">
        <source>%n catalyst(s) overdue</source>
        <translation>
            <numerusform>%n catalyst overdue</numerusform>
            <numerusform>%n catalysts overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) due</source>
        <translation>
            <numerusform>%n review due</numerusform>
            <numerusform>%n reviews due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due this week</source>
        <translation>
            <numerusform>%n due this week</numerusform>
            <numerusform>%n due this week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingView</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due in the next {days} days</source>
        <translation>
            <numerusform>%n due in the next {days} days</numerusform>
            <numerusform>%n due in the next {days} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) due</source>
        <translation>
            <numerusform>%n review due</numerusform>
            <numerusform>%n reviews due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled here (gone on Reload)</source>
        <translation>
            <numerusform>%n settled here (gone on Reload)</numerusform>
            <numerusform>%n settled here (gone on Reload)</numerusform>
        </translation>
    </message>
</context>
</TS>
