# 导出：导出失败的原因、写入的内容、表头语言。

export-unsupported-format = { $file }：无法导出为 .{ $extension } 文件。请使用以 .csv 或 .xlsx 结尾的文件名。
export-format-mismatch = { $file }：{ $format } 名单应写成 .{ $expected } 文件，而不是 .{ $extension }：否则文件无法按扩展名打开。请改名为 …{ $expected }，或选择写出 .{ $extension } 的格式。
export-too-many-rows = { $file }：{ $rows } 行超出 Excel 工作表的上限（最多 { $max } 行）。请改为导出 CSV。
export-cannot-write = { $file }：无法写入文件（{ $reason }）。请确认文件夹存在、有写入权限且磁盘空间充足；如果文件已在 Excel 中打开，请先关闭。
export-cannot-prepare = { $file }：无法准备表格（{ $reason }）
export-cannot-write-workbook = { $file }：无法写入工作簿（{ $reason }）
export-invalid = { $file }：{ $why }
export-country-code = “{ $code }”不是国家/地区电话区号：请使用数字，例如 86（中国）、1（美国和加拿大）或 44（英国）

export-skipped-unusable = { $emails } 个邮箱和 { $phones } 个电话无法使用（例如 { $examples }），已留空
export-skipped-without-contact = { $count } 位目标客户没有可用的邮箱或电话，未写入名单
export-skipped-both = { $unusable }；{ $without }
export-wrote-targets = 已将 { $count } 行目标客户写入 { $path }
export-wrote-skipped = （{ $skipped }）
export-wrote-control = ；对照组（{ $count } 行，不要联系）写入 { $path }

export-sent-unreadable = { $record }：无法读取名单的记录文件（{ $reason }）。请选择 Marketbench 导出的名单文件：它的记录文件（同名并加上 .json）必须在旁边。
export-sent-invalid = { $record }：不是 Marketbench 名单的记录文件（{ $reason }）。请选择 Marketbench 导出的名单文件。
export-sent-no-customers = { $record }：记录文件中没有名单的客户（由较早版本的 Marketbench 导出）。请重新导出活动，以便之后复盘。
export-sent-describe = { $time } 导出的名单（{ $targets } 位目标客户，对照组 { $controls } 位）

export-headers = 列标题：
export-headers-hover = CSV、XLSX 和 Parquet 文件中的列名。数值按原样写入。Mailchimp、Klaviyo、Meta 和 Google 文件始终保留这些工具要求的列名。
export-headers-english = 英文
export-headers-chinese = 中文
