<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Accessibility</name>
    <message>
        <source>citation %1, %2</source>
        <translation>cita %1, %2</translation>
    </message>
    <message>
        <source>citation %1</source>
        <translation>cita %1</translation>
    </message>
    <message>
        <source>Show this tab</source>
        <translation>Mostrar esta pestaña</translation>
    </message>
</context>
<context>
    <name>ArticleError</name>
    <message>
        <source>no front matter: a library article starts with &apos;---&apos;, YAML, &apos;---&apos;</source>
        <translation>falta el encabezado: un artículo de la biblioteca empieza con &apos;---&apos;, YAML, &apos;---&apos;</translation>
    </message>
    <message>
        <source>invalid YAML</source>
        <translation>el YAML no es válido</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>tiene demasiados niveles uno dentro de otro</translation>
    </message>
    <message>
        <source>front matter must be a mapping of field: value</source>
        <translation>el encabezado debe ser una lista de campo: valor</translation>
    </message>
    <message>
        <source>broken front matter: {problem}</source>
        <translation>el encabezado está dañado: {problem}</translation>
    </message>
    <message>
        <source>front matter lacks required field(s): {fields}</source>
        <translation>al encabezado le faltan campos necesarios: {fields}</translation>
    </message>
    <message>
        <source>id {id} must be letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (128 at most)</source>
        <translation>el id {id} solo puede tener letras, números, &apos;.&apos;, &apos;_&apos; o &apos;-&apos; (128 como máximo)</translation>
    </message>
    <message>
        <source>the Markdown is nested too deeply to read</source>
        <translation>el Markdown tiene demasiados niveles uno dentro de otro para poder leerlo</translation>
    </message>
    <message>
        <source>the file is larger than that; articles larger than {limit} MiB are refused</source>
        <translation>el archivo es más grande; no se aceptan artículos de más de {limit} MiB</translation>
    </message>
    <message>
        <source>the file is {size} MB; articles larger than {limit} MiB are refused</source>
        <translation>el archivo ocupa {size} MB; no se aceptan artículos de más de {limit} MiB</translation>
    </message>
    <message>
        <source>not read: {reason}</source>
        <translation>no se leyó: {reason}</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>no se puede leer: {reason}</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>{file}:{line}: {problem}</source>
        <translation>{file}, línea {line}: {problem}</translation>
    </message>
</context>
<context>
    <name>ArticleHtml</name>
    <message>
        <source>[source not in the references]</source>
        <translation>[fuente que no está en las referencias]</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>Article details</source>
        <translation>Detalles del artículo</translation>
    </message>
    <message>
        <source>%1 et al.</source>
        <translation>%1 y otros</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Revista</translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>publicado el %1</translation>
    </message>
    <message>
        <source>reviewed %1</source>
        <translation>revisado el %1</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Atribución</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <source>Also in this library</source>
        <translation>También en esta biblioteca</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Please note:</source>
        <translation>Tenga en cuenta:</translation>
    </message>
    <message>
        <source>Abstract.</source>
        <translation>Resumen.</translation>
    </message>
    <message>
        <source>The library is empty.</source>
        <translation>La biblioteca está vacía.</translation>
    </message>
    <message>
        <source>&lt;h1&gt;&lt;a name=&quot;top&quot;&gt;Welcome to the health library&lt;/a&gt;&lt;/h1&gt;&lt;p&gt;Every article here is stored on this computer: nothing is fetched from the internet.&lt;/p&gt;&lt;p&gt;Choose an article from the &lt;b&gt;Library&lt;/b&gt; list, or type a few words into &lt;b&gt;Search&lt;/b&gt; (Ctrl+K). Citation numbers such as [1] in an article show where a claim comes from, in the &lt;b&gt;References&lt;/b&gt; pane.&lt;/p&gt;&lt;p&gt;Make the text larger with Ctrl+= and smaller with Ctrl+-, or change the colours from the View menu.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;&lt;a name=&quot;top&quot;&gt;Bienvenido a la biblioteca de salud&lt;/a&gt;&lt;/h1&gt;&lt;p&gt;Todos los artículos están guardados en esta computadora: no se descarga nada de internet.&lt;/p&gt;&lt;p&gt;Elija un artículo de la lista &lt;b&gt;Biblioteca&lt;/b&gt; o escriba unas palabras en &lt;b&gt;Buscar&lt;/b&gt; (Ctrl+K). Los números de cita como [1] en un artículo muestran de dónde viene una afirmación, en el panel &lt;b&gt;Referencias&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Agrande el texto con Ctrl+= y achíquelo con Ctrl+-, o cambie los colores desde el menú Ver.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In this library</source>
        <translation>En esta biblioteca</translation>
    </message>
</context>
<context>
    <name>ArticleLoader</name>
    <message>
        <source>The article could not be opened (%1).</source>
        <translation>No se pudo abrir el artículo (%1).</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>The article text. Citation numbers are links to the references.</source>
        <translation>El texto del artículo. Los números de cita son enlaces a las referencias.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>Artículo: %1</translation>
    </message>
    <message>
        <source>heading level %1</source>
        <translation>encabezado de nivel %1</translation>
    </message>
    <message>
        <source>heading level %1, %2</source>
        <translation>encabezado de nivel %1, %2</translation>
    </message>
    <message>
        <source>%1, link</source>
        <translation>%1, enlace</translation>
    </message>
    <message>
        <source>Article details, expanded</source>
        <translation>Detalles del artículo, desplegados</translation>
    </message>
    <message>
        <source>Article details, collapsed</source>
        <translation>Detalles del artículo, plegados</translation>
    </message>
    <message>
        <source>formula: %1</source>
        <translation>fórmula: %1</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Edit bookmark</source>
        <translation>Cambiar el marcador</translation>
    </message>
    <message>
        <source>Bookmark this place</source>
        <translation>Marcar este lugar</translation>
    </message>
    <message>
        <source>Bookmark name</source>
        <translation>Nombre del marcador</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Remove bookmark</source>
        <translation>&amp;Quitar el marcador</translation>
    </message>
</context>
<context>
    <name>Bookmarks</name>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <source>Your bookmarks could not be saved: %1</source>
        <translation>No se pudieron guardar sus marcadores: %1</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Marcador quitado.</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>Marcado: %1</translation>
    </message>
    <message>
        <source>The list of recently read articles is empty.</source>
        <translation>La lista de artículos leídos hace poco está vacía.</translation>
    </message>
    <message>
        <source>&amp;Edit bookmarks…</source>
        <translation>&amp;Cambiar los marcadores…</translation>
    </message>
    <message>
        <source>No bookmarks yet (Ctrl+D adds one)</source>
        <translation>Todavía no hay marcadores (Ctrl+D añade uno)</translation>
    </message>
    <message>
        <source>&amp;Recently read</source>
        <translation>&amp;Leídos hace poco</translation>
    </message>
    <message>
        <source>Nothing read yet</source>
        <translation>Todavía no ha leído nada</translation>
    </message>
    <message>
        <source>&amp;Clear this list</source>
        <translation>&amp;Vaciar esta lista</translation>
    </message>
    <message>
        <source>the bookmarks file does not hold a JSON object</source>
        <translation>el archivo de marcadores no contiene un objeto JSON</translation>
    </message>
    <message>
        <source>unusable bookmark or history entries were left out ({count})</source>
        <translation>se dejaron fuera marcadores o entradas del historial que no se podían usar ({count})</translation>
    </message>
    <message>
        <source>your bookmarks ({file}) cannot be read</source>
        <translation>no se pueden leer sus marcadores ({file})</translation>
    </message>
    <message>
        <source>the bookmarks file is too large; it was kept as {aside}</source>
        <translation>el archivo de marcadores es demasiado grande; se guardó aparte como {aside}</translation>
    </message>
    <message>
        <source>the bookmarks file is damaged; it was kept as {aside}</source>
        <translation>el archivo de marcadores está dañado; se guardó aparte como {aside}</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>the desktop files could not be written to {folder}: {reason}</source>
        <translation>no se pudieron escribir los archivos del escritorio en {folder}: {reason}</translation>
    </message>
    <message>
        <source>{file} could not be removed: {reason}</source>
        <translation>no se pudo borrar {file}: {reason}</translation>
    </message>
</context>
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
    <name>EditBookmarksDialog</name>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Enter opens a bookmark, F2 renames it, Delete removes it.</source>
        <translation>Intro abre un marcador, F2 le cambia el nombre y Supr lo quita.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
</context>
<context>
    <name>FileError</name>
    <message>
        <source>the file is larger than that; at most {limit} MiB is read</source>
        <translation>el archivo es más grande; solo se leen {limit} MiB como máximo</translation>
    </message>
    <message>
        <source>the file is {size} MB; at most {limit} MiB is read</source>
        <translation>el archivo ocupa {size} MB; solo se leen {limit} MiB como máximo</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>una tubería con nombre</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>algo que no es un archivo normal</translation>
    </message>
    <message>
        <source>it is {kind}, not a regular file</source>
        <translation>es {kind}, no un archivo normal</translation>
    </message>
    <message>
        <source>it leads outside the library folder</source>
        <translation>lleva fuera de la carpeta de la biblioteca</translation>
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
    <name>Font</name>
    <message>
        <source>System default</source>
        <translation>La del sistema</translation>
    </message>
    <message>
        <source>Atkinson Hyperlegible</source>
        <translation>Atkinson Hyperlegible</translation>
    </message>
    <message>
        <source>OpenDyslexic (dyslexia-friendly)</source>
        <translation>OpenDyslexic (para personas con dislexia)</translation>
    </message>
</context>
<context>
    <name>Formula</name>
    <message>
        <source>sub</source>
        <translation>subíndice</translation>
    </message>
    <message>
        <source>end sub</source>
        <translation>fin de subíndice</translation>
    </message>
    <message>
        <source>squared</source>
        <translation>al cuadrado</translation>
    </message>
    <message>
        <source>cubed</source>
        <translation>al cubo</translation>
    </message>
    <message>
        <source>transposed</source>
        <translation>traspuesta</translation>
    </message>
    <message>
        <source>inverse</source>
        <translation>inversa</translation>
    </message>
    <message>
        <source>to the power</source>
        <translation>elevado a</translation>
    </message>
    <message>
        <source>end power</source>
        <translation>fin de potencia</translation>
    </message>
    <message>
        <source>over</source>
        <translation>entre</translation>
    </message>
    <message>
        <source>the fraction</source>
        <translation>la fracción</translation>
    </message>
    <message>
        <source>end fraction</source>
        <translation>fin de fracción</translation>
    </message>
    <message>
        <source>root</source>
        <translation>raíz</translation>
    </message>
    <message>
        <source>of</source>
        <translation>de</translation>
    </message>
    <message>
        <source>the square root of</source>
        <translation>la raíz cuadrada de</translation>
    </message>
    <message>
        <source>end root</source>
        <translation>fin de raíz</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>under</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>with</source>
        <translation>con</translation>
    </message>
    <message>
        <source>above</source>
        <translation>encima</translation>
    </message>
    <message>
        <source>open paren</source>
        <translation>abre paréntesis</translation>
    </message>
    <message>
        <source>close paren</source>
        <translation>cierra paréntesis</translation>
    </message>
    <message>
        <source>open bracket</source>
        <translation>abre corchete</translation>
    </message>
    <message>
        <source>close bracket</source>
        <translation>cierra corchete</translation>
    </message>
    <message>
        <source>open brace</source>
        <translation>abre llave</translation>
    </message>
    <message>
        <source>close brace</source>
        <translation>cierra llave</translation>
    </message>
</context>
<context>
    <name>Formula accent</name>
    <message>
        <source>vector</source>
        <translation>vector</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>barra</translation>
    </message>
    <message>
        <source>underline</source>
        <translation>subrayado</translation>
    </message>
    <message>
        <source>hat</source>
        <translation>sombrero</translation>
    </message>
    <message>
        <source>tilde</source>
        <translation>tilde</translation>
    </message>
    <message>
        <source>dot</source>
        <translation>punto</translation>
    </message>
    <message>
        <source>double dot</source>
        <translation>dos puntos</translation>
    </message>
    <message>
        <source>check</source>
        <translation>carón</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>agudo</translation>
    </message>
    <message>
        <source>grave</source>
        <translation>grave</translation>
    </message>
</context>
<context>
    <name>Formula letter</name>
    <message>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>gamma</source>
        <translation>gamma</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>delta</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>épsilon</translation>
    </message>
    <message>
        <source>zeta</source>
        <translation>dseta</translation>
    </message>
    <message>
        <source>eta</source>
        <translation>eta</translation>
    </message>
    <message>
        <source>theta</source>
        <translation>theta</translation>
    </message>
    <message>
        <source>iota</source>
        <translation>iota</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>kappa</translation>
    </message>
    <message>
        <source>lambda</source>
        <translation>lambda</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>nu</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>xi</source>
        <translation>xi</translation>
    </message>
    <message>
        <source>omicron</source>
        <translation>ómicron</translation>
    </message>
    <message>
        <source>pi</source>
        <translation>pi</translation>
    </message>
    <message>
        <source>rho</source>
        <translation>ro</translation>
    </message>
    <message>
        <source>sigma</source>
        <translation>sigma</translation>
    </message>
    <message>
        <source>tau</source>
        <translation>tau</translation>
    </message>
    <message>
        <source>upsilon</source>
        <translation>ípsilon</translation>
    </message>
    <message>
        <source>phi</source>
        <translation>fi</translation>
    </message>
    <message>
        <source>chi</source>
        <translation>ji</translation>
    </message>
    <message>
        <source>psi</source>
        <translation>psi</translation>
    </message>
    <message>
        <source>omega</source>
        <translation>omega</translation>
    </message>
    <message>
        <source>capital alpha</source>
        <translation>alfa mayúscula</translation>
    </message>
    <message>
        <source>capital beta</source>
        <translation>beta mayúscula</translation>
    </message>
    <message>
        <source>capital gamma</source>
        <translation>gamma mayúscula</translation>
    </message>
    <message>
        <source>capital delta</source>
        <translation>delta mayúscula</translation>
    </message>
    <message>
        <source>capital epsilon</source>
        <translation>épsilon mayúscula</translation>
    </message>
    <message>
        <source>capital zeta</source>
        <translation>dseta mayúscula</translation>
    </message>
    <message>
        <source>capital eta</source>
        <translation>eta mayúscula</translation>
    </message>
    <message>
        <source>capital theta</source>
        <translation>theta mayúscula</translation>
    </message>
    <message>
        <source>capital iota</source>
        <translation>iota mayúscula</translation>
    </message>
    <message>
        <source>capital kappa</source>
        <translation>kappa mayúscula</translation>
    </message>
    <message>
        <source>capital lambda</source>
        <translation>lambda mayúscula</translation>
    </message>
    <message>
        <source>capital mu</source>
        <translation>mu mayúscula</translation>
    </message>
    <message>
        <source>capital nu</source>
        <translation>nu mayúscula</translation>
    </message>
    <message>
        <source>capital xi</source>
        <translation>xi mayúscula</translation>
    </message>
    <message>
        <source>capital omicron</source>
        <translation>ómicron mayúscula</translation>
    </message>
    <message>
        <source>capital pi</source>
        <translation>pi mayúscula</translation>
    </message>
    <message>
        <source>capital rho</source>
        <translation>ro mayúscula</translation>
    </message>
    <message>
        <source>capital sigma</source>
        <translation>sigma mayúscula</translation>
    </message>
    <message>
        <source>capital tau</source>
        <translation>tau mayúscula</translation>
    </message>
    <message>
        <source>capital upsilon</source>
        <translation>ípsilon mayúscula</translation>
    </message>
    <message>
        <source>capital phi</source>
        <translation>fi mayúscula</translation>
    </message>
    <message>
        <source>capital chi</source>
        <translation>ji mayúscula</translation>
    </message>
    <message>
        <source>capital psi</source>
        <translation>psi mayúscula</translation>
    </message>
    <message>
        <source>capital omega</source>
        <translation>omega mayúscula</translation>
    </message>
</context>
<context>
    <name>Formula limit</name>
    <message>
        <source>over</source>
        <translation>sobre</translation>
    </message>
</context>
<context>
    <name>Formula symbol</name>
    <message>
        <source>equals</source>
        <translation>igual a</translation>
    </message>
    <message>
        <source>plus</source>
        <translation>más</translation>
    </message>
    <message>
        <source>minus</source>
        <translation>menos</translation>
    </message>
    <message>
        <source>plus or minus</source>
        <translation>más o menos</translation>
    </message>
    <message>
        <source>minus or plus</source>
        <translation>menos o más</translation>
    </message>
    <message>
        <source>times</source>
        <translation>por</translation>
    </message>
    <message>
        <source>star</source>
        <translation>asterisco</translation>
    </message>
    <message>
        <source>divided by</source>
        <translation>dividido entre</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>es menor que</translation>
    </message>
    <message>
        <source>is greater than</source>
        <translation>es mayor que</translation>
    </message>
    <message>
        <source>is less than or equal to</source>
        <translation>es menor o igual que</translation>
    </message>
    <message>
        <source>is greater than or equal to</source>
        <translation>es mayor o igual que</translation>
    </message>
    <message>
        <source>is not equal to</source>
        <translation>es distinto de</translation>
    </message>
    <message>
        <source>is approximately</source>
        <translation>es aproximadamente</translation>
    </message>
    <message>
        <source>is much less than</source>
        <translation>es mucho menor que</translation>
    </message>
    <message>
        <source>is much greater than</source>
        <translation>es mucho mayor que</translation>
    </message>
    <message>
        <source>is congruent to</source>
        <translation>es congruente con</translation>
    </message>
    <message>
        <source>is identical to</source>
        <translation>es idéntico a</translation>
    </message>
    <message>
        <source>tilde</source>
        <translation>tilde</translation>
    </message>
    <message>
        <source>is proportional to</source>
        <translation>es proporcional a</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tiende a</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>implies</source>
        <translation>implica</translation>
    </message>
    <message>
        <source>if and only if</source>
        <translation>si y solo si</translation>
    </message>
    <message>
        <source>maps to</source>
        <translation>se aplica en</translation>
    </message>
    <message>
        <source>in</source>
        <translation>pertenece a</translation>
    </message>
    <message>
        <source>not in</source>
        <translation>no pertenece a</translation>
    </message>
    <message>
        <source>subset of</source>
        <translation>subconjunto de</translation>
    </message>
    <message>
        <source>subset of or equal to</source>
        <translation>subconjunto o igual a</translation>
    </message>
    <message>
        <source>union</source>
        <translation>unión</translation>
    </message>
    <message>
        <source>intersection</source>
        <translation>intersección</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>suma</translation>
    </message>
    <message>
        <source>product</source>
        <translation>producto</translation>
    </message>
    <message>
        <source>integral</source>
        <translation>integral</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>parcial</translation>
    </message>
    <message>
        <source>nabla</source>
        <translation>nabla</translation>
    </message>
    <message>
        <source>infinity</source>
        <translation>infinito</translation>
    </message>
    <message>
        <source>for all</source>
        <translation>para todo</translation>
    </message>
    <message>
        <source>there exists</source>
        <translation>existe</translation>
    </message>
    <message>
        <source>empty set</source>
        <translation>conjunto vacío</translation>
    </message>
    <message>
        <source>prime</source>
        <translation>prima</translation>
    </message>
    <message>
        <source>double prime</source>
        <translation>doble prima</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>por ciento</translation>
    </message>
    <message>
        <source>factorial</source>
        <translation>factorial</translation>
    </message>
    <message>
        <source>dot dot dot</source>
        <translation>puntos suspensivos</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>barra vertical</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>norma</translation>
    </message>
    <message>
        <source>parallel to</source>
        <translation>paralelo a</translation>
    </message>
    <message>
        <source>perpendicular to</source>
        <translation>perpendicular a</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>grados</translation>
    </message>
    <message>
        <source>square root of</source>
        <translation>raíz cuadrada de</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>ell</source>
        <translation>ele</translation>
    </message>
    <message>
        <source>transpose</source>
        <translation>traspuesta</translation>
    </message>
    <message>
        <source>is defined as</source>
        <translation>se define como</translation>
    </message>
    <message>
        <source>h bar</source>
        <translation>h barra</translation>
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
    <name>IdleController</name>
    <message>
        <source>Welcome back. Your session continues.</source>
        <translation>Bienvenido de nuevo. Puede seguir leyendo.</translation>
    </message>
    <message numerus="yes">
        <source>Are you still reading? This screen will clear in %n second(s). Touch the screen or press any key to keep reading.</source>
        <translation>
            <numerusform>¿Sigue leyendo? Esta pantalla se borrará en %n segundo. Toque la pantalla o pulse cualquier tecla para seguir leyendo.</numerusform>
            <numerusform>¿Sigue leyendo? Esta pantalla se borrará en %n segundos. Toque la pantalla o pulse cualquier tecla para seguir leyendo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left.</source>
        <translation>
            <numerusform>Queda %n segundo.</numerusform>
            <numerusform>Quedan %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still reading?</source>
        <translation>¿Sigue leyendo?</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>Seguir leyendo</translation>
    </message>
    <message numerus="yes">
        <source>This screen will clear in %n second(s), so the next person does not see what you read. Touch the screen or press any key to keep reading.</source>
        <translation>
            <numerusform>Esta pantalla se borrará en %n segundo, para que la próxima persona no vea lo que usted leyó. Toque la pantalla o pulse cualquier tecla para seguir leyendo.</numerusform>
            <numerusform>Esta pantalla se borrará en %n segundos, para que la próxima persona no vea lo que usted leyó. Toque la pantalla o pulse cualquier tecla para seguir leyendo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyboards</name>
    <message>
        <source>the keyboard layouts are not valid TOML: {reason}</source>
        <translation>las distribuciones de teclado no son TOML válido: {reason}</translation>
    </message>
    <message>
        <source>keyboard layout {code}: not a language code with a table</source>
        <translation>distribución de teclado {code}: no es un código de idioma con una tabla</translation>
    </message>
    <message>
        <source>keyboard layout {code}: rows must be a list of strings</source>
        <translation>distribución de teclado {code}: las filas deben ser una lista de textos</translation>
    </message>
    <message>
        <source>keyboard layout {code}: names must map keys to words</source>
        <translation>distribución de teclado {code}: los nombres deben asignar una palabra a cada tecla</translation>
    </message>
    <message>
        <source>keyboard layout {code}: a key appears twice</source>
        <translation>distribución de teclado {code}: una tecla aparece dos veces</translation>
    </message>
    <message>
        <source>keyboard layout {code}: no spoken name for {keys}</source>
        <translation>distribución de teclado {code}: falta el nombre hablado de {keys}</translation>
    </message>
    <message>
        <source>the keyboard layouts lack the English one</source>
        <translation>falta la distribución de teclado en inglés</translation>
    </message>
</context>
<context>
    <name>KioskConfig</name>
    <message>
        <source>a kiosk PIN must be {low} to {high} digits (0-9), nothing else</source>
        <translation>el PIN del quiosco debe tener de {low} a {high} cifras (0-9), y nada más</translation>
    </message>
    <message>
        <source>{value} is out of range; allowed {low}–{high}</source>
        <translation>{value} está fuera del rango permitido ({low}–{high})</translation>
    </message>
    <message>
        <source>{file}: {key}: {problem}</source>
        <translation>{file}: {key}: {problem}</translation>
    </message>
    <message>
        <source>must be a table ([{name}]), not {type}</source>
        <translation>debe ser una tabla ([{name}]), no {type}</translation>
    </message>
    <message>
        <source>unknown key; allowed here: {choices}</source>
        <translation>clave desconocida; aquí se permiten: {choices}</translation>
    </message>
    <message>
        <source>must be a whole number, not {value}</source>
        <translation>debe ser un número entero, no {value}</translation>
    </message>
    <message>
        <source>must be a number, not {value}</source>
        <translation>debe ser un número, no {value}</translation>
    </message>
    <message>
        <source>must be true or false, not {value}</source>
        <translation>debe ser true o false, no {value}</translation>
    </message>
    <message>
        <source>must be a non-empty text, not {value}</source>
        <translation>debe ser un texto no vacío, no {value}</translation>
    </message>
    <message>
        <source>{value} is not allowed; choose one of {allowed}</source>
        <translation>{value} no está permitido; elija uno de estos: {allowed}</translation>
    </message>
    <message>
        <source>must be a list of texts, not {value}</source>
        <translation>debe ser una lista de textos, no {value}</translation>
    </message>
    <message>
        <source>lists a collection twice</source>
        <translation>nombra una colección dos veces</translation>
    </message>
    <message>
        <source>must be an absolute path, not {value}</source>
        <translation>debe ser una ruta completa (absoluta), no {value}</translation>
    </message>
    <message>
        <source>{path} is inside {folder}, one of the kiosk account&apos;s own folders, where a kiosk writes nothing; choose a folder the staff control, such as /var/lib/offline-reader</source>
        <translation>{path} está dentro de {folder}, una de las carpetas de la cuenta del quiosco, donde el quiosco no escribe nada; elija una carpeta que controle el personal, como /var/lib/offline-reader</translation>
    </message>
    <message>
        <source>is not a PIN hash; make one with &apos;offline-reader kiosk hash-pin&apos; (the PIN itself is never written in the file)</source>
        <translation>no es un hash de PIN; cree uno con &apos;offline-reader kiosk hash-pin&apos; (el PIN mismo nunca se escribe en el archivo)</translation>
    </message>
    <message>
        <source>is needed with admin.pin_hash: a file where wrong PINs are counted across restarts, in a folder the staff control that the kiosk&apos;s account can write (for example lockout_file = &quot;/var/lib/offline-reader/pin-lockout.json&quot;)</source>
        <translation>hace falta con admin.pin_hash: un archivo donde se cuentan los PIN equivocados aunque el quiosco se reinicie, en una carpeta que controle el personal y en la que la cuenta del quiosco pueda escribir (por ejemplo lockout_file = &quot;/var/lib/offline-reader/pin-lockout.json&quot;)</translation>
    </message>
    <message>
        <source>{file}: the kiosk configuration cannot be read: {reason}</source>
        <translation>{file}: no se puede leer la configuración del quiosco: {reason}</translation>
    </message>
    <message>
        <source>{file}: the kiosk configuration is not UTF-8 text</source>
        <translation>{file}: la configuración del quiosco no es texto UTF-8</translation>
    </message>
    <message>
        <source>{file}: not valid TOML: {reason}</source>
        <translation>{file}: no es TOML válido: {reason}</translation>
    </message>
    <message>
        <source>{file}: the PIN lockout file cannot be written ({reason}); admin.lockout_file must be in a folder the kiosk&apos;s account can write, such as /var/lib/offline-reader</source>
        <translation>{file}: no se puede escribir el archivo de bloqueo del PIN ({reason}); admin.lockout_file debe estar en una carpeta en la que la cuenta del quiosco pueda escribir, como /var/lib/offline-reader</translation>
    </message>
</context>
<context>
    <name>KioskSearch</name>
    <message>
        <source>The search is being prepared. Your results will appear here by themselves as soon as it is ready.</source>
        <translation>La búsqueda se está preparando. Sus resultados aparecerán aquí solos en cuanto esté lista.</translation>
    </message>
    <message>
        <source>the prebuilt index {folder} cannot be used: {reason}</source>
        <translation>no se puede usar el índice ya preparado {folder}: {reason}</translation>
    </message>
    <message>
        <source>the search index could not be built ({reason})</source>
        <translation>no se pudo preparar el índice de búsqueda ({reason})</translation>
    </message>
    <message>
        <source>Search is not available on this screen: %1.</source>
        <translation>La búsqueda no está disponible en esta pantalla: %1.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>&lt;h1&gt;How to use this screen&lt;/h1&gt;
&lt;p&gt;This screen is a library of health articles. Everything is stored here: nothing is
sent to the internet, and nothing you read or search for is kept.&lt;/p&gt;
&lt;h2&gt;Finding an article&lt;/h2&gt;
&lt;ul&gt;
&lt;li&gt;Touch a topic on the home screen to see its articles, then touch an article to read it.&lt;/li&gt;
&lt;li&gt;Or touch the search box, type a few words with the keyboard on the screen, and touch
&lt;b&gt;Search&lt;/b&gt;.&lt;/li&gt;
&lt;/ul&gt;
&lt;h2&gt;Reading&lt;/h2&gt;
&lt;ul&gt;
&lt;li&gt;Slide your finger up and down on the text to scroll.&lt;/li&gt;
&lt;li&gt;A number in square brackets, such as [1], shows where a statement comes from: touch it
to see the source. Web addresses are shown as text; nothing opens outside this screen.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Larger text&lt;/b&gt; and &lt;b&gt;Smaller text&lt;/b&gt; change the size; &lt;b&gt;Colours&lt;/b&gt; changes the
colours; &lt;b&gt;Read aloud&lt;/b&gt; reads the article (use headphones if there are some).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Back&lt;/b&gt; and &lt;b&gt;Forward&lt;/b&gt; move between the pages you have seen; &lt;b&gt;Home&lt;/b&gt; goes back
to the start.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Español / English&lt;/b&gt; changes the language of the screen.&lt;/li&gt;
&lt;/ul&gt;
&lt;h2&gt;When you have finished&lt;/h2&gt;
&lt;p&gt;Touch &lt;b&gt;Finish / clear my session&lt;/b&gt;: the screen forgets what you read and searched,
and goes back to the start for the next person. If nobody touches the screen for a while, a
message asks whether you are still reading, and the screen clears itself if nobody answers.&lt;/p&gt;
&lt;h2&gt;Screen readers&lt;/h2&gt;
&lt;p&gt;With a keyboard, Tab moves between the buttons and the search box; the article text can be
read with the arrow keys.&lt;/p&gt;
</source>
        <translation>&lt;h1&gt;Cómo usar esta pantalla&lt;/h1&gt;
&lt;p&gt;Esta pantalla es una biblioteca de artículos de salud. Todo está guardado aquí: no se
envía nada a internet y no se guarda nada de lo que usted lee o busca.&lt;/p&gt;
&lt;h2&gt;Buscar un artículo&lt;/h2&gt;
&lt;ul&gt;
&lt;li&gt;Toque un tema en la pantalla de inicio para ver sus artículos y después toque un artículo para leerlo.&lt;/li&gt;
&lt;li&gt;O toque la casilla de búsqueda, escriba unas palabras con el teclado de la pantalla y toque
&lt;b&gt;Buscar&lt;/b&gt;.&lt;/li&gt;
&lt;/ul&gt;
&lt;h2&gt;Leer&lt;/h2&gt;
&lt;ul&gt;
&lt;li&gt;Deslice el dedo hacia arriba y hacia abajo sobre el texto para moverlo.&lt;/li&gt;
&lt;li&gt;Un número entre corchetes, como [1], indica de dónde viene una afirmación: tóquelo
para ver la fuente. Las direcciones web se muestran como texto; no se abre nada fuera de esta pantalla.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Texto más grande&lt;/b&gt; y &lt;b&gt;Texto más pequeño&lt;/b&gt; cambian el tamaño; &lt;b&gt;Colores&lt;/b&gt; cambia los
colores; &lt;b&gt;Leer en voz alta&lt;/b&gt; lee el artículo (use auriculares si hay).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Atrás&lt;/b&gt; y &lt;b&gt;Adelante&lt;/b&gt; le llevan por las páginas que ya vio; &lt;b&gt;Inicio&lt;/b&gt; vuelve
al principio.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;English / Español&lt;/b&gt; cambia el idioma de la pantalla.&lt;/li&gt;
&lt;/ul&gt;
&lt;h2&gt;Cuando termine&lt;/h2&gt;
&lt;p&gt;Toque &lt;b&gt;Terminar / borrar mi sesión&lt;/b&gt;: la pantalla olvida lo que usted leyó y buscó,
y vuelve al principio para la próxima persona. Si nadie toca la pantalla durante un rato, un
mensaje pregunta si sigue leyendo, y la pantalla se borra sola si nadie contesta.&lt;/p&gt;
&lt;h2&gt;Lectores de pantalla&lt;/h2&gt;
&lt;p&gt;Con un teclado, Tab pasa de un botón a otro y a la casilla de búsqueda; el texto del artículo
se puede leer con las flechas.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Home: the start screen</source>
        <translation>Inicio: la pantalla principal</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Atrás</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Forward ›</source>
        <translation>Adelante ›</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Finish / clear my session</source>
        <translation>Terminar / borrar mi sesión</translation>
    </message>
    <message>
        <source>Finish and clear my session: forget what I read and searched</source>
        <translation>Terminar y borrar mi sesión: olvidar lo que leí y busqué</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Touch here and type a few words to search</source>
        <translation>Toque aquí y escriba unas palabras para buscar</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Show or hide the on-screen keyboard</source>
        <translation>Mostrar u ocultar el teclado en pantalla</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Change the colours</source>
        <translation>Cambiar los colores</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Read the article aloud</source>
        <translation>Leer el artículo en voz alta</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print this article</source>
        <translation>Imprimir este artículo</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>How to use this screen</source>
        <translation>Cómo usar esta pantalla</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Touch a topic to see its articles, or search above. Nothing you read here is kept.</source>
        <translation>Toque un tema para ver sus artículos, o busque arriba. Aquí no se guarda nada de lo que usted lee.</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n article(s)</source>
        <comment>tile</comment>
        <translation>
            <numerusform>%1
%n artículo</numerusform>
            <numerusform>%1
%n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n article(s)</source>
        <translation>
            <numerusform>%1, %n artículo</numerusform>
            <numerusform>%1, %n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no articles on this screen yet.</source>
        <translation>Todavía no hay artículos en esta pantalla.</translation>
    </message>
    <message>
        <source>Change the language: %1</source>
        <translation>Cambiar el idioma: %1</translation>
    </message>
    <message>
        <source>The screen now speaks English.</source>
        <translation>La pantalla ahora está en español.</translation>
    </message>
    <message>
        <source>Browse by topic</source>
        <translation>Ver por tema</translation>
    </message>
    <message>
        <source>All topics, A to Z</source>
        <translation>Todos los temas, de la A a la Z</translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n tema</numerusform>
            <numerusform>%n temas</numerusform>
        </translation>
    </message>
    <message>
        <source>Letter %1</source>
        <translation>Letra %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n topic(s)</source>
        <translation>
            <numerusform>%1: %n tema</numerusform>
            <numerusform>%1: %n temas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1, %2 de %3</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Close source</source>
        <translation>Cerrar la fuente</translation>
    </message>
    <message>
        <source>Close the source</source>
        <translation>Cerrar la fuente</translation>
    </message>
    <message>
        <source>Source of the statement</source>
        <translation>Fuente de la afirmación</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1: %n artículo</numerusform>
            <numerusform>%1: %n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Buscando «%1»…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”. Touch one to read it.</source>
        <translation>
            <numerusform>%n resultado para «%1». Tóquelo para leerlo.</numerusform>
            <numerusform>%n resultados para «%1». Toque uno para leerlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>results, then a note on them</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Nothing was found for “%1”.</source>
        <translation>No se encontró nada para «%1».</translation>
    </message>
    <message>
        <source>%1 Did you mean “%2”?</source>
        <translation>%1 ¿Quiso decir «%2»?</translation>
    </message>
    <message>
        <source>Opening the article…</source>
        <translation>Abriendo el artículo…</translation>
    </message>
    <message>
        <source>This article cannot be shown: %1</source>
        <translation>Este artículo no se puede mostrar: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Se abrió %1</translation>
    </message>
    <message>
        <source>DOI (to look up on your own device): %1</source>
        <translation>DOI (para buscarlo en su propio teléfono o computadora): %1</translation>
    </message>
    <message>
        <source>QR code of %1, to scan with your phone</source>
        <translation>Código QR de %1, para leerlo con su teléfono</translation>
    </message>
    <message>
        <source>Scan the code with your own phone to look the source up.</source>
        <translation>Lea el código con su propio teléfono para buscar la fuente.</translation>
    </message>
    <message>
        <source>Source %1: %2</source>
        <translation>Fuente %1: %2</translation>
    </message>
    <message>
        <source>Text size %1 per cent</source>
        <translation>Tamaño del texto: %1 por ciento</translation>
    </message>
    <message>
        <source>Colours: %1</source>
        <translation>Colores: %1</translation>
    </message>
    <message>
        <source>Open an article to read it aloud.</source>
        <translation>Abra un artículo para escucharlo en voz alta.</translation>
    </message>
    <message>
        <source>No printer is set up for this screen.</source>
        <translation>Esta pantalla no tiene ninguna impresora configurada.</translation>
    </message>
    <message>
        <source>Printing %1. Please collect it from the printer.</source>
        <translation>Imprimiendo %1. Recójalo en la impresora, por favor.</translation>
    </message>
    <message>
        <source>The screen has been cleared for the next person.</source>
        <translation>La pantalla se ha borrado para la próxima persona.</translation>
    </message>
    <message>
        <source>Health library</source>
        <translation>Biblioteca de salud</translation>
    </message>
</context>
<context>
    <name>LanguageName</name>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>The saved list of the library could not be used; it was made anew.</source>
        <translation>No se pudo usar la lista guardada de la biblioteca; se hizo de nuevo.</translation>
    </message>
</context>
<context>
    <name>LibraryChooser</name>
    <message>
        <source>Open a library folder</source>
        <translation>Abrir una carpeta de biblioteca</translation>
    </message>
    <message>
        <source>Open library</source>
        <translation>Abrir biblioteca</translation>
    </message>
</context>
<context>
    <name>LibraryError</name>
    <message>
        <source>a link that leads round in a loop</source>
        <translation>un enlace que da vueltas en círculo</translation>
    </message>
    <message>
        <source>a link to nothing (its target is missing)</source>
        <translation>un enlace que no lleva a nada (falta su destino)</translation>
    </message>
    <message>
        <source>a link that leads outside the library</source>
        <translation>un enlace que lleva fuera de la biblioteca</translation>
    </message>
    <message>
        <source>the library folder {root} does not exist or is not a folder</source>
        <translation>la carpeta de la biblioteca {root} no existe o no es una carpeta</translation>
    </message>
    <message>
        <source>there is no article with id {id} in {root}</source>
        <translation>no hay ningún artículo con el id {id} en {root}</translation>
    </message>
    <message>
        <source>Give a folder of article .md files with --library DIR, or open one in the window (File &gt; Open library…). From a clone, scripts/bootstrap.sh sets up the bundled library.</source>
        <translation>Indique una carpeta de artículos .md con --library CARPETA, o abra una en la ventana (Archivo &gt; Abrir biblioteca…). En una copia del código, scripts/bootstrap.sh prepara la biblioteca incluida.</translation>
    </message>
    <message>
        <source>there is no library folder at {root}. {next}</source>
        <translation>no hay ninguna carpeta de biblioteca en {root}. {next}</translation>
    </message>
    <message>
        <source>the library folder {root} holds no articles. {next}</source>
        <translation>la carpeta de la biblioteca {root} no tiene artículos. {next}</translation>
    </message>
    <message>
        <source>the parsed articles cannot be written to {folder}: {reason}</source>
        <translation>los artículos analizados no se pueden guardar en {folder}: {reason}</translation>
    </message>
</context>
<context>
    <name>LibraryLoader</name>
    <message>
        <source>The library could not be listed (%1).</source>
        <translation>No se pudo leer la lista de la biblioteca (%1).</translation>
    </message>
</context>
<context>
    <name>LibraryOffer</name>
    <message>
        <source>No library to read</source>
        <translation>No hay biblioteca para leer</translation>
    </message>
    <message>
        <source>The reader has no articles to show.</source>
        <translation>El lector no tiene artículos para mostrar.</translation>
    </message>
    <message>
        <source>Open library…</source>
        <translation>Abrir biblioteca…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Library: collections and articles</source>
        <translation>Biblioteca: colecciones y artículos</translation>
    </message>
    <message>
        <source>Press Enter on an article to open it; Left and Right close and open a collection.</source>
        <translation>Pulse Intro en un artículo para abrirlo; las flechas izquierda y derecha cierran y abren una colección.</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message>
        <source>Topics A to Z</source>
        <translation>Temas de la A a la Z</translation>
    </message>
    <message>
        <source>Topics by group</source>
        <translation>Temas por grupo</translation>
    </message>
    <message>
        <source>Show the library as</source>
        <translation>Mostrar la biblioteca como</translation>
    </message>
    <message>
        <source>Collections, topics from A to Z, or topics by group such as heart or cancer</source>
        <translation>Colecciones, temas de la A a la Z o temas por grupo, como corazón o cáncer</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n article(s)</source>
        <comment>collection</comment>
        <translation>
            <numerusform>%1
%n artículo</numerusform>
            <numerusform>%1
%n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collection %1, %n article(s)</source>
        <translation>
            <numerusform>Colección %1, %n artículo</numerusform>
            <numerusform>Colección %1, %n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Letter %1, %n topic(s)</source>
        <translation>
            <numerusform>Letra %1, %n tema</numerusform>
            <numerusform>Letra %1, %n temas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n topic(s)</source>
        <translation>
            <numerusform>%1, %n tema</numerusform>
            <numerusform>%1, %n temas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1, %2 de %3</translation>
    </message>
</context>
<context>
    <name>LookControls</name>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Letra</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>Interlineado</translation>
    </message>
    <message>
        <source>Spacing %1</source>
        <translation>Interlineado %1</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Text size %1 per cent</source>
        <translation>Tamaño del texto: %1 por ciento</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Comprobando el índice de búsqueda…</translation>
    </message>
    <message>
        <source>Health library — offline reader</source>
        <translation>Biblioteca de salud — lector sin conexión</translation>
    </message>
    <message>
        <source>Offline health library reader</source>
        <translation>Lector sin conexión de la biblioteca de salud</translation>
    </message>
    <message>
        <source>%1 pane</source>
        <translation>Panel %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Tamaño de texto normal</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Restablecer la vista</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Reading mode</source>
        <translation>Modo de &amp;lectura</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barra de menús</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Print or save as PDF…</source>
        <translation>&amp;Imprimir o guardar como PDF…</translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation>&amp;Abrir biblioteca…</translation>
    </message>
    <message>
        <source>Article &amp;details</source>
        <translation>&amp;Detalles del artículo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>&amp;Letra</translation>
    </message>
    <message>
        <source>Line &amp;spacing</source>
        <translation>&amp;Interlineado</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Colores</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>&amp;Tool bars</source>
        <translation>&amp;Barras de herramientas</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>I&amp;dioma</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>Bookmark this &amp;place…</source>
        <translation>Marcar este &amp;lugar…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Reading tools</source>
        <translation>Herramientas de lectura</translation>
    </message>
    <message>
        <source>Look and read aloud</source>
        <translation>Aspecto y lectura en voz alta</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Show reading tools</source>
        <translation>Mostrar las herramientas de lectura</translation>
    </message>
    <message>
        <source>Show look tools</source>
        <translation>Mostrar las herramientas de aspecto</translation>
    </message>
    <message>
        <source>Show read-aloud tools</source>
        <translation>Mostrar las herramientas de lectura en voz alta</translation>
    </message>
    <message>
        <source>Find in the article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <source>Reading mode</source>
        <translation>Modo de lectura</translation>
    </message>
    <message>
        <source>Reading mode tools</source>
        <translation>Herramientas del modo de lectura</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>The window&apos;s menus</source>
        <translation>Los menús de la ventana</translation>
    </message>
    <message>
        <source>Reading mode: F9 or the Reading mode button brings the panes back.</source>
        <translation>Modo de lectura: F9 o el botón Modo de lectura vuelven a mostrar los paneles.</translation>
    </message>
    <message>
        <source>Reading mode is off.</source>
        <translation>El modo de lectura está desactivado.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Mensaje de estado</translation>
    </message>
    <message>
        <source>Search index progress</source>
        <translation>Progreso del índice de búsqueda</translation>
    </message>
    <message>
        <source>Opening the article</source>
        <translation>Abriendo el artículo</translation>
    </message>
    <message>
        <source>Stop opening</source>
        <translation>Dejar de abrir</translation>
    </message>
    <message>
        <source>Stop opening the article</source>
        <translation>Dejar de abrir el artículo</translation>
    </message>
    <message>
        <source>Open an article of the library first, then bookmark it.</source>
        <translation>Primero abra un artículo de la biblioteca; después podrá marcarlo.</translation>
    </message>
    <message>
        <source>Search will be ready soon: %1</source>
        <translation>La búsqueda estará lista pronto: %1</translation>
    </message>
    <message>
        <source>Search ready</source>
        <translation>Búsqueda lista</translation>
    </message>
    <message numerus="yes">
        <source>Search ready (%n article(s) indexed in %1 s)</source>
        <translation>
            <numerusform>Búsqueda lista (%n artículo indexado en %1 s)</numerusform>
            <numerusform>Búsqueda lista (%n artículos indexados en %1 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The search index is damaged and is being rebuilt; reading goes on meanwhile.</source>
        <translation>El índice de búsqueda está dañado y se está creando de nuevo; mientras tanto puede seguir leyendo.</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>Abriendo «%1»…</translation>
    </message>
    <message>
        <source>Opened “%1”.</source>
        <translation>Se abrió «%1».</translation>
    </message>
    <message>
        <source>Stopped opening the article.</source>
        <translation>Se dejó de abrir el artículo.</translation>
    </message>
    <message>
        <source>There is no article “%1” in the library, and no such file.</source>
        <translation>No hay ningún artículo «%1» en la biblioteca, ni ningún archivo con ese nombre.</translation>
    </message>
    <message>
        <source>%1 — Health library</source>
        <translation>%1 — Biblioteca de salud</translation>
    </message>
    <message>
        <source>No more citations in that direction.</source>
        <translation>No hay más citas en esa dirección.</translation>
    </message>
    <message>
        <source>Text size %1 %</source>
        <translation>Tamaño del texto: %1 %</translation>
    </message>
    <message>
        <source>Colours: %1</source>
        <translation>Colores: %1</translation>
    </message>
    <message>
        <source>The view is back to its defaults.</source>
        <translation>La vista ha vuelto a como estaba al principio.</translation>
    </message>
    <message>
        <source>Your settings could not be saved: %1</source>
        <translation>No se pudo guardar su configuración: %1</translation>
    </message>
    <message>
        <source>Open an article first, then print it.</source>
        <translation>Primero abra un artículo; después podrá imprimirlo.</translation>
    </message>
</context>
<context>
    <name>OSError</name>
    <message>
        <source>No such file or directory</source>
        <translation>el archivo o la carpeta no existe</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>no tiene permiso</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>la operación no está permitida</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>el disco es de solo lectura</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>no es una carpeta</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>error al leer o escribir en el disco</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>demasiados enlaces uno tras otro</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>el archivo ya existe</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>el nombre del archivo es demasiado largo</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>se agotó el espacio permitido en el disco</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
<context>
    <name>PinDialog</name>
    <message>
        <source>Staff only</source>
        <translation>Solo para el personal</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to leave kiosk mode</source>
        <translation>Solo para el personal: escriba el PIN para salir del modo quiosco</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Borrar el último número</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait until %1, then try again.</source>
        <translation>Demasiados PIN incorrectos. Espere hasta las %1 y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>You can try the PIN again.</source>
        <translation>Puede volver a escribir el PIN.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Reading aloud is not installed. To add it: pip install &apos;offline-reader[speech]&apos; (Qt&apos;s speech module), and on Debian or Ubuntu apt install speech-dispatcher espeak-ng.</source>
        <translation>La lectura en voz alta no está instalada. Para añadirla: pip install &apos;offline-reader[speech]&apos; (el módulo de voz de Qt) y, en Debian o Ubuntu, apt install speech-dispatcher espeak-ng.</translation>
    </message>
    <message>
        <source>The speech engine “%1” is not installed.</source>
        <translation>El motor de voz «%1» no está instalado.</translation>
    </message>
    <message>
        <source>No speech engine is installed, so reading aloud is off. On Debian or Ubuntu: apt install speech-dispatcher espeak-ng.</source>
        <translation>No hay ningún motor de voz instalado, así que la lectura en voz alta está desactivada. En Debian o Ubuntu: apt install speech-dispatcher espeak-ng.</translation>
    </message>
    <message>
        <source>Reading aloud stopped: the speech engine reported an error.</source>
        <translation>La lectura en voz alta se detuvo: el motor de voz dio un error.</translation>
    </message>
    <message>
        <source>Reading aloud stopped: %1.</source>
        <translation>La lectura en voz alta se detuvo: %1.</translation>
    </message>
</context>
<context>
    <name>ReadAloudControls</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Read aloud from the cursor</source>
        <translation>Leer en voz alta desde el cursor</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause reading</source>
        <translation>Pausar la lectura</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Detener la lectura</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Reading rate</source>
        <translation>Velocidad de lectura</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Resume reading</source>
        <translation>Continuar la lectura</translation>
    </message>
</context>
<context>
    <name>ReferencesPane</name>
    <message>
        <source>Reference %1 of %2</source>
        <translation>Referencia %1 de %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>About the marked sentence</source>
        <translation>Sobre la frase marcada</translation>
    </message>
    <message>
        <source>Details for staff</source>
        <translation>Detalles para el personal</translation>
    </message>
    <message>
        <source>Show or hide why the sentence was marked</source>
        <translation>Mostrar u ocultar por qué se marcó la frase</translation>
    </message>
    <message>
        <source>Why the sentence was marked</source>
        <translation>Por qué se marcó la frase</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Each reference in full. Select one to see where it is cited.</source>
        <translation>Cada referencia completa. Elija una para ver dónde se cita.</translation>
    </message>
    <message>
        <source>Cited in:</source>
        <translation>Citada en:</translation>
    </message>
    <message>
        <source>Cited in</source>
        <translation>Citada en</translation>
    </message>
    <message>
        <source>Places in the article that cite this reference. Press Enter to go to the claim.</source>
        <translation>Lugares del artículo que citan esta referencia. Pulse Intro para ir a la afirmación.</translation>
    </message>
    <message>
        <source>Address of the reference (to copy; not opened)</source>
        <translation>Dirección de la referencia (para copiar; no se abre)</translation>
    </message>
    <message>
        <source>No DOI or web address</source>
        <translation>Sin DOI ni dirección web</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the reference&apos;s address</source>
        <translation>Copiar la dirección de la referencia</translation>
    </message>
    <message>
        <source>Copy the DOI or web address to the clipboard</source>
        <translation>Copiar el DOI o la dirección web al portapapeles</translation>
    </message>
    <message>
        <source>This article has no reference list.</source>
        <translation>Este artículo no tiene lista de referencias.</translation>
    </message>
    <message>
        <source>This sentence mentions %1, and more than one source in this article&apos;s list could be what it means. It does not say which, so it is not linked to any of them.</source>
        <translation>Esta frase menciona a %1, y más de una fuente de la lista de este artículo podría ser la que quiere decir. No dice cuál, así que no está enlazada a ninguna.</translation>
    </message>
    <message>
        <source>It may be source %1 or source %2.</source>
        <translation>Puede ser la fuente %1 o la fuente %2.</translation>
    </message>
    <message>
        <source>This sentence mentions the %1, but that journal is not in this article&apos;s list of sources.</source>
        <translation>Esta frase menciona la revista %1, pero esa revista no está en la lista de fuentes de este artículo.</translation>
    </message>
    <message>
        <source>This sentence mentions the journal %1, but that journal is not in this article&apos;s list of sources.</source>
        <translation>Esta frase menciona la revista %1, pero esa revista no está en la lista de fuentes de este artículo.</translation>
    </message>
    <message>
        <source>This sentence mentions %1, but nothing from that organisation is in this article&apos;s list of sources.</source>
        <translation>Esta frase menciona a %1, pero nada de esa organización está en la lista de fuentes de este artículo.</translation>
    </message>
    <message>
        <source>This sentence mentions work by %1, but no work by that author is in this article&apos;s list of sources.</source>
        <translation>Esta frase menciona un trabajo de %1, pero ningún trabajo de esa persona está en la lista de fuentes de este artículo.</translation>
    </message>
    <message>
        <source>This sentence mentions %1, but that source is not in this article&apos;s list of sources.</source>
        <translation>Esta frase menciona a %1, pero esa fuente no está en la lista de fuentes de este artículo.</translation>
    </message>
    <message>
        <source>Ambiguous name: %1 fits references %2.</source>
        <translation>Nombre ambiguo: %1 corresponde a las referencias %2.</translation>
    </message>
    <message>
        <source>Named source not in the references: %1.</source>
        <translation>Fuente nombrada que no está en las referencias: %1.</translation>
    </message>
    <message>
        <source>Closest reference: %1.</source>
        <translation>Referencia más parecida: %1.</translation>
    </message>
    <message>
        <source>Cited in: —</source>
        <translation>Citada en: —</translation>
    </message>
    <message>
        <source>Reference %1 is cited in:</source>
        <translation>La referencia %1 se cita en:</translation>
    </message>
    <message>
        <source>Reference %1 is not cited in the text.</source>
        <translation>La referencia %1 no se cita en el texto.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>%1, ¶%2</source>
        <translation>%1, ¶%2</translation>
    </message>
    <message>
        <source>%1, paragraph %2: %3</source>
        <translation>%1, párrafo %2: %3</translation>
    </message>
</context>
<context>
    <name>SearchError</name>
    <message>
        <source>there is no index yet</source>
        <translation>todavía no hay índice</translation>
    </message>
    <message>
        <source>its manifest is unreadable</source>
        <translation>no se puede leer su manifiesto</translation>
    </message>
    <message>
        <source>it was built by another version ({version})</source>
        <translation>lo creó otra versión ({version})</translation>
    </message>
    <message>
        <source>it belongs to another library ({library})</source>
        <translation>es de otra biblioteca ({library})</translation>
    </message>
    <message>
        <source>its last update was interrupted</source>
        <translation>su última actualización se interrumpió</translation>
    </message>
    <message>
        <source>{file} has changed size</source>
        <translation>{file} cambió de tamaño</translation>
    </message>
    <message>
        <source>{file} is missing</source>
        <translation>falta {file}</translation>
    </message>
    <message>
        <source>it is damaged ({reason})</source>
        <translation>está dañado ({reason})</translation>
    </message>
    <message>
        <source>the disk holding the search index ({folder}) is full: the index was not updated</source>
        <translation>el disco donde está el índice de búsqueda ({folder}) está lleno: el índice no se actualizó</translation>
    </message>
    <message>
        <source>the disk holding the search index ({folder}) is full: the index was not updated; the last index is still used</source>
        <translation>el disco donde está el índice de búsqueda ({folder}) está lleno: el índice no se actualizó; se sigue usando el índice anterior</translation>
    </message>
    <message>
        <source>the search index in {folder} could not be updated: {reason}</source>
        <translation>no se pudo actualizar el índice de búsqueda de {folder}: {reason}</translation>
    </message>
    <message>
        <source>the search index folder {folder} cannot be written</source>
        <translation>no se puede escribir en la carpeta del índice de búsqueda {folder}</translation>
    </message>
    <message>
        <source>no folder can be written for the search index ({reason})</source>
        <translation>no hay ninguna carpeta donde se pueda escribir el índice de búsqueda ({reason})</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <source>Nothing here can be written, so the search index is kept in the temporary folder {folder} and rebuilt at each start.</source>
        <translation>Aquí no se puede escribir nada, así que el índice de búsqueda se guarda en la carpeta temporal {folder} y se vuelve a crear en cada inicio.</translation>
    </message>
    <message>
        <source>The search index is being built; results will appear shortly.</source>
        <translation>Se está creando el índice de búsqueda; los resultados aparecerán enseguida.</translation>
    </message>
    <message>
        <source>The search index is damaged and is being rebuilt. Please try again in a moment.</source>
        <translation>El índice de búsqueda está dañado y se está creando de nuevo. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>There are no articles in {language} about “{query}”. These articles in {library_language} match some of its words.</source>
        <translation>No hay artículos en {language} sobre «{query}». Estos artículos en {library_language} tienen algunas de esas palabras.</translation>
    </message>
    <message>
        <source>There are no articles in {language} about “{query}”, and none in {library_language} match. Try the words in {library_language}.</source>
        <translation>No hay artículos en {language} sobre «{query}», y ninguno en {library_language} coincide. Pruebe a escribir las palabras en {library_language}.</translation>
    </message>
    <message>
        <source>There are no articles in {language} about “{query}”. These articles in other languages match some of its words.</source>
        <translation>No hay artículos en {language} sobre «{query}». Estos artículos en otros idiomas tienen algunas de esas palabras.</translation>
    </message>
    <message>
        <source>There are no articles in {language} about “{query}”, and none in the library&apos;s other languages match.</source>
        <translation>No hay artículos en {language} sobre «{query}», y ninguno en los otros idiomas de la biblioteca coincide.</translation>
    </message>
    <message>
        <source>Type a word or two to search for.</source>
        <translation>Escriba una o dos palabras para buscar.</translation>
    </message>
    <message>
        <source>Add a word to look for as well as the words to leave out.</source>
        <translation>Añada una palabra que buscar, además de las palabras que quiere dejar fuera.</translation>
    </message>
    <message>
        <source>Those words are too common to search for; try a more specific word.</source>
        <translation>Esas palabras son demasiado comunes para buscarlas; pruebe con una palabra más precisa.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”; showing results for “{suggestion}”.</source>
        <translation>No se encontró nada para «{query}»; se muestran resultados para «{suggestion}».</translation>
    </message>
    <message>
        <source>No section has all of these words; showing sections with some of them.</source>
        <translation>Ninguna sección tiene todas estas palabras; se muestran secciones que tienen algunas.</translation>
    </message>
    <message>
        <source>Nothing matched exactly. Try the broader search “{query}”.</source>
        <translation>Nada coincide exactamente. Pruebe la búsqueda más amplia «{query}».</translation>
    </message>
    <message>
        <source>Nothing in “{collection}”; there are results in other collections.</source>
        <translation>No hay nada en «{collection}»; hay resultados en otras colecciones.</translation>
    </message>
    <message>
        <source>No articles match. Check the spelling, use fewer words, or try a more general word (for example “vitamin” instead of a brand name).</source>
        <translation>Ningún artículo coincide. Revise cómo está escrito, use menos palabras o pruebe con una palabra más general (por ejemplo, «vitamina» en vez de una marca).</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>title, matching sections</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Section %1: %2</source>
        <translation>Sección %1: %2</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Type words to search; results appear below as you type. Down arrow goes to them.</source>
        <translation>Escriba palabras para buscar; los resultados aparecen debajo mientras escribe. La flecha abajo lleva a ellos.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Browse the library instead</source>
        <translation>Mejor, ver la biblioteca</translation>
    </message>
    <message>
        <source>Nothing found: browse the library instead</source>
        <translation>No se encontró nada: ver la biblioteca</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>One entry per article, its matching sections under it. Press Enter on an article or a section to open it.</source>
        <translation>Una entrada por artículo, con sus secciones que coinciden debajo. Pulse Intro en un artículo o una sección para abrirlo.</translation>
    </message>
    <message>
        <source>Did you mean: %1</source>
        <translation>Quizás quiso decir: %1</translation>
    </message>
    <message>
        <source>Try the broader search: %1</source>
        <translation>Pruebe una búsqueda más amplia: %1</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>Ningún artículo coincide.</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <comment>results in</comment>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in %1 (showing %2)</source>
        <translation>
            <numerusform>%n resultado en %1 (se muestran %2)</numerusform>
            <numerusform>%n resultados en %1 (se muestran %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in %1</source>
        <translation>
            <numerusform>%n resultado en %1</numerusform>
            <numerusform>%n resultados en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1 %2.</translation>
    </message>
</context>
<context>
    <name>SearchService</name>
    <message>
        <source>The search index could not be opened (%1).</source>
        <translation>No se pudo abrir el índice de búsqueda (%1).</translation>
    </message>
    <message>
        <source>The search index could not be built (the indexer did not start).</source>
        <translation>No se pudo crear el índice de búsqueda (el indexador no arrancó).</translation>
    </message>
    <message>
        <source>The search index could not be built (the indexer stopped, code %1).</source>
        <translation>No se pudo crear el índice de búsqueda (el indexador se detuvo, código %1).</translation>
    </message>
    <message>
        <source>The search index is being prepared; your results will appear here by themselves as soon as it is ready.</source>
        <translation>El índice de búsqueda se está preparando; sus resultados aparecerán aquí solos en cuanto esté listo.</translation>
    </message>
    <message>
        <source>The search failed (%1).</source>
        <translation>La búsqueda falló (%1).</translation>
    </message>
</context>
<context>
    <name>SectionsPane</name>
    <message>
        <source>Sections of the article</source>
        <translation>Secciones del artículo</translation>
    </message>
    <message>
        <source>Press Enter on a section to go to it.</source>
        <translation>Pulse Intro en una sección para ir a ella.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>%1, level %2</source>
        <translation>%1, nivel %2</translation>
    </message>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1, %2 de %3</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>the settings file does not hold a JSON object; using defaults</source>
        <translation>el archivo de configuración no contiene un objeto JSON; se usa la configuración de fábrica</translation>
    </message>
    <message>
        <source>setting {name} has an unusable value {value}; using the default {default}</source>
        <translation>la opción {name} tiene un valor que no se puede usar ({value}); se usa el valor de fábrica {default}</translation>
    </message>
    <message>
        <source>the settings file {file} cannot be read ({reason}); using defaults</source>
        <translation>no se puede leer el archivo de configuración {file} ({reason}); se usa la configuración de fábrica</translation>
    </message>
    <message>
        <source>the settings file {file} cannot be read; using defaults</source>
        <translation>no se puede leer el archivo de configuración {file}; se usa la configuración de fábrica</translation>
    </message>
    <message>
        <source>the settings file {file} is damaged; using defaults</source>
        <translation>el archivo de configuración {file} está dañado; se usa la configuración de fábrica</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between two keys</comment>
        <translation> o </translation>
    </message>
    <message>
        <source>%1 (in the article text)</source>
        <translation>%1 (en el texto del artículo)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Every key the reader answers to. Tab leaves the table.</source>
        <translation>Todas las teclas a las que responde el lector. Tab sale de la tabla.</translation>
    </message>
    <message numerus="yes">
        <source>%n shortcut(s): keys, what they do, where.</source>
        <translation>
            <numerusform>%n atajo: teclas, qué hacen y dónde.</numerusform>
            <numerusform>%n atajos: teclas, qué hacen y dónde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextFile</name>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the file is binary (it contains NUL bytes), not {kind}</source>
        <translation>el archivo es binario (contiene bytes NUL), no {kind}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte})</source>
        <translation>el archivo no es texto UTF-8 (byte {byte})</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast (white on black)</source>
        <translation>Alto contraste (blanco sobre negro)</translation>
    </message>
    <message>
        <source>High contrast (yellow on black)</source>
        <translation>Alto contraste (amarillo sobre negro)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>White on black</source>
        <translation>Blanco sobre negro</translation>
    </message>
    <message>
        <source>Yellow on black</source>
        <translation>Amarillo sobre negro</translation>
    </message>
</context>
<context>
    <name>TopicGroup</name>
    <message>
        <source>Bones, joints and muscles</source>
        <translation>Huesos, articulaciones y músculos</translation>
    </message>
    <message>
        <source>Brain and nerves</source>
        <translation>Cerebro y nervios</translation>
    </message>
    <message>
        <source>Cancer</source>
        <translation>Cáncer</translation>
    </message>
    <message>
        <source>Diabetes and blood sugar</source>
        <translation>Diabetes y azúcar en la sangre</translation>
    </message>
    <message>
        <source>Eyes, ears, nose and mouth</source>
        <translation>Ojos, oídos, nariz y boca</translation>
    </message>
    <message>
        <source>Food, weight and healthy living</source>
        <translation>Alimentación, peso y vida sana</translation>
    </message>
    <message>
        <source>Heart and blood pressure</source>
        <translation>Corazón y presión arterial</translation>
    </message>
    <message>
        <source>Infections and vaccines</source>
        <translation>Infecciones y vacunas</translation>
    </message>
    <message>
        <source>Lungs and breathing</source>
        <translation>Pulmones y respiración</translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation>Salud mental</translation>
    </message>
    <message>
        <source>Older adults</source>
        <translation>Personas mayores</translation>
    </message>
    <message>
        <source>Pregnancy, babies and children</source>
        <translation>Embarazo, bebés y niños</translation>
    </message>
    <message>
        <source>Skin, hair and nails</source>
        <translation>Piel, cabello y uñas</translation>
    </message>
    <message>
        <source>Stomach, bowels and kidneys</source>
        <translation>Estómago, intestinos y riñones</translation>
    </message>
    <message>
        <source>Women&apos;s and men&apos;s health</source>
        <translation>Salud de la mujer y del hombre</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n matching section(s)</source>
        <translation>
            <numerusform>%n sección coincide</numerusform>
            <numerusform>%n secciones coinciden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing: %1 of %n article(s)</source>
        <translation>
            <numerusform>Indexando: %1 de %n artículo</numerusform>
            <numerusform>Indexando: %1 de %n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing: saving the index of %n article(s)…</source>
        <translation>
            <numerusform>Indexando: guardando el índice de %n artículo…</numerusform>
            <numerusform>Indexando: guardando el índice de %n artículos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message numerus="yes">
        <source>Library %1 opened: %n article(s)</source>
        <translation>
            <numerusform>Biblioteca %1 abierta: %n artículo</numerusform>
            <numerusform>Biblioteca %1 abierta: %n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the library…</source>
        <translation>Cargando la biblioteca…</translation>
    </message>
    <message numerus="yes">
        <source>Loading the library: %1 of %n article(s)</source>
        <translation>
            <numerusform>Cargando la biblioteca: %1 de %n artículo</numerusform>
            <numerusform>Cargando la biblioteca: %1 de %n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Library loaded: %n article(s)</source>
        <translation>
            <numerusform>Biblioteca cargada: %n artículo</numerusform>
            <numerusform>Biblioteca cargada: %n artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the library could not be read; run &apos;offline-reader check&apos; for details.</source>
        <translation>
            <numerusform>%n archivo de la biblioteca no se pudo leer; ejecute &apos;offline-reader check&apos; para ver los detalles.</numerusform>
            <numerusform>%n archivos de la biblioteca no se pudieron leer; ejecute &apos;offline-reader check&apos; para ver los detalles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keymap</name>
    <message>
        <source>Go to the library search box</source>
        <translation>Ir a la casilla de búsqueda de la biblioteca</translation>
    </message>
    <message>
        <source>Moving around</source>
        <translation>Moverse</translation>
    </message>
    <message>
        <source>Go to the library list</source>
        <translation>Ir a la lista de la biblioteca</translation>
    </message>
    <message>
        <source>Go to the article text</source>
        <translation>Ir al texto del artículo</translation>
    </message>
    <message>
        <source>Move to the next pane</source>
        <translation>Ir al panel siguiente</translation>
    </message>
    <message>
        <source>Move to the previous pane</source>
        <translation>Ir al panel anterior</translation>
    </message>
    <message>
        <source>Go back to where you were</source>
        <translation>Volver a donde estaba</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>Ir hacia adelante otra vez</translation>
    </message>
    <message>
        <source>Bookmark this article or section</source>
        <translation>Marcar este artículo o sección</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Find words in this article</source>
        <translation>Buscar palabras en este artículo</translation>
    </message>
    <message>
        <source>Next match of the words found</source>
        <translation>Siguiente resultado de las palabras buscadas</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Resultado anterior</translation>
    </message>
    <message>
        <source>Next section of the article</source>
        <translation>Siguiente sección del artículo</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Sección anterior</translation>
    </message>
    <message>
        <source>Next citation in the text</source>
        <translation>Siguiente cita en el texto</translation>
    </message>
    <message>
        <source>Previous citation</source>
        <translation>Cita anterior</translation>
    </message>
    <message>
        <source>Show the reference of the citation at the cursor</source>
        <translation>Mostrar la referencia de la cita que está en el cursor</translation>
    </message>
    <message>
        <source>Show or hide a research article&apos;s details (authors, DOI, licence)</source>
        <translation>Mostrar u ocultar los detalles de un artículo de investigación (autores, DOI, licencia)</translation>
    </message>
    <message>
        <source>From a reference, back to its claim</source>
        <translation>Desde una referencia, volver a su afirmación</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Text size and colours</source>
        <translation>Tamaño del texto y colores</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Text size back to 100 %</source>
        <translation>Volver al tamaño de texto del 100 %</translation>
    </message>
    <message>
        <source>Next colour theme</source>
        <translation>Siguientes colores</translation>
    </message>
    <message>
        <source>Reading mode: only the article and a small bar (again to leave)</source>
        <translation>Modo de lectura: solo el artículo y una barra pequeña (otra vez para salir)</translation>
    </message>
    <message>
        <source>Reset text size, font, spacing, colours and panes</source>
        <translation>Restablecer el tamaño del texto, la letra, el interlineado, los colores y los paneles</translation>
    </message>
    <message>
        <source>Read aloud from the cursor</source>
        <translation>Leer en voz alta desde el cursor</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Pause or resume reading aloud</source>
        <translation>Pausar o continuar la lectura en voz alta</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Detener la lectura en voz alta</translation>
    </message>
    <message>
        <source>Open a library folder</source>
        <translation>Abrir una carpeta de biblioteca</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Print the article or save it as PDF</source>
        <translation>Imprimir el artículo o guardarlo como PDF</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Ver los atajos de teclado</translation>
    </message>
    <message>
        <source>Open the menu bar</source>
        <translation>Abrir la barra de menús</translation>
    </message>
    <message>
        <source>Quit the reader</source>
        <translation>Salir del lector</translation>
    </message>
</context>
</TS>
