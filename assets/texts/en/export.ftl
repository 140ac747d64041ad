# The export layer: why an export failed, what it wrote, the header choice.

export-unsupported-format = { $file }: cannot export to '.{ $extension }' files. Choose a name ending in .csv or .xlsx.
export-format-mismatch = { $file }: a { $format } list is written as .{ $expected }, not .{ $extension }: the file would not open as its name says. Name it …{ $expected } or choose the format that writes .{ $extension }.
export-too-many-rows = { $file }: { $rows } rows do not fit in an Excel sheet (at most { $max }). Export to CSV instead.
export-cannot-write = { $file }: cannot write the file ({ $reason }). Check that the folder exists, that you may write there and that the disk has room; if the file is open in Excel, close it.
export-cannot-prepare = { $file }: cannot prepare the table ({ $reason })
export-cannot-write-workbook = { $file }: cannot write the workbook ({ $reason })
export-invalid = { $file }: { $why }
export-country-code = '{ $code }' is not a country calling code: use digits such as 86 (China), 1 (US and Canada) or 44 (UK)

export-skipped-unusable = { $emails } emails and { $phones } phones were not usable (e.g. { $examples }) and left empty
export-skipped-without-contact = { $count } { $n ->
        [one] target had
       *[other] targets had
    } no usable email or phone and { $n ->
        [one] is
       *[other] are
    } not in the list
export-skipped-both = { $unusable }; { $without }
export-wrote-targets = Wrote { $count } target { $n ->
        [one] row
       *[other] rows
    } to { $path }
export-wrote-skipped = {" "}({ $skipped })
export-wrote-control = ; the control group ({ $count } { $n ->
        [one] row
       *[other] rows
    }, not to be contacted) to { $path }

export-sent-unreadable = { $record }: cannot read the list's record ({ $reason }). Choose the list file Marketbench exported: its record (the same name with .json added) must be beside it.
export-sent-invalid = { $record }: not the record of a Marketbench list ({ $reason }). Choose the list file Marketbench exported.
export-sent-no-customers = { $record }: the record names no customer of the list (it was exported by an older Marketbench). Export the campaign again to read it out later.
export-sent-describe = the list exported { $time } ({ $targets } { $n ->
        [one] target
       *[other] targets
    }, { $controls } in the control group)

export-headers = Column headers:
export-headers-hover = The names of the columns in CSV, XLSX and Parquet files. Values are written as they are. Mailchimp, Klaviyo, Meta and Google files always keep the headers those tools require.
export-headers-english = English
export-headers-chinese = 中文
