# Messages of the file readers (data::read): what is wrong with a file and how
# to fix it. They follow "{file}: " (data-error-parse).
read-excel-unreadable = cannot be read as an Excel workbook ({ $error }). Open it in Excel or WPS and save it again as .xlsx.
read-sheet-unreadable = sheet '{ $sheet }' cannot be read ({ $error }).
read-sheet-too-spread = sheet '{ $sheet }' has { $values } values spread over { $rows } rows and { $columns } columns, too far apart to read as one table. Open it in Excel or WPS, delete the rows and columns beyond your table (Ctrl+End shows the last used cell) and save again.
read-bad-utf8-after-bom = the file starts like UTF-8 but line { $line } is not valid UTF-8. Save it again as UTF-8 (or as GBK without the byte-order mark).
read-bad-utf16 = the file is UTF-16 text ("Unicode text" in Excel) but holds bytes that are not valid UTF-16. Save it again as UTF-8.
read-unknown-encoding = the text is neither UTF-8 nor GBK/GB18030 (first bad byte on line { $line }). Save it again as UTF-8.
read-note-western-european = the text is neither UTF-8 nor Chinese GBK and was read as Western European (Windows-1252 / Latin-1): check that accented letters (é, ü, ñ) look right; if not, save the file again as UTF-8.
read-note-short-rows = { $n ->
    [one] { $count } row has
   *[other] { $count } rows have
} fewer cells than the header's { $width } columns (first on line { $lines }): their missing cells are read as empty. A row cut short often means a damaged export: check those lines in the file.
# { $delimiter } is read-delimiter-tab, read-delimiter-space or a quoted character such as ';'.
read-delimiter-used = the file was read as { $delimiter }-separated
read-delimiter-tab = tab
read-delimiter-space = space
read-unclosed-quote = a quote opened on line { $line } is never closed. Check the quoting at line { $line }; { $how }.
read-too-many-fields = line { $line } has { $found } fields but the header has { $expected }. Check the delimiter or quoting at line { $line }; { $how }.
# { $problem } is read-header-unreadable, read-header-width or the reader's own message.
read-table-unreadable = { $problem } ({ $how }).
read-header-unreadable = the header cannot be read
read-header-width = the header has { $header } columns but the rows have { $rows }
read-json-too-deep = nests arrays and objects more than { $depth } levels deep (line { $line }, column { $column }), which no shop export does. Export the data as flat records (a JSON array of objects, one object per line, or CSV).
read-json-lines = one JSON object per line
read-json-array = a JSON array of objects
read-json-unreadable = cannot be read as { $kind } ({ $place }). Check that the file is complete and that every record is an object.
read-folder = this is a folder: open the data files inside it, or the folder itself from the toolbar or the command line
read-not-regular-file = this is not a regular file (a pipe, socket or device). Save the data to a file first, then open that file.
