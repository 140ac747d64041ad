# Messages of the file readers (data::read): what is wrong with a file and how
# to fix it. They follow "{file}: " (data-error-parse).
read-excel-unreadable = 无法作为 Excel 工作簿读取（{ $error }）。请用 Excel 或 WPS 打开，再另存为 .xlsx。
read-sheet-unreadable = 工作表“{ $sheet }”无法读取（{ $error }）。
read-sheet-too-spread = 工作表“{ $sheet }”有 { $values } 个值，分布在 { $rows } 行、{ $columns } 列中，相距太远，无法作为一张表读取。请用 Excel 或 WPS 打开，删除表格以外的行和列（按 Ctrl+End 可找到最后使用的单元格），然后重新保存。
read-bad-utf8-after-bom = 文件开头像 UTF-8，但第 { $line } 行不是有效的 UTF-8。请重新另存为 UTF-8（或不带字节顺序标记的 GBK）。
read-bad-utf16 = 文件是 UTF-16 文本（Excel 中的“Unicode 文本”），但含有无效的 UTF-16 字节。请重新另存为 UTF-8。
read-unknown-encoding = 文本既不是 UTF-8 也不是 GBK/GB18030（第 { $line } 行有第一个无效字节）。请重新另存为 UTF-8。
read-note-western-european = 文本既不是 UTF-8 也不是中文 GBK，已按西欧编码（Windows-1252 / Latin-1）读取：请检查带重音的字母（é、ü、ñ）是否显示正确；如果不正确，请把文件重新另存为 UTF-8。
read-note-short-rows = { $count } 行的单元格少于表头的 { $width } 列（第一处在第 { $lines } 行）：缺少的单元格按空值读取。行被截断通常说明导出的文件已损坏：请检查文件中的这些行。
# { $delimiter } is read-delimiter-tab, read-delimiter-space or a quoted character such as ';'.
read-delimiter-used = 文件按{ $delimiter }分隔读取
read-delimiter-tab = 制表符
read-delimiter-space = 空格
read-unclosed-quote = 第 { $line } 行开始的引号没有闭合。请检查第 { $line } 行的引号；{ $how }。
read-too-many-fields = 第 { $line } 行有 { $found } 个字段，而表头只有 { $expected } 个。请检查第 { $line } 行的分隔符或引号；{ $how }。
# { $problem } is read-header-unreadable, read-header-width or the reader's own message.
read-table-unreadable = { $problem }（{ $how }）。
read-header-unreadable = 无法读取表头
read-header-width = 表头有 { $header } 列，而数据行有 { $rows } 列
read-json-too-deep = 数组和对象嵌套超过 { $depth } 层（第 { $line } 行，第 { $column } 列），店铺导出的数据不会这样。请把数据导出为扁平的记录（由对象组成的 JSON 数组、每行一个对象，或 CSV）。
read-json-lines = 每行一个 JSON 对象
read-json-array = 由对象组成的 JSON 数组
read-json-unreadable = 无法按{ $kind }读取（{ $place }）。请检查文件是否完整，以及每条记录是否都是对象。
read-folder = 这是一个文件夹：请打开其中的数据文件，或从工具栏打开这个文件夹
read-not-regular-file = 这不是普通文件（而是管道、套接字或设备）。请先把数据保存为文件，再打开该文件。
