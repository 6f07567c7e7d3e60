<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Dialog</name>
    <message>
        <source>Print or save as PDF</source>
        <translation>Imprimir o guardar como PDF</translation>
    </message>
    <message>
        <source>Print “%1”, with its references.</source>
        <translation>Imprimir «%1», con sus referencias.</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Qué imprimir</translation>
    </message>
    <message>
        <source>The whole article</source>
        <translation>Todo el artículo</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>Sección: %1</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Qué:</translation>
    </message>
    <message>
        <source>Text size on paper</source>
        <translation>Tamaño del texto en el papel</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation>&amp;Tamaño del texto:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Sent “%1” to the printer.</source>
        <translation>Se envió «%1» a la impresora.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>No se pudo guardar el PDF: %1</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>No se pudo guardar el PDF en %1.</translation>
    </message>
    <message>
        <source>Saved “%1” as %2.</source>
        <translation>Se guardó «%1» como %2.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>B&amp;uscar:</translation>
    </message>
    <message>
        <source>Words in this article</source>
        <translation>Palabras de este artículo</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Resultado anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Resultado siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>No se encontró</translation>
    </message>
    <message>
        <source>1 of 1 match</source>
        <translation>1 de 1 resultado</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n matches</source>
        <translation>
            <numerusform>%1 de %n resultado</numerusform>
            <numerusform>%1 de %n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation>Todavía no ha buscado nada</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>One section of the article.</source>
        <translation>Una sección del artículo.</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Change the language: %1</source>
        <translation>Cambiar el idioma: %1</translation>
    </message>
    <message>
        <source>The screen now speaks English.</source>
        <translation>La pantalla ahora está en español.</translation>
    </message>
    <message>
        <source>The screen has been cleared for the next person.</source>
        <translation>La pantalla se ha borrado para la próxima persona.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Print or save as PDF…</source>
        <translation>&amp;Imprimir o guardar como PDF…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Find in the article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <source>Open an article first, then print it.</source>
        <translation>Primero abra un artículo; después podrá imprimirlo.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Borrar</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>Borrar la última letra</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Clear the search box</source>
        <translation>Vaciar la casilla de búsqueda</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
</context>
</TS>
